/** Retrying busy transactions: until success, until the budget is spent, never on other errors. */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { retryWhileBusy } from './retry.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
const mapped = (error: unknown) => E.left({ _tag: 'Mapped' as const, error });

describe('retrying while the file is busy', () => {
  it('retries a busy attempt until it succeeds', async () => {
    let attempts = 0;
    const outcome = await retryWhileBusy(
      'append',
      5_000,
      () => {
        attempts += 1;
        if (attempts < 4) throw busy();
        return E.right(attempts);
      },
      mapped,
    );
    expect(outcome).toEqual(E.right(4));
  });

  it('gives up with a retryable StoreUnavailable once the budget is spent', async () => {
    let attempts = 0;
    const started = performance.now();
    const outcome = await retryWhileBusy(
      'append',
      60,
      () => {
        attempts += 1;
        throw busy();
      },
      mapped,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(attempts).toBeGreaterThan(1);
    expect(outcome).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'StoreUnavailable',
          retryable: true,
          message: expect.stringContaining('SQLITE_BUSY'),
        }),
      ),
    );
  });

  it('passes any other failure to the mapping at once', async () => {
    let attempts = 0;
    const failure = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    const outcome = await retryWhileBusy(
      'append',
      5_000,
      () => {
        attempts += 1;
        throw failure;
      },
      mapped,
    );
    expect(attempts).toBe(1);
    expect(outcome).toEqual(E.left({ _tag: 'Mapped', error: failure }));
  });
});

/**
 * Retrying while another process holds the write lock.
 *
 * SQLite's own busy handler (`busy_timeout`) already waits inside a statement, but some busy
 * results skip it (a WAL snapshot gone stale, recovery after a crashed writer, a mode switch), and
 * its wait blocks the event loop. So a busy transaction is also retried here, with jittered
 * exponential back-off between attempts that leaves the event loop free, until a time budget is
 * spent; only then does the caller see `StoreUnavailable` with `retryable: true`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as E from 'fp-ts/Either';
import { storeUnavailable, type StoreUnavailable } from '@mandate/eventstore';
import { isBusy, sqliteCode } from './errors.js';

const FIRST_DELAY_MS = 2;
const LONGEST_DELAY_MS = 100;

/**
 * Runs `attempt` (a synchronous transaction) until it does not fail busy or `budgetMs` has passed.
 * Any other thrown error is passed to `onError`, whose value is returned.
 */
export async function retryWhileBusy<L, A>(
  action: string,
  budgetMs: number,
  attempt: () => E.Either<L, A>,
  onError: (error: unknown) => E.Either<L | StoreUnavailable, A>,
): Promise<E.Either<L | StoreUnavailable, A>> {
  const started = performance.now();
  for (let tries = 0; ; tries += 1) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) return onError(error);
      const waited = performance.now() - started;
      if (waited >= budgetMs) {
        return E.left(
          storeUnavailable(
            `SQLite store could not ${action}: the file was still busy (${sqliteCode(error)}) after ${Math.round(waited)} ms`,
            true,
            error,
          ),
        );
      }
      const ceiling = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(tries, 10));
      await sleep(Math.min(budgetMs - waited, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }
}

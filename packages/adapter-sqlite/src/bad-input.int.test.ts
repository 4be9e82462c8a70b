/**
 * Hostile input on a real file. Values are bound as SQL parameters, never spliced into SQL, so
 * SQL-looking text is stored verbatim; `__proto__` keys stay own data properties; text that is
 * not well-formed Unicode is refused by validation (SQLite would silently replace it, breaking
 * the hash chain), never stored altered.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, tryCanonicalJson } from '@mandate/eventstore';
import type { SqliteEventStore } from './store.js';
import {
  openStore,
  sampleEvent,
  scratchDirectory,
  successOf,
  type ScratchDirectory,
} from './store.fixture.js';

const INJECTION = "'); DROP TABLE events;--";

describe('hostile input', () => {
  let scratch: ScratchDirectory;
  let store: SqliteEventStore;
  let streams = 0;
  const freshStream = () => `hostile-${++streams}`;
  beforeAll(async () => {
    scratch = await scratchDirectory();
    store = await openStore({ path: scratch.file() });
  });
  afterAll(async () => {
    await store.close();
    await scratch.remove();
  });

  it('stores SQL-looking text verbatim and refuses it where names are constrained', async () => {
    const stream = freshStream();
    const data = { name: INJECTION, quote: 'O\'Brien "x" `y` ;', percent: '100%_%' };
    successOf(
      await store.append({
        appends: [{ stream, expectedRevision: 'no-stream', events: [sampleEvent('sql-1', data)] }],
      }),
    );
    expect(successOf(await store.readStream(stream))[0]?.data).toEqual(data);
    for (const request of [
      {
        appends: [
          { stream: INJECTION, expectedRevision: 'any' as const, events: [sampleEvent('x')] },
        ],
      },
      { appends: [{ stream, expectedRevision: 'any' as const, events: [sampleEvent(INJECTION)] }] },
      {
        appends: [
          { stream, expectedRevision: 'any' as const, events: [sampleEvent('x', {}, INJECTION)] },
        ],
      },
    ]) {
      expect(await store.append(request)).toEqual(
        E.left(expect.objectContaining({ _tag: 'InvalidAppend' })),
      );
    }
    expect(await store.readStream(INJECTION)).toEqual(
      E.left(expect.objectContaining({ _tag: 'StreamNotFound' })),
    );
    expect(successOf(await store.verify())).toMatchObject({ ok: true });
  });

  it('keeps __proto__ and constructor keys as own data, never as a prototype', async () => {
    const stream = freshStream();
    const data: unknown = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"n":1}',
    );
    successOf(
      await store.append({
        appends: [
          { stream, expectedRevision: 'no-stream', events: [sampleEvent('proto-1', data)] },
        ],
      }),
    );
    const [stored] = successOf(await store.readStream(stream));
    const read = stored?.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(read, '__proto__')).toBe(true);
    expect(canonicalJson(read)).toBe(canonicalJson(data));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses lone surrogates in data, names and metadata, storing nothing', async () => {
    const stream = freshStream();
    const lone = 'Ban Ch\uD800 đạo';
    const metadata = { ...sampleEvent('m').metadata, actor: lone };
    for (const request of [
      {
        appends: [
          { stream, expectedRevision: 'any' as const, events: [sampleEvent('d', { lone })] },
        ],
      },
      {
        appends: [
          {
            stream: `${stream}\uDC00`,
            expectedRevision: 'any' as const,
            events: [sampleEvent('n')],
          },
        ],
      },
      {
        appends: [
          { stream, expectedRevision: 'any' as const, events: [{ ...sampleEvent('m'), metadata }] },
        ],
      },
    ]) {
      expect(await store.append(request)).toEqual(
        E.left(expect.objectContaining({ _tag: 'InvalidAppend' })),
      );
    }
    expect(await store.readStream(stream)).toEqual(
      E.left(expect.objectContaining({ _tag: 'StreamNotFound' })),
    );
  });

  it('stores any JSON value verbatim, or refuses it as invalid, never altered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), async (data) => {
        const stream = freshStream();
        const outcome = await store.append({
          appends: [{ stream, expectedRevision: 'no-stream', events: [sampleEvent('any', data)] }],
        });
        const encodable = tryCanonicalJson(data);
        if (E.isLeft(encodable)) {
          expect(outcome).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidAppend' })));
          return;
        }
        successOf(outcome);
        const [stored] = successOf(await store.readStream(stream));
        expect(canonicalJson(stored?.data)).toBe(encodable.right);
      }),
      { numRuns: 150 },
    );
    expect(successOf(await store.verify())).toMatchObject({ ok: true });
  });
});

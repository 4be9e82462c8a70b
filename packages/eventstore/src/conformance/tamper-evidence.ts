/**
 * The tamper-evidence property every adapter runs: one generated log is written through the store
 * under test, a signed checkpoint of it is taken, and then each of many generated tamperings is
 * loaded into a fresh copy of the store — a byte of any field edited, an event deleted (middle or
 * last), two swapped, one inserted, an event rewritten or the newest removed with every later
 * hash recomputed, a command row forged, edited or deleted, a stream head edited, deleted or
 * forged — and `verify` against the checkpoint must report it, naming the table it is in.
 *
 * @see docs/reference/domain.md rule 13
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { openCheckpoint, signCheckpoint, verifierKey, type Checkpoint } from '../checkpoint.js';
import { GENESIS_HASH, computeRawHash } from '../hash-chain.js';
import { merkleTree } from '../merkle.js';
import type { EventStore } from '../port.js';
import type { RawStoredEvent } from '../raw-event.js';
import type { CommandRecord, StreamHeadRecord } from '../verify-store.js';
import { check, expectRight, show } from './assert.js';
import { eventFactory } from './fixtures.js';

/** Everything a store keeps, as plain rows. */
export interface StoreRows {
  readonly events: ReadonlyArray<RawStoredEvent>;
  readonly heads: ReadonlyArray<StreamHeadRecord>;
  readonly commands: ReadonlyArray<CommandRecord>;
}

/** An open store with a way to release it. */
export interface OpenStore {
  readonly store: EventStore;
  /** Closes the store and removes its storage. */
  readonly cleanup: () => Promise<void>;
}

/** What an adapter gives the tamper-evidence property. */
export interface TamperTarget {
  /** A fresh, empty store, and a way to read back every row it keeps. */
  readonly create: () => Promise<OpenStore & { readonly rows: () => Promise<StoreRows> }>;
  /** A store holding exactly `rows`, written with no check, trigger or hash computation. */
  readonly load: (rows: StoreRows) => Promise<OpenStore>;
}

/** Options of {@link checkTamperEvidence}. */
export interface TamperEvidenceOptions {
  /** How many tamperings to try (default 1,000). */
  readonly tamperings?: number;
  /** The fast-check seed, for a reproducible run. */
  readonly seed?: number;
}

/** What {@link checkTamperEvidence} tried: the number of tamperings of each kind, all detected. */
export type TamperSummary = Readonly<Record<string, number>>;

// ---------------------------------------------------------------------------------------------
// The genuine log
// ---------------------------------------------------------------------------------------------

const STREAMS = ['body-a', 'body-b', 'office-c', 'person-d', 'authority-e'] as const;

const logPlan = fc.array(
  fc.array(fc.tuple(fc.constantFrom(...STREAMS), fc.integer({ min: 1, max: 3 })), {
    minLength: 1,
    maxLength: 2,
  }),
  { minLength: 12, maxLength: 24 },
);

async function writeLog(store: EventStore, seed: number | undefined): Promise<void> {
  const [plan] = fc.sample(logPlan, seed === undefined ? 1 : { numRuns: 1, seed });
  const factory = eventFactory('tamper');
  for (const [i, parts] of (plan ?? []).entries()) {
    const commandId = `cmd-${i}`;
    const streams = [...new Map(parts).entries()];
    const appends = streams.map(([stream, count]) => ({
      stream,
      expectedRevision: 'any' as const,
      events: factory.events(count).map((event) => ({
        ...event,
        data: { i, note: `Ủy ban ${stream} ${i}` },
        metadata: { ...event.metadata, commandId: commandId as never },
      })),
    }));
    expectRight(await store.append({ commandId: commandId as never, appends }), `append ${i}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Tamperings
// ---------------------------------------------------------------------------------------------

type Tampering = { readonly kind: string; readonly table: 'events' | 'streams' | 'commands' } & {
  readonly apply: (rows: StoreRows) => StoreRows;
};

/** Recomputes every event's revision, previousHash and hash, and every head: a thorough forger. */
function rehash(events: ReadonlyArray<RawStoredEvent>): Pick<StoreRows, 'events' | 'heads'> {
  const last = new Map<string, { revision: bigint; hash: string }>();
  const out = events.map((row, i) => {
    const head = last.get(row.stream);
    const unhashed = {
      ...row,
      position: BigInt(i + 1),
      revision: head === undefined ? 0n : head.revision + 1n,
      previousHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = computeRawHash(unhashed);
    last.set(row.stream, { revision: unhashed.revision, hash });
    return { ...unhashed, hash };
  });
  return {
    events: out,
    heads: [...last].map(([stream, head]) => ({ stream, ...head })),
  };
}

const TEXT_FIELDS = [
  'dataJson',
  'metadataJson',
  'eventId',
  'stream',
  'type',
  'recordedAt',
  'previousHash',
  'hash',
] as const;

const replaceAt = (text: string, index: number): string => {
  const i = index % Math.max(text.length, 1);
  const replacement = text[i] === '~' ? 'Z' : '~';
  return text.slice(0, i) + replacement + text.slice(i + 1);
};

function tampering(rows: StoreRows): fc.Arbitrary<Tampering> {
  const n = rows.events.length;
  const index = fc.nat({ max: n - 1 });
  const onEvents = (kind: string, apply: (rows: StoreRows) => StoreRows): Tampering => ({
    kind,
    table: 'events',
    apply,
  });
  const withEvents = (r: StoreRows, events: ReadonlyArray<RawStoredEvent>): StoreRows => ({
    ...r,
    events,
  });
  const rehashed = (r: StoreRows, events: ReadonlyArray<RawStoredEvent>): StoreRows => ({
    ...r,
    ...rehash(events),
  });
  return fc.oneof(
    fc.tuple(index, fc.constantFrom(...TEXT_FIELDS), fc.nat()).map(([i, field, at]) =>
      onEvents(`edit a byte of ${field}`, (r) =>
        withEvents(
          r,
          r.events.map((row, j) =>
            j === i ? { ...row, [field]: replaceAt(row[field], at) } : row,
          ),
        ),
      ),
    ),
    fc.tuple(index, fc.constantFrom('revision', 'schemaVersion')).map(([i, field]) =>
      onEvents(`edit ${field}`, (r) =>
        withEvents(
          r,
          r.events.map((row, j) =>
            j !== i
              ? row
              : field === 'revision'
                ? { ...row, revision: row.revision + 1000n }
                : { ...row, schemaVersion: row.schemaVersion + 1 },
          ),
        ),
      ),
    ),
    index.map((i) =>
      onEvents(i === n - 1 ? 'delete the last event' : 'delete an event', (r) =>
        withEvents(
          r,
          r.events.filter((_, j) => j !== i),
        ),
      ),
    ),
    fc
      .tuple(index, index)
      .filter(([i, j]) => i !== j)
      .map(([i, j]) =>
        onEvents('swap two events', (r) => {
          const a = r.events[i] as RawStoredEvent;
          const b = r.events[j] as RawStoredEvent;
          return withEvents(
            r,
            r.events.map((row, k) =>
              k === i
                ? { ...b, position: a.position }
                : k === j
                  ? { ...a, position: b.position }
                  : row,
            ),
          );
        }),
      ),
    fc.tuple(index, index).map(([at, from]) =>
      onEvents('insert an event, rehashing everything', (r) => {
        const copy = { ...(r.events[from] as RawStoredEvent), eventId: `forged-${at}` };
        return rehashed(r, [...r.events.slice(0, at), copy, ...r.events.slice(at)]);
      }),
    ),
    fc.tuple(index, fc.string({ minLength: 1, maxLength: 5 })).map(([i, text]) =>
      onEvents('rewrite an event, rehashing everything after it', (r) =>
        rehashed(
          r,
          r.events.map((row, j) =>
            j === i ? { ...row, dataJson: JSON.stringify({ forged: text, i }) } : row,
          ),
        ),
      ),
    ),
    fc
      .integer({ min: 1, max: 3 })
      .map((k) =>
        onEvents('remove the newest events, fixing the heads', (r) =>
          rehashed(r, r.events.slice(0, n - k)),
        ),
      ),
    fc.tuple(index, fc.nat()).map(([i, c]) => ({
      kind: 'forge a command row',
      table: 'commands' as const,
      apply: (r: StoreRows) => {
        const event = r.events[i] as RawStoredEvent;
        return {
          ...r,
          commands: [
            ...r.commands,
            {
              commandId: `forged-${c}`,
              result: {
                streams: [{ stream: event.stream, nextExpectedRevision: event.revision }],
                lastPosition: event.position,
                duplicate: false,
              },
            },
          ],
        };
      },
    })),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })).map(([c, shift]) => ({
      kind: 'edit a command row',
      table: 'commands' as const,
      apply: (r: StoreRows) => ({
        ...r,
        commands: r.commands.map((row, j) =>
          j !== c % r.commands.length || row.result === undefined
            ? row
            : {
                ...row,
                result: { ...row.result, lastPosition: row.result.lastPosition + BigInt(shift) },
              },
        ),
      }),
    })),
    fc.nat().map((c) => ({
      kind: 'delete a command row',
      table: 'commands' as const,
      apply: (r: StoreRows) => ({
        ...r,
        commands: r.commands.filter((_, j) => j !== c % r.commands.length),
      }),
    })),
    fc.tuple(fc.nat(), fc.constantFrom(-1n, 1n), fc.boolean()).map(([h, delta, hash]) => ({
      kind: hash ? 'edit a stream head hash' : 'edit a stream head revision',
      table: 'streams' as const,
      apply: (r: StoreRows) => ({
        ...r,
        heads: r.heads.map((head, j) =>
          j !== h % r.heads.length
            ? head
            : hash
              ? { ...head, hash: replaceAt(head.hash, Number(delta + 2n)) }
              : { ...head, revision: head.revision + delta },
        ),
      }),
    })),
    fc.nat().map((h) => ({
      kind: 'delete a stream head',
      table: 'streams' as const,
      apply: (r: StoreRows) => ({
        ...r,
        heads: r.heads.filter((_, j) => j !== h % r.heads.length),
      }),
    })),
    fc.constant({
      kind: 'forge a stream head',
      table: 'streams' as const,
      apply: (r: StoreRows) => ({
        ...r,
        heads: [...r.heads, { stream: 'body-forged', revision: 0n, hash: GENESIS_HASH }],
      }),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

async function signedCheckpointOf(events: ReadonlyArray<RawStoredEvent>): Promise<Checkpoint> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const origin = 'mandate.test/tamper';
  const signed = signCheckpoint(
    {
      origin,
      size: BigInt(events.length),
      rootHash: merkleTree(events.map((row) => row.hash)).root(),
    },
    { name: 'tamper-test', privateKey },
  );
  const opened = openCheckpoint(signed.note, verifierKey('tamper-test', privateKey), origin);
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  return opened.right;
}

/**
 * Writes one generated log, checkpoints it, and checks `verify` reports every generated tampering
 * of a copy, naming its table; throws a plain `Error` at the first one it misses.
 */
export async function checkTamperEvidence(
  target: TamperTarget,
  options: TamperEvidenceOptions = {},
): Promise<TamperSummary> {
  const genuine = await target.create();
  let rows: StoreRows;
  try {
    await writeLog(genuine.store, options.seed);
    rows = await genuine.rows();
  } finally {
    await genuine.cleanup();
  }
  const checkpoint = await signedCheckpointOf(rows.events);
  const verifyCopy = async (copy: StoreRows) => {
    const loaded = await target.load(copy);
    try {
      return expectRight(
        await loaded.store.verify({ checkpoint, everyCommandRecorded: true }),
        'verify',
      );
    } finally {
      await loaded.cleanup();
    }
  };
  const control = await verifyCopy(rows);
  check(control.ok, `verify rejected the untouched copy: ${show(control)}`);

  const summary: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(tampering(rows), async (t) => {
      const report = await verifyCopy(t.apply(rows));
      check(!report.ok, `${t.kind} went undetected`);
      const { problem } = report;
      const table = problem._tag === 'RowTampered' ? problem.table : 'events';
      check(table === t.table, `${t.kind} was blamed on the ${table}: ${show(problem)}`);
      summary[t.kind] = (summary[t.kind] ?? 0) + 1;
    }),
    {
      numRuns: options.tamperings ?? 1_000,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
  );
  return summary;
}

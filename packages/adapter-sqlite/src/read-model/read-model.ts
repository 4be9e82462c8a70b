/**
 * The SQLite bitemporal read model (better-sqlite3): fact rows with their valid and recorded
 * intervals in indexed tables (with an R*Tree over both intervals, see extent.ts), the decoded
 * events of each stream, and the checkpoint, all written in one transaction per commit (one
 * event live) — so a crash never applies an event twice or loses one. A rebuild's commits (a page
 * of the log each) are savepoints within a transaction committed every few thousand events: a
 * crash loses at most that many events' work, and the checkpoint with it. The folded states of
 * the streams touched lately, and their current facts, are cached in memory (within a bound on their
 * estimated size) and folded again from the stored events after a restart or an eviction.
 *
 * @see docs/reference/domain.md rule 11 and "Time"
 */
import type { Database, Statement } from 'better-sqlite3';
import { Body, Office } from '@mandate/core';
import type { Authority, EventsWithdrawn, Instant } from '@mandate/core';
import {
  CHECKPOINT_TABLE,
  FACT_KINDS,
  authorityRowsBefore,
  before,
  boundedCache,
  foldRegistry,
  foldStream,
  createQueries,
  rosterFactsOneByOne,
  factOfRow,
  factTable,
  streamEventTable,
  tablePrefix,
  type ChangePayload,
  type CheckpointedModel,
  type Fact,
  type FactKind,
  type FactReader,
  type FactRow,
  type FactStore,
  type FoldedStream,
  type OpenFact,
  type Projection,
  type ReadModelQueries,
} from '@mandate/projections';
import { createExtents, extentSchema } from './extent.js';
import { createFactRows } from './fact-rows.js';
import { createStreamEvents } from './stream-events.js';
import {
  dropQueryIndexStatements,
  queryIndexStatements,
  rebuildingTable,
  schemaStatements,
} from './schema.js';

/** The subject the authority registry's one stream is stored under. */
const REGISTRY_SUBJECT = 'authorities';

/** Options of a SQLite read model. */
export interface SqliteReadModelOptions {
  /**
   * About how many bytes of memory the caches may hold (default 4 MiB): half for the folded
   * states of the streams touched lately, half for their current facts. A stream not among them
   * is folded again from the model's stored events when next touched, a subject's current facts
   * read again from its table. Sizes are estimated (a state from its stream's length, facts from
   * their payloads' text), and the entry used last is kept whatever its size. The heap grows to a
   * few times what is live before it is collected, so this bounds the peak memory of a rebuild.
   */
  readonly cacheBytes?: number;
  /**
   * How many events a rebuild applies per transaction (default 5,000): each page of the log is a
   * savepoint within it, and a crash loses the work of the transaction under way. More saves
   * commits; the write-ahead log grows by what one transaction writes.
   */
  readonly rebuildEventsPerTransaction?: number;
}

const DEFAULT_CACHE_BYTES = 4 * 1024 * 1024;

/** The estimated size of a folded state per event of its stream (the benchmarks' bodies). */
const STATE_BYTES_PER_EVENT = 400;

/** The estimated size of a mirrored current fact: its fields, its payload's text and the payload. */
const factBytes = (payloadJson: string): number => 200 + 4 * payloadJson.length;

const DEFAULT_REBUILD_EVENTS_PER_TRANSACTION = 5_000;

/** The columns a fact is inserted with, in the order {@link factColumns} gives their values. */
const FACT_COLUMNS = [
  'subject',
  'key',
  'ordinal',
  'ref',
  'valid_from',
  'valid_to',
  'payload',
  'recorded_from',
];

/** A fact's values for {@link FACT_COLUMNS}, current from `at`. */
const factColumns = (fact: Fact, payload: string, at: Instant): ReadonlyArray<unknown> => [
  fact.subject,
  fact.key,
  fact.ordinal,
  fact.ref ?? null,
  fact.valid.from,
  fact.valid.to ?? null,
  payload,
  at,
];

/** A cached folded state, with the number of stored events it was folded from. */
interface CachedState {
  readonly state: Body.State | Office.OfficeState;
  readonly events: number;
}

/** A mirrored current fact, with its payload's text as stored (what it weighs). */
interface MirroredFact extends OpenFact {
  readonly payloadJson: string;
}

/** A subject's current facts of one kind by key, with their estimated size in bytes. */
interface MirroredFacts {
  readonly byKey: Map<string, MirroredFact[]>;
  readonly bytes: number;
}

/** A SQLite read model: its checkpointed target and its queries. */
export interface SqliteReadModel {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
}

/** Rows that are current knowledge. */
const CURRENT = 'recorded_to IS NULL';
/** Rows known at an instant (bound twice). */
const KNOWN = 'recorded_from <= ? AND (recorded_to IS NULL OR ? < recorded_to)';

/** A query's two statements: over current knowledge, and as known at an instant (last two parameters). */
interface KnownStatements {
  readonly current: Statement<unknown[], FactRow>;
  readonly known: Statement<unknown[], FactRow>;
}

/** Creates (if needed) the tables of `projection`'s version in `db` and opens its read model. */
export function createSqliteReadModel(
  db: Database,
  projection: Pick<Projection<FactStore>, 'name' | 'version'>,
  {
    cacheBytes = DEFAULT_CACHE_BYTES,
    rebuildEventsPerTransaction = DEFAULT_REBUILD_EVENTS_PER_TRANSACTION,
  }: SqliteReadModelOptions = {},
): SqliteReadModel {
  if (!Number.isSafeInteger(cacheBytes) || cacheBytes < 2)
    throw new RangeError('The caches hold at least two bytes');
  if (!Number.isSafeInteger(rebuildEventsPerTransaction) || rebuildEventsPerTransaction < 1)
    throw new RangeError('A rebuild applies at least one event per transaction');
  const eventsPerTransaction = BigInt(rebuildEventsPerTransaction);
  const prefix = tablePrefix(projection);
  for (const statement of [...schemaStatements(prefix), ...extentSchema(prefix)])
    db.exec(statement);
  const extents = createExtents(db, prefix);
  const events = streamEventTable(prefix);
  const tables = new Map(FACT_KINDS.map((kind) => [kind, factTable(prefix, kind)] as const));
  const table = (kind: FactKind): string => tables.get(kind) ?? factTable(prefix, kind);

  /** A query per fact kind, for current knowledge and as known at an instant. */
  const perKind = (where: string, orderBy: string): ReadonlyMap<FactKind, KnownStatements> =>
    new Map(
      FACT_KINDS.map((kind) => [
        kind,
        {
          current: db.prepare<unknown[], FactRow>(
            `SELECT * FROM ${table(kind)} WHERE ${where} AND ${CURRENT} ORDER BY ${orderBy}`,
          ),
          known: db.prepare<unknown[], FactRow>(
            `SELECT * FROM ${table(kind)} WHERE ${where} AND ${KNOWN} ORDER BY ${orderBy}`,
          ),
        },
      ]),
    );

  const statements = {
    markRebuilding: db.prepare(
      `INSERT INTO ${rebuildingTable(prefix)} (marker) VALUES (1) ON CONFLICT DO NOTHING`,
    ),
    rebuildingMarked: db.prepare<[], { marker: number }>(
      `SELECT marker FROM ${rebuildingTable(prefix)}`,
    ),
    unmarkRebuilding: db.prepare(`DELETE FROM ${rebuildingTable(prefix)}`),
    checkpoint: db.prepare<[string], { position: string; hash: string }>(
      `SELECT position, hash FROM ${CHECKPOINT_TABLE} WHERE projection = ?`,
    ),
    setCheckpoint: db.prepare<[string, string, string]>(
      `INSERT INTO ${CHECKPOINT_TABLE} (projection, position, hash) VALUES (?, ?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position, hash = excluded.hash`,
    ),
    empty: [...FACT_KINDS.map(table), events].map((name) => db.prepare(`DELETE FROM ${name}`)),
    open: new Map(
      FACT_KINDS.map((kind) => [
        kind,
        db.prepare<[string], FactRow>(
          `SELECT * FROM ${table(kind)} WHERE subject = ? AND recorded_to IS NULL ORDER BY row_id`,
        ),
      ]),
    ),
    about: perKind('subject = ?', 'ordinal, valid_from, row_id'),
    referring: perKind('ref = ?', 'subject, ordinal, valid_from, row_id'),
    // A name fact's key is its folded name (name-facts.ts): a search scans that one column.
    containing: perKind('instr(key, ?) > 0', 'subject, ordinal, valid_from, row_id'),
    starting: perKind('? <= valid_from AND valid_from < ?', 'valid_from, subject, ordinal, row_id'),
    // Whether a body is known: the roster's first question (one probe of the `_about` index).
    bodyKnown: {
      current: db.prepare<[string], { known: number }>(
        `SELECT EXISTS (SELECT 1 FROM ${table('body')} WHERE subject = ? AND ${CURRENT}) AS known`,
      ),
      known: db.prepare<[string, string, string], { known: number }>(
        `SELECT EXISTS (SELECT 1 FROM ${table('body')} WHERE subject = ? AND ${KNOWN}) AS known`,
      ),
    },
    subjects: new Map(
      FACT_KINDS.map((kind) => [
        kind,
        {
          current: db.prepare<[], { subject: string }>(
            `SELECT DISTINCT subject FROM ${table(kind)} WHERE ${CURRENT} ORDER BY subject`,
          ),
          known: db.prepare<[string, string], { subject: string }>(
            `SELECT DISTINCT subject FROM ${table(kind)} WHERE ${KNOWN} ORDER BY subject`,
          ),
        },
      ]),
    ),
  };
  const statement = <S>(map: ReadonlyMap<FactKind, S>, kind: FactKind): S => {
    const found = map.get(kind);
    if (found === undefined) throw new Error(`No statement for fact kind ${kind}`);
    return found;
  };

  /**
   * The stream events and fact rows written since the last flush, each commit writing them in a
   * few multi-row `INSERT`s at its end: the stream events are read back only once their stream
   * has left the cache, the facts only once their subject has left the mirror (each flushed
   * first). A fact gets its row id when opened, so that the stream event whose source a change
   * holds can name it, and a fact closed within the commit is written closed.
   */
  const buffered = {
    events: createStreamEvents(db, events, table('change')),
    facts: new Map(
      FACT_KINDS.map((kind) => [kind, createFactRows(db, table(kind), FACT_COLUMNS)] as const),
    ),
  };
  const factRows = (kind: FactKind) => statement(buffered.facts, kind);
  const flush = (): void => {
    buffered.events.flush();
    for (const rows of buffered.facts.values()) rows.flush();
  };
  const forgetBuffered = (): void => {
    buffered.events.clear();
    for (const rows of buffered.facts.values()) rows.forget();
  };
  const streamEvents = <E>(aggregate: string, subject: string): ReadonlyArray<E> => {
    factRows('change').flush();
    return buffered.events.read(aggregate, subject) as ReadonlyArray<E>;
  };

  /**
   * Whether a rebuild is under way in this connection: the query indexes are dropped and no
   * extent is kept until {@link finishRebuild} builds them all at once from the fact tables.
   */
  let deferring = false;
  /**
   * The position the rebuild last committed at: a rebuild keeps one transaction open across
   * commits, each commit a savepoint in it (rolled back alone when it fails), and commits it
   * every `rebuildEventsPerTransaction` events, saving a `COMMIT` and the rewriting of
   * the same pages per page of the log.
   */
  let rebuildCommitted = 0n;
  /** Whether this model began the transaction now open (never commit an embedder's own). */
  let grouping = false;
  const commitRebuild = (): void => {
    if (grouping && db.inTransaction) db.exec('COMMIT');
    grouping = false;
  };
  const finishRebuild = (): void => {
    commitRebuild();
    db.transaction(() => {
      for (const create of queryIndexStatements(prefix)) db.exec(create);
      extents.fill();
      statements.unmarkRebuilding.run();
    })();
    deferring = false;
  };
  // A rebuild interrupted (a crash, a killed process) left its marker: finish what it deferred,
  // so that the rows it applied are found by the queries before anything else reads them.
  if (statements.rebuildingMarked.get() !== undefined) finishRebuild();

  /**
   * The folded states of the streams touched lately, by `aggregate:subject`, each with the number
   * of events it was folded from (its estimated size); cleared on rollback. Only the state is
   * kept, not the chain of states a withdrawal may take a stream back to: a withdrawal is rare,
   * and folds the stream again from its stored events (see {@link stateBefore}), while keeping
   * every earlier state alive would carry them all into the old generation of the heap.
   */
  const cache = boundedCache<string, CachedState>(
    Math.floor(cacheBytes / 2),
    ({ events }) => events * STATE_BYTES_PER_EVENT,
  );
  const storedStream = <S, E>(
    aggregate: 'body' | 'office',
    subject: string,
    foldAll: (events: ReadonlyArray<E | EventsWithdrawn>) => FoldedStream<S>,
  ): FoldedStream<S> & { readonly events: number } => {
    const stored = streamEvents<E | EventsWithdrawn>(aggregate, subject);
    return { ...foldAll(stored), events: stored.length };
  };
  const stateOf = <S, E>(
    aggregate: 'body' | 'office',
    subject: string,
    foldAll: (events: ReadonlyArray<E | EventsWithdrawn>) => FoldedStream<S>,
  ): S => {
    const cached = cache.get(`${aggregate}:${subject}`);
    if (cached !== undefined) return cached.state as S;
    const { state, events: count } = storedStream(aggregate, subject, foldAll);
    cache.set(`${aggregate}:${subject}`, {
      state: state as Body.State | Office.OfficeState,
      events: count,
    });
    return state;
  };
  /** The state of a stream before its last `count` standing events, folded from its stored events. */
  const stateBefore = <S, E>(
    aggregate: 'body' | 'office',
    subject: string,
    foldAll: (events: ReadonlyArray<E | EventsWithdrawn>) => FoldedStream<S>,
    count: number,
  ): S => before(storedStream(aggregate, subject, foldAll), count).state;
  const foldBody = (events: ReadonlyArray<Body.Event | EventsWithdrawn>) =>
    foldStream(Body.decider, events);
  const foldOffice = (events: ReadonlyArray<Office.Event | EventsWithdrawn>) =>
    foldStream(Office.decider, events);
  /** Keeps the event for later folds, and `state` (after it) as the stream's state. */
  const save = <S>(
    aggregate: 'body' | 'office',
    subject: string,
    state: S,
    event: Body.Event | Office.Event | EventsWithdrawn,
  ): void => {
    buffered.events.save(aggregate, subject, event);
    const key = `${aggregate}:${subject}`;
    const count = (cache.get(key)?.events ?? 0) + 1;
    cache.set(key, { state: state as Body.State | Office.OfficeState, events: count });
  };

  /**
   * The current facts of the subjects touched lately, by kind and subject, then key (each list in
   * row order, each fact with its payload's text, the whole with its estimated size): what
   * superseding reads for every event, loaded from the table once per subject and kind, then
   * kept up to date by the writes (and weighed again); cleared on rollback. Only kinds the
   * projection asks about are loaded (never the changes, which it only appends).
   */
  const mirrored = boundedCache<string, MirroredFacts>(
    Math.floor(cacheBytes / 2),
    ({ bytes }) => bytes,
  );
  const mirrorKey = (kind: FactKind, subject: string): string => `${kind}\u0000${subject}`;
  const currentFacts = (kind: FactKind, subject: string): Map<string, MirroredFact[]> => {
    const cached = mirrored.get(mirrorKey(kind, subject));
    if (cached !== undefined) return cached.byKey;
    const byKey = new Map<string, MirroredFact[]>();
    let bytes = 0;
    factRows(kind).flush();
    for (const row of statement(statements.open, kind).all(subject)) {
      const fact: MirroredFact = { ...factOfRow(kind, row), payloadJson: row.payload };
      bytes += factBytes(row.payload);
      const list = byKey.get(fact.key);
      if (list === undefined) byKey.set(fact.key, [fact]);
      else list.push(fact);
    }
    mirrored.set(mirrorKey(kind, subject), { byKey, bytes });
    return byKey;
  };
  const forgetCurrentFacts = (): void => mirrored.clear();

  const store: FactStore = {
    bodyState: (id) => stateOf('body', id, foldBody),
    bodyStateBefore: (id, count) => stateBefore('body', id, foldBody, count),
    saveBodyState: (id, state, event) => save('body', id, state, event),
    officeState: (id) => stateOf('office', id, foldOffice),
    officeStateBefore: (id, count) => stateBefore('office', id, foldOffice, count),
    saveOfficeState: (id, state, event) => save('office', id, state, event),
    // Like a body's or an office's, the registry's stream is folded again from its stored events
    // when a withdrawal needs the rows before its last events.
    authorityRowsBefore: (count) =>
      authorityRowsBefore(
        foldRegistry(
          streamEvents<Authority.Event | EventsWithdrawn>('authority', REGISTRY_SUBJECT),
        ),
        count,
      ),
    saveRegistryEvent: (event) => buffered.events.save('authority', REGISTRY_SUBJECT, event),
    openFacts: (kind, subject, key) => {
      const byKey = currentFacts(kind, subject);
      if (key !== undefined) return [...(byKey.get(key) ?? [])];
      return [...byKey.values()].flat().sort((a, b) => a.rowId - b.rowId);
    },
    closeFact: (fact, at) => {
      factRows(fact.kind).close(fact.rowId, at);
      if (!deferring) extents.close(fact.kind, fact.rowId, at);
      const key = mirrorKey(fact.kind, fact.subject);
      const mirror = mirrored.get(key);
      const list = mirror?.byKey.get(fact.key);
      const index = list?.findIndex((open) => open.rowId === fact.rowId) ?? -1;
      if (mirror === undefined || list === undefined || index < 0) return;
      const [closed] = list.splice(index, 1);
      const bytes = mirror.bytes - factBytes(closed?.payloadJson ?? '');
      mirrored.set(key, { byKey: mirror.byKey, bytes });
    },
    openFact: (fact: Fact, at: Instant) => {
      const payload = JSON.stringify(fact.payload);
      const rowId = factRows(fact.kind).open(factColumns(fact, payload, at));
      // A change fact is only ever appended: no extent, no current-fact mirror.
      if (fact.kind === 'change') {
        buffered.events.changeQueued(rowId, (fact.payload as ChangePayload).source);
        return;
      }
      if (!deferring) extents.open(fact.kind, rowId, fact.subject, fact.valid, at);
      const key = mirrorKey(fact.kind, fact.subject);
      const mirror = mirrored.get(key);
      if (mirror === undefined) return;
      const open: MirroredFact = { ...fact, rowId, payloadJson: payload };
      const list = mirror.byKey.get(fact.key);
      if (list === undefined) mirror.byKey.set(fact.key, [open]);
      else list.push(open);
      mirrored.set(key, { byKey: mirror.byKey, bytes: mirror.bytes + factBytes(payload) });
    },
  };

  const read = (
    kind: FactKind,
    query: ReadonlyMap<FactKind, KnownStatements>,
    knownAt: Instant | undefined,
    ...parameters: ReadonlyArray<string>
  ): Promise<ReadonlyArray<Fact>> => {
    const { current, known } = statement(query, kind);
    const rows =
      knownAt === undefined
        ? current.all(...parameters)
        : known.all(...parameters, knownAt, knownAt);
    return Promise.resolve(rows.map((row) => factOfRow(kind, row)));
  };

  const factsOn: FactReader['factsOn'] = (kind, subject, on, knownAt) =>
    Promise.resolve(
      extents.rowsOn<FactRow>(kind, subject, on, knownAt).map((row) => factOfRow(kind, row)),
    );
  const bodyKnown = (bodyId: string, knownAt: Instant | undefined): Promise<boolean> => {
    const { current, known } = statements.bodyKnown;
    const row = knownAt === undefined ? current.get(bodyId) : known.get(bodyId, knownAt, knownAt);
    return Promise.resolve(row?.known === 1);
  };
  const reader: FactReader = {
    factsOn,
    rosterFacts: (...question) => rosterFactsOneByOne(factsOn, bodyKnown, ...question),
    factsAbout: (kind, subject, knownAt) => read(kind, statements.about, knownAt, subject),
    factsReferring: (kind, ref, knownAt) => read(kind, statements.referring, knownAt, ref),
    factsContaining: (kind, text, knownAt) => read(kind, statements.containing, knownAt, text),
    factsStarting: (kind, from, to, knownAt) => read(kind, statements.starting, knownAt, from, to),
    subjects: (kind, knownAt) => {
      const { current, known } = statement(statements.subjects, kind);
      const rows = knownAt === undefined ? current.all() : known.all(knownAt, knownAt);
      return Promise.resolve(rows.map((row) => row.subject));
    },
  };

  const target: CheckpointedModel<FactStore> = {
    checkpoint: () => BigInt(statements.checkpoint.get(prefix)?.position ?? '0'),
    checkpointHash: () => statements.checkpoint.get(prefix)?.hash ?? '',
    commit: (position, hash, write) => {
      try {
        if (deferring && !db.inTransaction) {
          db.exec('BEGIN');
          grouping = true;
        }
        db.transaction(() => {
          write(store);
          flush();
          statements.setCheckpoint.run(prefix, String(position), hash);
        })();
        if (deferring && position - rebuildCommitted >= eventsPerTransaction) {
          commitRebuild();
          rebuildCommitted = position;
        }
      } catch (defect) {
        forgetBuffered();
        cache.clear();
        forgetCurrentFacts();
        extents.forget();
        throw defect;
      }
    },
    reset: () => {
      forgetBuffered();
      db.transaction(() => {
        for (const empty of statements.empty) empty.run();
        extents.empty();
        statements.setCheckpoint.run(prefix, '0', '');
      })();
      cache.clear();
      forgetCurrentFacts();
    },
    rebuilding: () => {
      db.transaction(() => {
        statements.markRebuilding.run();
        for (const drop of dropQueryIndexStatements(prefix)) db.exec(drop);
        extents.empty();
      })();
      deferring = true;
      rebuildCommitted = 0n;
    },
    rebuilt: finishRebuild,
  };

  return { target, queries: createQueries(reader) };
}

/**
 * The SQLite bitemporal read model (better-sqlite3): fact rows with their valid and recorded
 * intervals in indexed tables (with an R*Tree over both intervals, see extent.ts), the decoded
 * events of each stream, and the checkpoint, all written in one transaction per commit (one
 * event live, a page of the log in a rebuild) — so a crash never applies an event twice or loses
 * one. The folded states of the streams touched lately are cached in memory (a bounded number)
 * and folded again from the stored events after a restart or an eviction.
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
  folded as foldedWith,
  foldRegistry,
  foldStream,
  createQueries,
  factOfRow,
  factTable,
  factsOnWithReferredOneByOne,
  registryFolded,
  streamEventTable,
  tablePrefix,
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
  type RegistryStream,
} from '@mandate/projections';
import { createExtents, extentSchema } from './extent.js';
import {
  dropQueryIndexStatements,
  queryIndexStatements,
  rebuildingTable,
  schemaStatements,
} from './schema.js';

/** The aggregates whose streams' events the model stores. */
type StoredAggregate = 'body' | 'office' | 'authority';

/** The subject the authority registry's one stream is stored under. */
const REGISTRY_SUBJECT = 'authorities';

/** Options of a SQLite read model. */
export interface SqliteReadModelOptions {
  /**
   * How many streams' folded states stay in memory (default 100); a stream not among them is
   * folded again from the model's stored events when next touched. A state's size grows with its
   * stream's history (about 0.4 KB per event in the benchmarks' bodies).
   */
  readonly cachedStreams?: number;
}

const DEFAULT_CACHED_STREAMS = 100;

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
  { cachedStreams = DEFAULT_CACHED_STREAMS }: SqliteReadModelOptions = {},
): SqliteReadModel {
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
    streamEvents: db.prepare<[string, string], { event: string }>(
      `SELECT event FROM ${events} WHERE aggregate = ? AND subject = ? ORDER BY seq`,
    ),
    empty: [...FACT_KINDS.map(table), events].map((name) => db.prepare(`DELETE FROM ${name}`)),
    saveEvent: db.prepare<[string, string, string]>(
      `INSERT INTO ${events} (aggregate, subject, event) VALUES (?, ?, ?)`,
    ),
    open: new Map(
      FACT_KINDS.map((kind) => [
        kind,
        db.prepare<[string], FactRow>(
          `SELECT * FROM ${table(kind)} WHERE subject = ? AND recorded_to IS NULL ORDER BY row_id`,
        ),
      ]),
    ),
    close: new Map(
      FACT_KINDS.map((kind) => [
        kind,
        db.prepare<[string, number]>(`UPDATE ${table(kind)} SET recorded_to = ? WHERE row_id = ?`),
      ]),
    ),
    insert: new Map(
      FACT_KINDS.map((kind) => [
        kind,
        db.prepare<[string, string, number, string | null, string, string | null, string, string]>(
          `INSERT INTO ${table(kind)}
             (subject, key, ordinal, ref, valid_from, valid_to, payload, recorded_from)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
      ]),
    ),
    about: perKind('subject = ?', 'ordinal, valid_from, row_id'),
    referring: perKind('ref = ?', 'subject, ordinal, valid_from, row_id'),
    // A name fact's key is its folded name (name-facts.ts): a search scans that one column.
    containing: perKind('instr(key, ?) > 0', 'subject, ordinal, valid_from, row_id'),
    starting: perKind('? <= valid_from AND valid_from < ?', 'valid_from, subject, ordinal, row_id'),
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
   * Whether a rebuild is under way in this connection: the query indexes are dropped and no
   * extent is kept until {@link finishRebuild} builds them all at once from the fact tables.
   */
  let deferring = false;
  const finishRebuild = (): void => {
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

  /** A folded stream: a body's, an office's, or the authority registry's. */
  type AnyStream = FoldedStream<Body.State | Office.OfficeState> | RegistryStream;
  /** Folded streams touched lately, by `aggregate:subject`; cleared on rollback. */
  const cache = boundedCache<string, AnyStream>(cachedStreams);
  /** The events of a stream as stored, in stream order. */
  const storedEvents = <E>(aggregate: StoredAggregate, subject: string) =>
    statements.streamEvents
      .all(aggregate, subject)
      .map((row) => JSON.parse(row.event) as E | EventsWithdrawn);
  const folded = <S, E>(
    aggregate: 'body' | 'office',
    subject: string,
    foldAll: (events: ReadonlyArray<E | EventsWithdrawn>) => FoldedStream<S>,
  ): FoldedStream<S> => {
    const cached = cache.get(`${aggregate}:${subject}`) as FoldedStream<S> | undefined;
    if (cached !== undefined) return cached;
    const stream = foldAll(storedEvents<E>(aggregate, subject));
    cache.set(`${aggregate}:${subject}`, stream as AnyStream);
    return stream;
  };
  const bodyStream = (id: string): FoldedStream<Body.State> =>
    folded('body', id, (events: ReadonlyArray<Body.Event | EventsWithdrawn>) =>
      foldStream(Body.decider, events),
    );
  const officeStream = (id: string): FoldedStream<Office.OfficeState> =>
    folded('office', id, (events: ReadonlyArray<Office.Event | EventsWithdrawn>) =>
      foldStream(Office.decider, events),
    );
  const save = <S>(
    aggregate: 'body' | 'office',
    subject: string,
    stream: FoldedStream<S>,
    state: S,
    event: Body.Event | Office.Event | EventsWithdrawn,
  ): void => {
    statements.saveEvent.run(aggregate, subject, JSON.stringify(event));
    cache.set(`${aggregate}:${subject}`, foldedWith(stream, event, () => state) as AnyStream);
  };
  /** The registry's stream is kept under one key, as the one stream it is. */
  const REGISTRY = `authority:${REGISTRY_SUBJECT}`;
  const registryStream = (): RegistryStream => {
    const cached = cache.get(REGISTRY) as RegistryStream | undefined;
    if (cached !== undefined) return cached;
    const stream = foldRegistry(storedEvents<Authority.Event>('authority', REGISTRY_SUBJECT));
    cache.set(REGISTRY, stream);
    return stream;
  };

  /**
   * The current facts of the subjects touched lately, per kind by subject, then key (each list in
   * row order, each fact with its payload's text): what superseding reads for every event, loaded
   * from the table once per subject and kind, then kept up to date by the writes; cleared on
   * rollback. Only kinds the projection asks about are loaded (never the changes, which it only
   * appends).
   */
  const mirrored = new Map(
    FACT_KINDS.map((kind) => [kind, boundedCache<string, Map<string, OpenFact[]>>(cachedStreams)]),
  );
  const currentFacts = (kind: FactKind, subject: string): Map<string, OpenFact[]> => {
    const ofKind = statement(mirrored, kind);
    const cached = ofKind.get(subject);
    if (cached !== undefined) return cached;
    const byKey = new Map<string, OpenFact[]>();
    for (const row of statement(statements.open, kind).all(subject)) {
      const fact: OpenFact = { ...factOfRow(kind, row), payloadJson: row.payload };
      const list = byKey.get(fact.key);
      if (list === undefined) byKey.set(fact.key, [fact]);
      else list.push(fact);
    }
    ofKind.set(subject, byKey);
    return byKey;
  };
  const forgetCurrentFacts = (): void => {
    for (const ofKind of mirrored.values()) ofKind.clear();
  };

  const store: FactStore = {
    bodyState: (id) => bodyStream(id).state,
    bodyStateBefore: (id, count) => before(bodyStream(id), count).state,
    saveBodyState: (id, state, event) => save('body', id, bodyStream(id), state, event),
    officeState: (id) => officeStream(id).state,
    officeStateBefore: (id, count) => before(officeStream(id), count).state,
    saveOfficeState: (id, state, event) => save('office', id, officeStream(id), state, event),
    authorityRowsBefore: (count) => authorityRowsBefore(registryStream(), count),
    saveRegistryEvent: (event, found) => {
      statements.saveEvent.run('authority', REGISTRY_SUBJECT, JSON.stringify(event));
      // The stream is folded again from the stored events when next needed, if not cached.
      const cached = cache.get(REGISTRY) as RegistryStream | undefined;
      if (cached !== undefined) cache.set(REGISTRY, registryFolded(cached, event, found));
    },
    openFacts: (kind, subject, key) => {
      const byKey = currentFacts(kind, subject);
      if (key !== undefined) return [...(byKey.get(key) ?? [])];
      return [...byKey.values()].flat().sort((a, b) => a.rowId - b.rowId);
    },
    closeFact: (fact, at) => {
      statement(statements.close, fact.kind).run(at, fact.rowId);
      if (!deferring) extents.close(fact.kind, fact.rowId, at);
      const list = mirrored.get(fact.kind)?.get(fact.subject)?.get(fact.key);
      const index = list?.findIndex((open) => open.rowId === fact.rowId) ?? -1;
      if (index >= 0) list?.splice(index, 1);
    },
    openFact: (fact: Fact, at: Instant, payloadJson?: string) => {
      const payload = payloadJson ?? JSON.stringify(fact.payload);
      const { lastInsertRowid } = statement(statements.insert, fact.kind).run(
        fact.subject,
        fact.key,
        fact.ordinal,
        fact.ref ?? null,
        fact.valid.from,
        fact.valid.to ?? null,
        payload,
        at,
      );
      if (!deferring) extents.open(fact.kind, lastInsertRowid, fact.subject, fact.valid, at);
      const byKey = mirrored.get(fact.kind)?.get(fact.subject);
      if (byKey === undefined) return;
      const open: OpenFact = { ...fact, rowId: Number(lastInsertRowid), payloadJson: payload };
      const list = byKey.get(fact.key);
      if (list === undefined) byKey.set(fact.key, [open]);
      else list.push(open);
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
  const reader: FactReader = {
    factsOn,
    factsOnWithReferred: (...question) => factsOnWithReferredOneByOne(factsOn, ...question),
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
        db.transaction(() => {
          write(store);
          statements.setCheckpoint.run(prefix, String(position), hash);
        })();
      } catch (defect) {
        cache.clear();
        forgetCurrentFacts();
        extents.forget();
        throw defect;
      }
    },
    reset: () => {
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
    },
    rebuilt: finishRebuild,
  };

  return { target, queries: createQueries(reader) };
}

/**
 * The PostgreSQL bitemporal read model (node-postgres): the same tables as SQLite (with a GiST
 * index over each row's extent where SQLite has its R*Tree), written through a synchronous
 * {@link FactStore} although the database is across a connection.
 *
 * The model keeps an in-memory mirror of what the projection reads while it writes, per subject
 * and bounded: for the subjects touched lately (at most `cachedSubjects`, least recently used
 * evicted between commits, never during one), their folded body and office states and their
 * current facts of each kind the projection has asked about; besides, the authority registry's
 * folded stream once a withdrawal from it has needed it, the next row id of every table and the
 * checkpoint. Inside a commit the projection works on the mirror while its writes
 * are queued; the commit then sends the queued rows, the closed rows and the checkpoint as ONE
 * statement (data-modifying `WITH` parts, one multi-row `INSERT … SELECT FROM unnest(…)` per
 * table, one batched `UPDATE` per table), which PostgreSQL applies as one transaction: all of it
 * or nothing. On any failure the mirror is put back as it was before the commit and the error
 * rethrown, so the next event applies as if the failed one never came.
 *
 * When a commit reads a subject not in the mirror, or asks about a kind of fact not mirrored yet,
 * its writes are undone, what was missing is loaded from the committed tables (a subject's states
 * folded again from its stored events, a subject without a stream as the initial states; its
 * current facts of every mirrored kind; a new kind's current facts of every mirrored subject), in
 * one round trip per table, and `write` runs again: a projection is pure, so running it twice on
 * the same mirror writes the same rows. Writes about a subject not in the mirror only go to the
 * tables, which the subject is loaded from when next read. Kinds the projection only appends to
 * are never mirrored.
 *
 * A rebuild drops the indexes only the queries use while it writes, and builds them once at its
 * end; opening the model creates any that is missing, so a model opened after an interrupted
 * rebuild has them all again.
 *
 * One runner writes a projection version at a time (row ids are assigned here, from the largest
 * stored one); commits on one model must not overlap. Queries read the database, so they see
 * committed data only.
 *
 * @see docs/reference/domain.md rule 11 and "Time"
 */
import type { Pool } from 'pg';
import { Body, Office } from '@mandate/core';
import type { Authority, EventsWithdrawn, Instant } from '@mandate/core';
import {
  FACT_KINDS,
  authorityRowsBefore,
  before,
  createQueries,
  factOfRow,
  folded,
  foldRegistry,
  foldStream,
  registryFolded,
  tablePrefix,
  unfolded,
  unfoldedRegistry,
  type CheckpointedModel,
  type Fact,
  type FactKind,
  type FactRow,
  type FactStore,
  type FoldedStream,
  type OpenFact,
  type Projection,
  type ReadModelQueries,
  type RegistryStream,
} from '@mandate/projections';
import { closedExtentSql, extentOf, recordedPosition } from './extent.js';
import { createPostgresReader, FACT_COLUMNS } from './reader.js';
import {
  dropQueryIndexStatements,
  postgresSchemaStatements,
  postgresTables,
  queryIndexStatements,
  type PostgresTables,
} from './schema.js';

/** A PostgreSQL read model: its checkpointed target and its queries. */
export interface PostgresReadModel {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
  /**
   * Vacuums and analyzes the version's tables. A rebuild supersedes rows by updating them, which
   * leaves their old versions in the indexes until a vacuum, and the planner without statistics
   * of the new rows: call this once a rebuild has caught up (autovacuum does the same in time).
   */
  readonly vacuum: () => Promise<void>;
}

/** Where the read model's tables live, and how much of them it mirrors in memory. */
export interface PostgresReadModelOptions {
  /** The schema of the tables (created if missing); unqualified through `search_path` when absent. */
  readonly schema?: string;
  /**
   * How many subjects' folded states and current facts stay in memory between commits (default
   * 50; a whole number from 1); a subject not among them is loaded again from the tables when
   * next read. A commit touching more subjects holds them all until it ends.
   */
  readonly cachedSubjects?: number;
}

const DEFAULT_CACHED_SUBJECTS = 50;

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/** A fact row queued for insertion; closed again before the commit when `recordedTo` is set. */
interface QueuedRow {
  readonly rowId: number;
  readonly fact: Fact;
  readonly payload: string;
  readonly recordedFrom: Instant;
  recordedTo: Instant | null;
}

/** The subject the authority registry's one stream is stored under. */
const REGISTRY_SUBJECT = 'authorities';

/** A stream event queued for insertion. */
interface QueuedEvent {
  readonly seq: number;
  readonly aggregate: 'body' | 'office' | 'authority';
  readonly subject: string;
  readonly event: string;
}

/**
 * The columns of a queued row: name, the element type it is sent as, its value, and the type it
 * is cast to when stored as another.
 */
type Column<R> = readonly [string, string, (row: R) => unknown, string?];

/** The columns of a queued fact row. */
const ROW_COLUMNS: ReadonlyArray<Column<QueuedRow>> = [
  ['row_id', 'bigint', (r) => r.rowId],
  ['subject', 'text', (r) => r.fact.subject],
  ['key', 'text', (r) => r.fact.key],
  ['ordinal', 'integer', (r) => r.fact.ordinal],
  ['ref', 'text', (r) => r.fact.ref ?? null],
  ['valid_from', 'text', (r) => r.fact.valid.from],
  ['valid_to', 'text', (r) => r.fact.valid.to ?? null],
  ['payload', 'text', (r) => r.payload],
  ['recorded_from', 'text', (r) => r.recordedFrom],
  ['recorded_to', 'text', (r) => r.recordedTo],
  // A box array's elements are separated by ';', not ',': sent as text, cast to box.
  [
    'extent',
    'text',
    (r) => extentOf(r.fact.subject, r.fact.valid, r.recordedFrom, r.recordedTo),
    'box',
  ],
];

/** The columns of a queued stream event. */
const EVENT_COLUMNS: ReadonlyArray<Column<QueuedEvent>> = [
  ['seq', 'bigint', (e) => e.seq],
  ['aggregate', 'text', (e) => e.aggregate],
  ['subject', 'text', (e) => e.subject],
  ['event', 'text', (e) => e.event],
];

// ---------------------------------------------------------------------------------------------
// The mirror
// ---------------------------------------------------------------------------------------------

/** A subject's current facts of one kind: by key, then row id. */
type OpenFacts = Map<string, Map<number, OpenFact>>;

/** What the mirror holds of one subject (a body or office id). */
interface MirroredSubject {
  /** The subject's body stream, folded (with the states an annulment may take it back to). */
  body: FoldedStream<Body.State>;
  /** The subject's office stream, folded likewise. */
  office: FoldedStream<Office.OfficeState>;
  /** By kind, for the mirrored kinds only; a kind absent means no current facts. */
  readonly open: Map<FactKind, OpenFacts>;
}

/** What the projection reads while it writes, kept in memory. */
interface Mirror {
  checkpoint: bigint;
  /** The hash of the event at the checkpoint, empty at 0. */
  checkpointHash: string;
  /** The subjects touched lately, least recently used first. */
  readonly subjects: Map<string, MirroredSubject>;
  /**
   * The authority registry's stream, folded; absent until a commit needs it (a withdrawal from
   * the registry), then kept, as the one stream it is.
   */
  registry?: RegistryStream;
  /** The kinds the projection has asked about: each mirrored subject holds its facts of these. */
  readonly kinds: Set<FactKind>;
  readonly nextRowId: Map<FactKind, number>;
  nextSeq: number;
}

/** The writes of one commit in progress, and how to undo them on the mirror. */
interface Pending {
  readonly events: QueuedEvent[];
  readonly inserts: Map<FactKind, Map<number, QueuedRow>>;
  readonly closes: Map<FactKind, Map<number, Instant>>;
  readonly undo: Array<() => void>;
  /** Kinds asked about but not mirrored: the commit loads them and runs `write` again. */
  readonly missingKinds: Set<FactKind>;
  /** Subjects read but not mirrored: the commit loads them and runs `write` again. */
  readonly missingSubjects: Set<string>;
  /** Whether the registry's stream was needed but not mirrored: loaded likewise. */
  missingRegistry: boolean;
}

const getOrCreate = <K, V>(map: Map<K, V>, key: K, create: () => V): V => {
  const found = map.get(key);
  if (found !== undefined) return found;
  const created = create();
  map.set(key, created);
  return created;
};

/** Reads the checkpoint and the largest ids, from one snapshot. */
async function loadMirror(pool: Pool, tables: PostgresTables): Promise<Mirror> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const checkpoint = await client.query<{ position: string; hash: string }>(
      `SELECT position, hash FROM ${tables.checkpoint} WHERE projection = $1`,
      [tables.prefix],
    );
    const largest = await client.query<Record<string, string>>(
      `SELECT ${[
        ...FACT_KINDS.map(
          (kind) => `(SELECT coalesce(max(row_id), 0) FROM ${tables.fact(kind)}) AS ${kind}`,
        ),
        `(SELECT coalesce(max(seq), 0) FROM ${tables.streamEvents}) AS seq`,
      ].join(', ')}`,
    );
    await client.query('COMMIT');
    const maxima = largest.rows[0] ?? {};
    return {
      checkpoint: BigInt(checkpoint.rows[0]?.position ?? '0'),
      checkpointHash: checkpoint.rows[0]?.hash ?? '',
      subjects: new Map(),
      kinds: new Set(),
      nextRowId: new Map(FACT_KINDS.map((kind) => [kind, Number(maxima[kind] ?? 0) + 1])),
      nextSeq: Number(maxima['seq'] ?? 0) + 1,
    };
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// The read model
// ---------------------------------------------------------------------------------------------

/**
 * Creates (if needed) the tables of `projection`'s version in PostgreSQL and opens its read
 * model, with an empty mirror.
 */
export async function createPostgresReadModel(
  pool: Pool,
  projection: Pick<Projection<FactStore>, 'name' | 'version'>,
  { schema, cachedSubjects = DEFAULT_CACHED_SUBJECTS }: PostgresReadModelOptions = {},
): Promise<PostgresReadModel> {
  if (!Number.isSafeInteger(cachedSubjects) || cachedSubjects < 1)
    throw new RangeError('The PostgreSQL read model mirrors at least one subject');
  const tables = postgresTables(tablePrefix(projection), schema);
  await pool.query(postgresSchemaStatements(tables).join(';\n'));
  const mirror = await loadMirror(pool, tables);
  let pending: Pending | undefined;
  let busy = false;
  /** Set when a commit's outcome could not be learnt: the mirror may be wrong, so stop writing. */
  let unsure: unknown;

  const writing = (): Pending => {
    if (pending === undefined)
      throw new Error('The PostgreSQL read model is written only inside a commit');
    return pending;
  };

  /** A subject the commit reads, now the most recently used; recorded as missing when absent. */
  const read = (id: string): MirroredSubject | undefined => {
    const found = mirror.subjects.get(id);
    if (found === undefined) {
      writing().missingSubjects.add(id);
      return undefined;
    }
    mirror.subjects.delete(id);
    mirror.subjects.set(id, found);
    return found;
  };

  const saveState = <A extends 'body' | 'office'>(
    aggregate: A,
    id: string,
    state: MirroredSubject[A]['state'],
    event: Body.Event | Office.Event | EventsWithdrawn,
  ): void => {
    const queue = writing();
    const subject = mirror.subjects.get(id);
    if (subject !== undefined) {
      const previous = subject[aggregate];
      subject[aggregate] = folded<MirroredSubject[A]['state'], typeof event>(
        previous as FoldedStream<MirroredSubject[A]['state']>,
        event,
        () => state,
      ) as MirroredSubject[A];
      queue.undo.push(() => {
        subject[aggregate] = previous;
      });
    }
    queue.events.push({
      seq: mirror.nextSeq,
      aggregate,
      subject: id,
      event: JSON.stringify(event),
    });
    mirror.nextSeq += 1;
  };

  const store: FactStore = {
    bodyState: (id) => read(id)?.body.state ?? Body.initialState,
    bodyStateBefore: (id, count) =>
      before(read(id)?.body ?? unfolded(Body.initialState), count).state,
    saveBodyState: (id, state, event) => saveState('body', id, state, event),
    officeState: (id) => read(id)?.office.state ?? Office.initialState,
    officeStateBefore: (id, count) =>
      before(read(id)?.office ?? unfolded(Office.initialState), count).state,
    saveOfficeState: (id, state, event) => saveState('office', id, state, event),
    authorityRowsBefore: (count) => {
      if (mirror.registry !== undefined) return authorityRowsBefore(mirror.registry, count);
      writing().missingRegistry = true;
      return new Map();
    },
    saveRegistryEvent: (event, found) => {
      const queue = writing();
      const { registry } = mirror;
      if (registry !== undefined) {
        mirror.registry = registryFolded(registry, event, found);
        queue.undo.push(() => {
          mirror.registry = registry;
        });
      }
      queue.events.push({
        seq: mirror.nextSeq,
        aggregate: 'authority',
        subject: REGISTRY_SUBJECT,
        event: JSON.stringify(event),
      });
      mirror.nextSeq += 1;
    },
    openFacts: (kind, subject, key) => {
      const mirrored = read(subject);
      if (!mirror.kinds.has(kind)) writing().missingKinds.add(kind);
      const byKey = mirrored?.open.get(kind);
      if (byKey === undefined) return [];
      if (key !== undefined) return [...(byKey.get(key)?.values() ?? [])];
      return [...byKey.values()].flatMap((facts) => [...facts.values()]);
    },
    closeFact: (fact, at) => {
      const queue = writing();
      const queued = queue.inserts.get(fact.kind)?.get(fact.rowId);
      if (queued === undefined)
        getOrCreate(queue.closes, fact.kind, () => new Map()).set(fact.rowId, at);
      else queued.recordedTo = at;
      const open = mirror.subjects.get(fact.subject)?.open.get(fact.kind)?.get(fact.key);
      const before = open?.get(fact.rowId);
      if (open === undefined || before === undefined) return;
      open.delete(fact.rowId);
      queue.undo.push(() => open.set(fact.rowId, before));
    },
    openFact: (fact, at) => {
      const queue = writing();
      const { kind, subject, key, ordinal, ref, valid } = fact;
      const rowId = mirror.nextRowId.get(kind) ?? 1;
      mirror.nextRowId.set(kind, rowId + 1);
      const payload = JSON.stringify(fact.payload);
      const stored: Fact = {
        kind,
        subject,
        key,
        ordinal,
        ...(ref === undefined ? {} : { ref }),
        valid,
        payload: JSON.parse(payload) as unknown,
      };
      getOrCreate(queue.inserts, kind, () => new Map()).set(rowId, {
        rowId,
        fact: stored,
        payload,
        recordedFrom: at,
        recordedTo: null,
      });
      const mirrored = mirror.subjects.get(subject);
      if (mirrored === undefined || !mirror.kinds.has(kind)) return;
      const byKey = getOrCreate(mirrored.open, kind, (): OpenFacts => new Map());
      const open = getOrCreate(byKey, key, () => new Map<number, OpenFact>());
      open.set(rowId, { ...stored, rowId });
      queue.undo.push(() => open.delete(rowId));
    },
  };

  /** Starts a commit's queue, remembering the counters to put back on undo. */
  const begin = (): Pending => {
    const { nextSeq } = mirror;
    const nextRowId = new Map(mirror.nextRowId);
    return {
      events: [],
      inserts: new Map(),
      closes: new Map(),
      undo: [
        () => {
          mirror.nextSeq = nextSeq;
          for (const [kind, id] of nextRowId) mirror.nextRowId.set(kind, id);
        },
      ],
      missingKinds: new Set(),
      missingSubjects: new Set(),
      missingRegistry: false,
    };
  };
  const undo = (queue: Pending): void => {
    for (const step of queue.undo.reverse()) step();
  };

  /** Loads the current facts of `kind` about the `subjects` into them, as committed. */
  const loadOpenFacts = async (
    kind: FactKind,
    subjects: ReadonlyMap<string, MirroredSubject>,
  ): Promise<void> => {
    if (subjects.size === 0) return;
    const { rows } = await pool.query<FactRow>(
      `SELECT ${FACT_COLUMNS} FROM ${tables.fact(kind)}
        WHERE subject = ANY($1::text[]) AND recorded_to IS NULL ORDER BY row_id`,
      [[...subjects.keys()]],
    );
    for (const row of rows) {
      const fact = factOfRow(kind, row);
      const subject = subjects.get(fact.subject);
      if (subject === undefined) continue;
      const byKey = getOrCreate(subject.open, kind, (): OpenFacts => new Map());
      getOrCreate(byKey, fact.key, () => new Map<number, OpenFact>()).set(fact.rowId, fact);
    }
  };

  /** The subjects `ids` as committed: their states folded from their stored events. */
  const loadSubjects = async (
    ids: ReadonlyArray<string>,
  ): Promise<Map<string, MirroredSubject>> => {
    const { rows } = await pool.query<{ aggregate: string; subject: string; event: string }>(
      `SELECT aggregate, subject, event FROM ${tables.streamEvents}
        WHERE aggregate IN ('body', 'office') AND subject = ANY($1::text[]) ORDER BY seq`,
      [ids],
    );
    type BodyStreamEvent = Body.Event | EventsWithdrawn;
    type OfficeStreamEvent = Office.Event | EventsWithdrawn;
    const bodyEvents = new Map<string, BodyStreamEvent[]>();
    const officeEvents = new Map<string, OfficeStreamEvent[]>();
    for (const row of rows) {
      if (row.aggregate === 'body')
        getOrCreate(bodyEvents, row.subject, (): BodyStreamEvent[] => []).push(
          JSON.parse(row.event) as BodyStreamEvent,
        );
      else
        getOrCreate(officeEvents, row.subject, (): OfficeStreamEvent[] => []).push(
          JSON.parse(row.event) as OfficeStreamEvent,
        );
    }
    return new Map(
      ids.map((id) => [
        id,
        {
          body: foldStream(Body.decider, bodyEvents.get(id) ?? []),
          office: foldStream(Office.decider, officeEvents.get(id) ?? []),
          open: new Map(),
        },
      ]),
    );
  };

  /** The registry's stream as committed: folded from its stored events. */
  const loadRegistry = async (): Promise<RegistryStream> => {
    const { rows } = await pool.query<{ event: string }>(
      `SELECT event FROM ${tables.streamEvents}
        WHERE aggregate = 'authority' AND subject = $1 ORDER BY seq`,
      [REGISTRY_SUBJECT],
    );
    return foldRegistry(
      rows.map((row) => JSON.parse(row.event) as Authority.Event | EventsWithdrawn),
    );
  };

  /**
   * Mirrors what a commit found missing: the registry's stream, new kinds for every mirrored
   * subject, then new subjects.
   */
  const loadMissing = async (queue: Pending): Promise<void> => {
    if (queue.missingRegistry) mirror.registry = await loadRegistry();
    for (const kind of queue.missingKinds) {
      await loadOpenFacts(kind, mirror.subjects);
      mirror.kinds.add(kind);
    }
    if (queue.missingSubjects.size === 0) return;
    const loaded = await loadSubjects([...queue.missingSubjects]);
    for (const kind of mirror.kinds) await loadOpenFacts(kind, loaded);
    for (const [id, subject] of loaded) mirror.subjects.set(id, subject);
  };

  /** Forgets the least recently used subjects beyond `cachedSubjects`; only between commits. */
  const evict = (): void => {
    for (const id of mirror.subjects.keys()) {
      if (mirror.subjects.size <= cachedSubjects) return;
      mirror.subjects.delete(id);
    }
  };

  /** The one statement writing a commit's queue and the checkpoint, with its parameters. */
  const statementOf = (
    queue: Pending,
    position: bigint,
    hash: string,
  ): { readonly text: string; readonly values: unknown[] } => {
    const values: unknown[] = [];
    const param = (value: unknown, type: string): string => {
      values.push(value);
      return `$${values.length}::${type}`;
    };
    /** `INSERT … SELECT FROM unnest(…)`: one array parameter per column. */
    const insert = <R>(
      table: string,
      rows: ReadonlyArray<R>,
      columns: ReadonlyArray<Column<R>>,
    ): string => {
      const names = columns.map(([name]) => name).join(', ');
      const stored = columns.map(([name, , , cast]) =>
        cast === undefined ? name : `${name}::${cast}`,
      );
      return `INSERT INTO ${table} (${names})
       SELECT ${stored.join(', ')}
         FROM unnest(${columns.map(([, type, of]) => param(rows.map(of), `${type}[]`)).join(', ')})
           AS queued (${names})`;
    };
    const parts: string[] = [];
    if (queue.events.length > 0)
      parts.push(insert(tables.streamEvents, queue.events, EVENT_COLUMNS));
    for (const [kind, queued] of queue.inserts)
      if (queued.size > 0) parts.push(insert(tables.fact(kind), [...queued.values()], ROW_COLUMNS));
    for (const [kind, closed] of queue.closes) {
      if (closed.size === 0) continue;
      const at = [...closed.values()];
      parts.push(
        `UPDATE ${tables.fact(kind)} AS fact
            SET recorded_to = closed.recorded_to,
                extent = ${closedExtentSql('fact.extent', 'closed.recorded_until')}
           FROM unnest(${param([...closed.keys()], 'bigint[]')}, ${param(at, 'text[]')},
                       ${param(at.map(recordedPosition), 'bigint[]')})
             AS closed (row_id, recorded_to, recorded_until)
          WHERE fact.row_id = closed.row_id`,
      );
    }
    const checkpoint = `INSERT INTO ${tables.checkpoint} (projection, position, hash)
      VALUES (${param(tables.prefix, 'text')}, ${param(String(position), 'bigint')},
              ${param(hash, 'text')})
      ON CONFLICT (projection) DO UPDATE SET position = excluded.position, hash = excluded.hash`;
    const text =
      parts.length === 0
        ? checkpoint
        : `WITH ${parts.map((part, i) => `write_${i} AS (${part})`).join(',\n')}\n${checkpoint}`;
    return { text, values };
  };

  /** The stored checkpoint, to learn whether a statement that failed in flight was applied. */
  const storedCheckpoint = async (): Promise<bigint> => {
    const { rows } = await pool.query<{ position: string }>(
      `SELECT position FROM ${tables.checkpoint} WHERE projection = $1`,
      [tables.prefix],
    );
    return BigInt(rows[0]?.position ?? '0');
  };

  /**
   * After a failed statement, whether it was applied nonetheless (a connection lost after the
   * server committed): its checkpoint is then stored. When even that cannot be learnt, the mirror
   * may be wrong, so the model refuses further commits.
   */
  const appliedDespite = async (failure: unknown, position: bigint): Promise<boolean> => {
    if (position === mirror.checkpoint) return false;
    try {
      return (await storedCheckpoint()) === position;
    } catch {
      unsure = failure;
      return false;
    }
  };

  /** Sends a commit's statement: one transaction, applied whole or not at all. */
  const send = async (queue: Pending, position: bigint, hash: string): Promise<void> => {
    const { text, values } = statementOf(queue, position, hash);
    try {
      await pool.query(text, values);
    } catch (failure) {
      if (!(await appliedDespite(failure, position))) throw failure;
    }
  };

  const exclusive = async (work: () => Promise<void>): Promise<void> => {
    if (unsure !== undefined)
      throw new Error('The outcome of an earlier commit is unknown: open the read model again', {
        cause: unsure,
      });
    if (busy) throw new Error('Commits on one PostgreSQL read model must not overlap');
    busy = true;
    try {
      await work();
    } finally {
      busy = false;
    }
  };

  /**
   * Runs `write` on the mirror until nothing it reads is missing, then sends its writes; on any
   * failure the mirror is put back as it was and the error rethrown.
   */
  const writeAndSend = async (
    position: bigint,
    hash: string,
    write: (store: FactStore) => void,
  ): Promise<void> => {
    for (;;) {
      const queue = begin();
      pending = queue;
      const missing = (): boolean =>
        queue.missingRegistry || queue.missingKinds.size > 0 || queue.missingSubjects.size > 0;
      try {
        write(store);
      } catch (defect) {
        if (!missing()) {
          undo(queue);
          throw defect;
        }
      } finally {
        pending = undefined;
      }
      if (missing()) {
        undo(queue);
        await loadMissing(queue);
        continue;
      }
      try {
        await send(queue, position, hash);
      } catch (failure) {
        undo(queue);
        throw failure;
      }
      mirror.checkpoint = position;
      mirror.checkpointHash = hash;
      return;
    }
  };

  const target: CheckpointedModel<FactStore> = {
    checkpoint: () => mirror.checkpoint,
    checkpointHash: () => mirror.checkpointHash,
    commit: (position, hash, write) =>
      exclusive(async () => {
        try {
          await writeAndSend(position, hash, write);
        } finally {
          evict();
        }
      }),
    reset: () =>
      exclusive(async () => {
        await pool.query(
          `TRUNCATE ${[...FACT_KINDS.map(tables.fact), tables.streamEvents].join(', ')};
           INSERT INTO ${tables.checkpoint} (projection, position, hash)
           VALUES ('${tables.prefix}', 0, '')
           ON CONFLICT (projection) DO UPDATE SET position = excluded.position, hash = ''`,
        );
        mirror.checkpoint = 0n;
        mirror.checkpointHash = '';
        mirror.subjects.clear();
        mirror.registry = unfoldedRegistry;
        mirror.kinds.clear();
        for (const kind of FACT_KINDS) mirror.nextRowId.set(kind, 1);
        mirror.nextSeq = 1;
      }),
    rebuilding: () =>
      exclusive(async () => {
        await pool.query(dropQueryIndexStatements(tables).join(';\n'));
      }),
    rebuilt: () =>
      exclusive(async () => {
        await pool.query(queryIndexStatements(tables).join(';\n'));
      }),
  };

  const vacuum = async (): Promise<void> => {
    for (const table of [...FACT_KINDS.map(tables.fact), tables.streamEvents])
      await pool.query(`VACUUM (ANALYZE) ${table}`);
  };

  return { target, queries: createQueries(createPostgresReader(pool, tables)), vacuum };
}

/**
 * The SQLite tables of one projection version, named as `@mandate/projections` names them
 * (`<name>_v<version>_*`, so that a new version can be built beside the old one): one table per
 * fact kind with its valid and recorded intervals, the decoded events of each stream (to fold a
 * stream's state again after a restart; an event's source document is left to the change fact
 * that holds it too, see {@link SOURCE_CHANGE_COLUMN}), and the shared checkpoint table. A rebuild drops the
 * indexes only the queries use and builds them again at its end ({@link queryIndexStatements}).
 *
 * @see docs/reference/domain.md "Time"
 */
import { CHECKPOINT_TABLE, FACT_KINDS, factTable, streamEventTable } from '@mandate/projections';

/**
 * The indexes that only the queries use (not the projection while it applies events), so that a
 * rebuild may drop them and build each once at its end instead of updating it for every row.
 */
function queryIndexes(
  prefix: string,
): ReadonlyArray<{ readonly name: string; readonly sql: string }> {
  return FACT_KINDS.flatMap((kind) => {
    const table = factTable(prefix, kind);
    return [
      // Every fact about a subject (queries; facts on a date are found through the extent
      // index, see extent.ts), facts referring to a person, office or instrument, and facts
      // starting between two dates.
      { name: `${table}_about`, sql: `ON ${table} (subject, ordinal, valid_from)` },
      { name: `${table}_ref`, sql: `ON ${table} (ref) WHERE ref IS NOT NULL` },
      { name: `${table}_from`, sql: `ON ${table} (valid_from)` },
    ];
  });
}

/** The statements creating the indexes only the queries use (idempotent). */
export const queryIndexStatements = (prefix: string): ReadonlyArray<string> =>
  queryIndexes(prefix).map(({ name, sql }) => `CREATE INDEX IF NOT EXISTS ${name} ${sql}`);

/** The statements dropping the indexes only the queries use (idempotent). */
export const dropQueryIndexStatements = (prefix: string): ReadonlyArray<string> =>
  queryIndexes(prefix).map(({ name }) => `DROP INDEX IF EXISTS ${name}`);

/**
 * The column of a stream event naming the change fact (its row id) that holds the event's source:
 * the event is then stored with `0` in its `data.source`, which a fold takes from that change
 * (its payload's `source`) — the source document is stored once, not twice. `NULL`: the event is
 * stored whole (as every event was before this column existed).
 */
export const SOURCE_CHANGE_COLUMN = 'source_change';

/**
 * The statements bringing the stream-event table `table`, written before {@link SOURCE_CHANGE_COLUMN}
 * existed up to date, given its columns: the column is added, `NULL` in every row written before
 * (each of which holds its event whole).
 */
export const streamEventMigrations = (
  table: string,
  columns: ReadonlyArray<string>,
): ReadonlyArray<string> =>
  columns.includes(SOURCE_CHANGE_COLUMN)
    ? []
    : [`ALTER TABLE ${table} ADD COLUMN ${SOURCE_CHANGE_COLUMN} INTEGER`];

/**
 * The table marking a rebuild under way (one row while the query indexes and extents are
 * deferred), so that a model opened after a rebuild was interrupted builds them first.
 */
export const rebuildingTable = (prefix: string): string => `${prefix}_rebuilding`;

/** The statements creating the tables and indexes of a projection version (idempotent). */
export function schemaStatements(prefix: string): ReadonlyArray<string> {
  const facts = FACT_KINDS.flatMap((kind) => {
    const table = factTable(prefix, kind);
    return [
      `CREATE TABLE IF NOT EXISTS ${table} (
         row_id INTEGER PRIMARY KEY,
         subject TEXT NOT NULL,
         key TEXT NOT NULL,
         ordinal INTEGER NOT NULL,
         ref TEXT,
         valid_from TEXT NOT NULL,
         valid_to TEXT,
         payload TEXT NOT NULL,
         recorded_from TEXT NOT NULL,
         recorded_to TEXT
       ) STRICT`,
      // Current facts of a subject's key: what superseding reads for every event.
      `CREATE INDEX IF NOT EXISTS ${table}_open ON ${table} (subject, key) WHERE recorded_to IS NULL`,
    ];
  });
  return [
    ...facts,
    `CREATE TABLE IF NOT EXISTS ${streamEventTable(prefix)} (
       seq INTEGER PRIMARY KEY,
       aggregate TEXT NOT NULL,
       subject TEXT NOT NULL,
       event TEXT NOT NULL,
       ${SOURCE_CHANGE_COLUMN} INTEGER
     ) STRICT`,
    `CREATE INDEX IF NOT EXISTS ${streamEventTable(prefix)}_subject
       ON ${streamEventTable(prefix)} (aggregate, subject, seq)`,
    `CREATE TABLE IF NOT EXISTS ${CHECKPOINT_TABLE} (
       projection TEXT PRIMARY KEY,
       position TEXT NOT NULL,
       hash TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE IF NOT EXISTS ${rebuildingTable(prefix)} (
       marker INTEGER PRIMARY KEY CHECK (marker = 1)
     ) STRICT`,
    ...queryIndexStatements(prefix),
  ];
}

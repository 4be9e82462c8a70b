/**
 * The SQLite tables of one projection version, named as `@mandate/projections` names them
 * (`<name>_v<version>_*`, so that a new version can be built beside the old one): one table per
 * fact kind with its valid and recorded intervals, the decoded events of each stream (to fold a
 * stream's state again after a restart), and the shared checkpoint table.
 *
 * @see docs/reference/domain.md "Time"
 */
import { CHECKPOINT_TABLE, FACT_KINDS, factTable, streamEventTable } from '@mandate/projections';

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
      // Current facts of a subject's key (superseding), and every fact about a subject (queries;
      // facts on a date are found through the extent index, see extent.ts).
      `CREATE INDEX IF NOT EXISTS ${table}_open ON ${table} (subject, key) WHERE recorded_to IS NULL`,
      `CREATE INDEX IF NOT EXISTS ${table}_about ON ${table} (subject, ordinal, valid_from)`,
      // Facts referring to a person, office or instrument, and facts starting between two dates.
      `CREATE INDEX IF NOT EXISTS ${table}_ref ON ${table} (ref) WHERE ref IS NOT NULL`,
      `CREATE INDEX IF NOT EXISTS ${table}_from ON ${table} (valid_from)`,
    ];
  });
  return [
    ...facts,
    `CREATE TABLE IF NOT EXISTS ${streamEventTable(prefix)} (
       seq INTEGER PRIMARY KEY,
       aggregate TEXT NOT NULL,
       subject TEXT NOT NULL,
       event TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX IF NOT EXISTS ${streamEventTable(prefix)}_subject
       ON ${streamEventTable(prefix)} (aggregate, subject, seq)`,
    `CREATE TABLE IF NOT EXISTS ${CHECKPOINT_TABLE} (
       projection TEXT PRIMARY KEY,
       position TEXT NOT NULL,
       hash TEXT NOT NULL
     ) STRICT`,
  ];
}

/**
 * The PostgreSQL tables of one projection version, named as on SQLite (`<name>_v<version>_*`,
 * so that a new version is built beside the old one) and optionally in a schema of their own:
 * one table per fact kind with its valid and recorded intervals (and their extents, indexed
 * together, see extent.ts), the decoded events of each stream, the shared checkpoint table, and
 * the shared function placing a subject on the valid axis of the extents. A rebuild drops the
 * indexes only the queries use and builds them again at its end ({@link queryIndexStatements});
 * creating the tables creates them too, so opening a model after an interrupted rebuild does.
 * Every text column that is compared or sorted uses the "C" collation, so that PostgreSQL orders
 * strings by their bytes, as SQLite does, and not by the server's locale; for text without
 * characters above U+FFFF that is JavaScript's order too.
 *
 * @see docs/reference/domain.md "Time"
 */
import {
  CHECKPOINT_TABLE,
  FACT_KINDS,
  factTable,
  streamEventTable,
  type FactKind,
} from '@mandate/projections';
import { subjectBaseFunction } from './extent.js';

/** The names of a projection version's tables, qualified by the schema when one is given. */
export interface PostgresTables {
  /** The key of the version's row in the checkpoint table (its table prefix). */
  readonly prefix: string;
  readonly fact: (kind: FactKind) => string;
  readonly streamEvents: string;
  readonly checkpoint: string;
  /** The function giving a subject's stretch of the valid axis (see extent.ts), shared by versions. */
  readonly subjectBase: string;
  /** The schema (unqualified names resolve through `search_path` when absent). */
  readonly schema: string | undefined;
}

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** `name` qualified by `schema` when one is given; a bad schema name is a defect. */
export function qualifiedName(schema: string | undefined, name: string): string {
  if (schema === undefined) return name;
  if (!SCHEMA_PATTERN.test(schema))
    throw new RangeError(`PostgreSQL schema name must match ${SCHEMA_PATTERN.source}`);
  return `${schema}.${name}`;
}

/** The table names of the version with table prefix `prefix`; a bad schema name is a defect. */
export function postgresTables(prefix: string, schema: string | undefined): PostgresTables {
  const qualified = (name: string): string => qualifiedName(schema, name);
  const facts = new Map(FACT_KINDS.map((kind) => [kind, qualified(factTable(prefix, kind))]));
  return {
    prefix,
    fact: (kind) => facts.get(kind) ?? qualified(factTable(prefix, kind)),
    streamEvents: qualified(streamEventTable(prefix)),
    checkpoint: qualified(CHECKPOINT_TABLE),
    subjectBase: qualified('mandate_subject_base'),
    schema,
  };
}

/**
 * The indexes that only the queries use (not the projection while it writes), so that a rebuild
 * may drop them and build each once at its end instead of updating it for every row.
 */
function queryIndexes(
  tables: PostgresTables,
): ReadonlyArray<{ readonly name: string; readonly sql: string }> {
  return FACT_KINDS.flatMap((kind) => {
    const table = tables.fact(kind);
    const index = factTable(tables.prefix, kind);
    return [
      // Every fact about a subject.
      { name: `${index}_about`, sql: `ON ${table} (subject, ordinal, valid_from)` },
      // Facts about a subject valid on a date as known at an instant: a point in both extents.
      { name: `${index}_extent`, sql: `ON ${table} USING gist (extent)` },
      // Facts referring to a person, office or instrument, and facts starting between two dates.
      { name: `${index}_ref`, sql: `ON ${table} (ref) WHERE ref IS NOT NULL` },
      { name: `${index}_from`, sql: `ON ${table} (valid_from)` },
    ];
  });
}

/** The statements creating the indexes only the queries use (idempotent). */
export const queryIndexStatements = (tables: PostgresTables): ReadonlyArray<string> =>
  queryIndexes(tables).map(({ name, sql }) => `CREATE INDEX IF NOT EXISTS ${name} ${sql}`);

/** The statements dropping the indexes only the queries use (idempotent). */
export const dropQueryIndexStatements = (tables: PostgresTables): ReadonlyArray<string> =>
  queryIndexes(tables).map(
    ({ name }) => `DROP INDEX IF EXISTS ${qualifiedName(tables.schema, name)}`,
  );

/** The statements creating the schema, tables and indexes of a projection version (idempotent). */
export function postgresSchemaStatements(tables: PostgresTables): ReadonlyArray<string> {
  const { prefix } = tables;
  const facts = FACT_KINDS.flatMap((kind) => {
    const table = tables.fact(kind);
    const index = factTable(prefix, kind);
    return [
      `CREATE TABLE IF NOT EXISTS ${table} (
         row_id bigint PRIMARY KEY,
         subject text COLLATE "C" NOT NULL,
         key text COLLATE "C" NOT NULL,
         ordinal integer NOT NULL,
         ref text COLLATE "C",
         valid_from text COLLATE "C" NOT NULL,
         valid_to text COLLATE "C",
         payload text NOT NULL,
         recorded_from text COLLATE "C" NOT NULL,
         recorded_to text COLLATE "C",
         extent box NOT NULL
       )`,
      // Current facts of a subject's key: what the mirror loads while the projection writes.
      `CREATE INDEX IF NOT EXISTS ${index}_open ON ${table} (subject, key) WHERE recorded_to IS NULL`,
    ];
  });

  return [
    ...(tables.schema === undefined ? [] : [`CREATE SCHEMA IF NOT EXISTS ${tables.schema}`]),
    subjectBaseFunction(tables.subjectBase),
    ...facts,
    `CREATE TABLE IF NOT EXISTS ${tables.streamEvents} (
       seq bigint PRIMARY KEY,
       aggregate text COLLATE "C" NOT NULL,
       subject text COLLATE "C" NOT NULL,
       event text NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS ${streamEventTable(prefix)}_subject
       ON ${tables.streamEvents} (aggregate, subject, seq)`,
    `CREATE TABLE IF NOT EXISTS ${tables.checkpoint} (
       projection text PRIMARY KEY,
       position bigint NOT NULL,
       hash text NOT NULL
     )`,
    ...queryIndexStatements(tables),
  ];
}

/**
 * The statements dropping a projection version's tables and its checkpoint row (idempotent once
 * any version has been opened, which creates the checkpoint table). The prefix is a checked
 * identifier, so it is safe as a literal.
 */
export function postgresDropStatements(tables: PostgresTables): ReadonlyArray<string> {
  return [
    `DROP TABLE IF EXISTS ${[...FACT_KINDS.map(tables.fact), tables.streamEvents].join(', ')}`,
    `DELETE FROM ${tables.checkpoint} WHERE projection = '${tables.prefix}'`,
  ];
}

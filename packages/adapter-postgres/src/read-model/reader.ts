/**
 * The fact reader of the PostgreSQL read model: real SQL per question, in the order the
 * {@link FactReader} port documents. A question that fans out is still one round trip: a
 * roster is one statement (`rosterFacts`: whether the body is known, its seats, and the holdings
 * of the offices they follow or name their person as), and the `factsOn` calls made in one turn of the event loop for the same kind, date and instant
 * (the list of bodies asks for every body's summary) are asked as ONE query over all their
 * subjects, each caller getting its subject's rows. Each subject is one probe of the extent index
 * (see extent.ts).
 *
 * @see docs/reference/domain.md "Time"
 */
import type { Pool, QueryResultRow } from 'pg';
import type { CalendarDate, Instant } from '@mandate/core';
import {
  factOfRow,
  seatOffice,
  type Fact,
  type FactKind,
  type FactReader,
  type FactRow,
} from '@mandate/projections';
import { probeOf, probeSql, recordedPoint, validOffset } from './extent.js';
import type { PostgresTables } from './schema.js';

/** The columns of a {@link FactRow}. */
export const FACT_COLUMNS = 'row_id, subject, key, ordinal, ref, valid_from, valid_to, payload';

/** The rows as facts, without their row ids. */
const factsOf = (kind: FactKind, rows: ReadonlyArray<FactRow>): Fact[] =>
  rows.map((row) => {
    const { rowId: _rowId, ...fact } = factOfRow(kind, row);
    return fact;
  });

/** Rows that are current knowledge. */
const CURRENT = 'recorded_to IS NULL';
/** Rows known at the instant bound as parameter `$n`. */
const knownAt = (n: number): string =>
  `recorded_from <= $${n} AND (recorded_to IS NULL OR $${n} < recorded_to)`;
const BY_ORDINAL = 'ordinal, valid_from, row_id';
/** The columns of a {@link FactRow} of the table aliased `alias`. */
const columnsOf = (alias: string): string =>
  FACT_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
/** Rows of the table aliased `alias` known at the instant bound as `$n`, or current ones. */
const knownIn = (alias: string, n: number | undefined): string =>
  n === undefined
    ? `${alias}.recorded_to IS NULL`
    : `${alias}.recorded_from <= $${n} AND (${alias}.recorded_to IS NULL OR $${n} < ${alias}.recorded_to)`;
/** Rows of the table aliased `alias` whose valid interval contains the date bound as `$n`. */
const validOn = (alias: string, n: number): string =>
  `${alias}.valid_from <= $${n} AND (${alias}.valid_to IS NULL OR $${n} < ${alias}.valid_to)`;

/** Callers waiting for one batch of `factsOn`: by subject. */
interface Batch {
  readonly kind: FactKind;
  readonly on: CalendarDate;
  readonly at: Instant | undefined;
  readonly waiting: Map<
    string,
    Array<{
      readonly resolve: (facts: ReadonlyArray<Fact>) => void;
      readonly reject: (error: unknown) => void;
    }>
  >;
}

/** The name of each statement's server-side prepared form, shared by every reader of the process. */
const statementNames = new Map<string, string>();

/** The fact reader over a version's tables. */
export function createPostgresReader(pool: Pool, tables: PostgresTables): FactReader {
  /** Runs a statement prepared once per connection, so that it is planned once, not per call. */
  const query = <R extends QueryResultRow>(text: string, values: unknown[]) => {
    const name = statementNames.get(text) ?? `mandate_read_${statementNames.size + 1}`;
    statementNames.set(text, name);
    return pool.query<R>({ name, text, values });
  };
  const read = async (
    kind: FactKind,
    where: string,
    orderBy: string,
    at: Instant | undefined,
    parameters: ReadonlyArray<unknown>,
  ): Promise<Fact[]> => {
    const known = at === undefined ? CURRENT : knownAt(parameters.length + 1);
    const { rows } = await query<FactRow>(
      `SELECT ${FACT_COLUMNS} FROM ${tables.fact(kind)} WHERE ${where} AND ${known} ORDER BY ${orderBy}`,
      at === undefined ? [...parameters] : [...parameters, at],
    );
    return factsOf(kind, rows);
  };

  const batches = new Map<string, Batch>();
  /** One probe of the extent index per subject asked, the exact conditions checked on the rows. */
  const ask = async ({ kind, on, at, waiting }: Batch): Promise<void> => {
    const subjects = [...waiting.keys()];
    try {
      const onDate = at === undefined ? 3 : 4;
      const { rows } = await query<FactRow>(
        `SELECT ${columnsOf('fact')}
           FROM unnest($1::text[], $2::text[]) AS asked (subject, probe)
           JOIN ${tables.fact(kind)} AS fact
             ON fact.subject = asked.subject AND fact.extent @> asked.probe::box
          WHERE ${validOn('fact', onDate)}
            AND ${knownIn('fact', at === undefined ? undefined : 3)}
          ORDER BY fact.subject, fact.ordinal, fact.valid_from, fact.row_id`,
        [
          subjects,
          subjects.map((subject) => probeOf(subject, on, at)),
          ...(at === undefined ? [] : [at]),
          on,
        ],
      );
      const bySubject = new Map<string, Fact[]>(subjects.map((subject) => [subject, []]));
      for (const fact of factsOf(kind, rows)) bySubject.get(fact.subject)?.push(fact);
      for (const [subject, callers] of waiting)
        for (const { resolve } of callers) resolve(bySubject.get(subject) ?? []);
    } catch (error) {
      for (const callers of waiting.values()) for (const { reject } of callers) reject(error);
    }
  };

  return {
    factsOn: (kind, subject, on, at) =>
      new Promise((resolve, reject) => {
        const key = JSON.stringify([kind, on, at ?? null]);
        let batch = batches.get(key);
        if (batch === undefined) {
          const started: Batch = { kind, on, at, waiting: new Map() };
          batches.set(key, started);
          queueMicrotask(() => {
            batches.delete(key);
            void ask(started);
          });
          batch = started;
        }
        const callers = batch.waiting.get(subject) ?? [];
        callers.push({ resolve, reject });
        batch.waiting.set(subject, callers);
      }),
    rosterFacts: async (bodyId, on, at) => {
      const onDate = at === undefined ? 5 : 6;
      const known = (alias: string) => knownIn(alias, at === undefined ? undefined : 5);
      // The office of a seat row: the one it follows, or the one it names its person as.
      const holder = (part: string) => `payload::jsonb #>> '{holder,${part}}'`;
      const { rows } = await query<FactRow & { readonly known: boolean; readonly part: number }>(
        `WITH body AS MATERIALIZED (
           -- Whether the body is known, asked once (inlined, the planner would ask it twice).
           SELECT EXISTS (SELECT 1 FROM ${tables.fact('body')} AS fact
                           WHERE fact.subject = $1 AND ${known('fact')}) AS known),
         seats AS (
           SELECT ${columnsOf('fact')} FROM ${tables.fact('seat')} AS fact
            WHERE fact.subject = $1 AND fact.extent @> $2::box
              AND ${validOn('fact', onDate)} AND ${known('fact')}),
         offices AS (
           SELECT DISTINCT office FROM (
             SELECT CASE ${holder('follows')} WHEN 'office' THEN ref ELSE ${holder('asOffice')} END
               FROM seats) AS named (office)
            WHERE office IS NOT NULL),
         parts AS (
           SELECT 1 AS part, seats.* FROM seats
           UNION ALL
           -- LATERAL … OFFSET 0 keeps one probe of the extent index per office: flattened, the
           -- planner may join every holding known at the instant instead.
           SELECT 2, holding.*
             FROM offices CROSS JOIN LATERAL (
               SELECT ${columnsOf('fact')} FROM ${tables.fact('holding')} AS fact
                WHERE fact.subject = offices.office
                  AND fact.extent @> ${probeSql(tables.subjectBase, 'offices.office', '$4::bigint', '$3::float8')}
                  AND ${validOn('fact', onDate)} AND ${known('fact')}
               OFFSET 0) AS holding)
         -- One row at least: whether the body is known, then its seats and their holdings.
         SELECT body.known, parts.* FROM body LEFT JOIN parts ON body.known
          ORDER BY parts.part, parts.subject, parts.ordinal, parts.valid_from, parts.row_id`,
        [
          bodyId,
          probeOf(bodyId, on, at),
          recordedPoint(at),
          validOffset(on),
          ...(at === undefined ? [] : [at]),
          on,
        ],
      );
      if (rows[0]?.known !== true) return undefined;
      const seats = factsOf(
        'seat',
        rows.filter((row) => row.part === 1),
      );
      const holdings = new Map<string, Fact[]>(
        seats.flatMap((seat) => {
          const office = seatOffice(seat);
          return office === undefined ? [] : [[office, []]];
        }),
      );
      for (const fact of factsOf(
        'holding',
        rows.filter((row) => row.part === 2),
      ))
        holdings.get(fact.subject)?.push(fact);
      return { seats, holdings };
    },
    factsAbout: (kind, subject, at) => read(kind, 'subject = $1', BY_ORDINAL, at, [subject]),
    factsReferring: (kind, ref, at) => read(kind, 'ref = $1', `subject, ${BY_ORDINAL}`, at, [ref]),
    // A name fact's key is its folded name (name-facts.ts): a search scans that one column.
    factsContaining: (kind, text, at) =>
      read(kind, 'strpos(key, $1) > 0', `subject, ${BY_ORDINAL}`, at, [text]),
    factsStarting: (kind, from, to, at) =>
      read(
        kind,
        '$1 <= valid_from AND valid_from < $2',
        'valid_from, subject, ordinal, row_id',
        at,
        [from, to],
      ),
    subjects: async (kind, at) => {
      const known = at === undefined ? CURRENT : knownAt(1);
      const { rows } = await query<{ subject: string }>(
        `SELECT DISTINCT subject FROM ${tables.fact(kind)} WHERE ${known} ORDER BY subject`,
        at === undefined ? [] : [at],
      );
      return rows.map((row) => row.subject);
    },
  };
}

/**
 * The extent index of the SQLite read model: an R*Tree over every fact row's box in three
 * dimensions — its subject (as a number), its valid interval (as day numbers) and its recorded
 * interval (as whole seconds since 2000) — so that "the facts about S valid on D as known at T"
 * finds the few rows whose box contains the point (S, D, T) instead of scanning every version of
 * the subject's history. The R*Tree keeps 32-bit integers: recorded instants are widened to whole
 * seconds (and clamped beyond 2068), so it yields a superset of the rows, and the exact conditions
 * are checked again on the fact table. Only the kinds the queries ask about on a date have extents
 * (not obligations, nor changes, which are one row per event).
 *
 * @see docs/reference/domain.md "Time"
 */
import type { Database } from 'better-sqlite3';
import type { CalendarDate, Instant, ValidInterval } from '@mandate/core';
import { factTable, type FactKind } from '@mandate/projections';

/** The R*Tree of one fact kind's rows. */
export const extentTable = (prefix: string, kind: FactKind): string =>
  `${factTable(prefix, kind)}_extent`;

/** The numbers standing for subjects in the extents. */
export const subjectTable = (prefix: string): string => `${prefix}_subject`;

/** The kinds whose facts the queries ask about on a date: only their rows get an extent. */
const DATED_KINDS: ReadonlySet<FactKind> = new Set<FactKind>([
  'body',
  'seat',
  'duty',
  'report',
  'holding',
]);

/** The statements creating the extent tables of a projection version (idempotent). */
export function extentSchema(prefix: string): ReadonlyArray<string> {
  return [
    `CREATE TABLE IF NOT EXISTS ${subjectTable(prefix)} (
       id INTEGER PRIMARY KEY,
       subject TEXT NOT NULL UNIQUE
     ) STRICT`,
    ...[...DATED_KINDS].map(
      (kind) =>
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${extentTable(prefix, kind)} USING rtree_i32(
           row_id, subject_lo, subject_hi, valid_lo, valid_hi, recorded_lo, recorded_hi
         )`,
    ),
  ];
}

/** The largest 32-bit integer: the end of what is still open. */
const OPEN_END = 2 ** 31 - 1;
/** The last point before `OPEN_END`: where "current knowledge" is asked. */
const NOW = OPEN_END - 1;
const DAY = 86_400_000;
/** 2000-01-01T00:00:00Z, in epoch milliseconds. */
const EPOCH_2000 = Date.UTC(2000, 0, 1);

/** The day number (days since 1970-01-01) of a calendar date. */
const dayOf = (date: CalendarDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;

/** The SQL functions `fill` boxes rows with: {@link dayOf}, {@link secondsFloor}, {@link secondsCeiling}. */
const DAY_FUNCTION = 'mandate_extent_day';
const FLOOR_FUNCTION = 'mandate_extent_seconds_floor';
const CEILING_FUNCTION = 'mandate_extent_seconds_ceiling';

const clamp = (seconds: number): number => Math.min(NOW, Math.max(-NOW, seconds));

/** Seconds since 2000 of an instant, rounded down (a lower bound, or a point asked about). */
const secondsFloor = (instant: Instant): number =>
  clamp(Math.floor((Date.parse(instant) - EPOCH_2000) / 1000));

/** Seconds since 2000 of an instant, rounded up (an upper bound). */
const secondsCeiling = (instant: Instant): number =>
  clamp(Math.ceil((Date.parse(instant) - EPOCH_2000) / 1000));

/** A row of a fact table, as the extent query returns it. */
export type ExtentRow = Record<string, unknown>;

/** The extents of a projection version's rows. */
export interface Extents {
  /** Indexes a row opened at `at`. */
  readonly open: (
    kind: FactKind,
    rowId: number | bigint,
    subject: string,
    valid: ValidInterval,
    at: Instant,
  ) => void;
  /** Closes a row's recorded interval at `at`. */
  readonly close: (kind: FactKind, rowId: number, at: Instant) => void;
  /**
   * The rows about `subject` whose valid interval contains `on` and whose recorded interval
   * contains `knownAt` (current rows when absent), by ordinal, valid start and row id.
   */
  readonly rowsOn: <Row>(
    kind: FactKind,
    subject: string,
    on: CalendarDate,
    knownAt: Instant | undefined,
  ) => Row[];
  /** Empties every extent and the subject numbers. */
  readonly empty: () => void;
  /**
   * Empties every extent, then indexes every row of the fact tables as opening and closing it
   * would have: how a rebuild that deferred the extents builds them once at its end.
   */
  readonly fill: () => void;
  /** Forgets the cached subject numbers (after a transaction was rolled back). */
  readonly forget: () => void;
}

/** Opens the extents of the projection version whose tables start with `prefix`. */
export function createExtents(db: Database, prefix: string): Extents {
  const orNull =
    <T>(f: (value: T) => number) =>
    (value: T | null): number | null =>
      value === null ? null : f(value);
  const options = { deterministic: true, directOnly: true };
  db.function(DAY_FUNCTION, options, orNull(dayOf));
  db.function(FLOOR_FUNCTION, options, orNull(secondsFloor));
  db.function(CEILING_FUNCTION, options, orNull(secondsCeiling));
  const subjects = subjectTable(prefix);
  const perKind = <S>(make: (kind: FactKind) => S): ReadonlyMap<FactKind, S> =>
    new Map([...DATED_KINDS].map((kind) => [kind, make(kind)]));
  const of = <S>(map: ReadonlyMap<FactKind, S>, kind: FactKind): S => {
    const found = map.get(kind);
    if (found === undefined) throw new Error(`No extent statement for fact kind ${kind}`);
    return found;
  };
  const box = `e.subject_lo <= ? AND e.subject_hi >= ? AND e.valid_lo <= ? AND e.valid_hi > ?
    AND e.recorded_lo <= ? AND e.recorded_hi > ?`;
  const exact = `f.valid_from <= ? AND (f.valid_to IS NULL OR ? < f.valid_to)`;
  const statements = {
    subjectId: db.prepare<[string], { id: number }>(`SELECT id FROM ${subjects} WHERE subject = ?`),
    addSubject: db.prepare<[string]>(`INSERT INTO ${subjects} (subject) VALUES (?)`),
    insert: perKind((kind) =>
      db.prepare<[number | bigint, number, number, number, number, number, number]>(
        `INSERT INTO ${extentTable(prefix, kind)} VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    ),
    close: perKind((kind) =>
      db.prepare<[number, number]>(
        `UPDATE ${extentTable(prefix, kind)} SET recorded_hi = ? WHERE row_id = ?`,
      ),
    ),
    current: perKind((kind) =>
      db.prepare<unknown[], unknown>(
        `SELECT f.* FROM ${extentTable(prefix, kind)} AS e
         JOIN ${factTable(prefix, kind)} AS f ON f.row_id = e.row_id
         WHERE ${box} AND ${exact} AND f.recorded_to IS NULL
         ORDER BY f.ordinal, f.valid_from, f.row_id`,
      ),
    ),
    known: perKind((kind) =>
      db.prepare<unknown[], unknown>(
        `SELECT f.* FROM ${extentTable(prefix, kind)} AS e
         JOIN ${factTable(prefix, kind)} AS f ON f.row_id = e.row_id
         WHERE ${box} AND ${exact}
           AND f.recorded_from <= ? AND (f.recorded_to IS NULL OR ? < f.recorded_to)
         ORDER BY f.ordinal, f.valid_from, f.row_id`,
      ),
    ),
    // Filling: every subject numbered in the order first met, then every row boxed in one
    // statement per kind, through the same functions as `insert` (registered below).
    fillSubjects: perKind((kind) =>
      db.prepare(
        `INSERT INTO ${subjects} (subject)
         SELECT subject FROM ${factTable(prefix, kind)} WHERE true GROUP BY subject ORDER BY min(row_id)
         ON CONFLICT (subject) DO NOTHING`,
      ),
    ),
    fill: perKind((kind) =>
      db.prepare(
        `INSERT INTO ${extentTable(prefix, kind)}
         SELECT f.row_id, s.id, s.id, ${DAY_FUNCTION}(f.valid_from),
           coalesce(${DAY_FUNCTION}(f.valid_to), ${OPEN_END}),
           ${FLOOR_FUNCTION}(f.recorded_from),
           coalesce(${CEILING_FUNCTION}(f.recorded_to), ${OPEN_END})
         FROM ${factTable(prefix, kind)} AS f JOIN ${subjects} AS s ON s.subject = f.subject
         ORDER BY f.row_id`,
      ),
    ),
    empty: [
      ...[...DATED_KINDS].map((kind) => db.prepare(`DELETE FROM ${extentTable(prefix, kind)}`)),
      db.prepare(`DELETE FROM ${subjects}`),
    ],
  };

  /** Subject numbers, cached; forgotten when a transaction is rolled back or the tables emptied. */
  const ids = new Map<string, number>();
  const idOf = (subject: string): number | undefined => {
    const cached = ids.get(subject);
    if (cached !== undefined) return cached;
    const found = statements.subjectId.get(subject)?.id;
    if (found !== undefined) ids.set(subject, found);
    return found;
  };
  const ensureId = (subject: string): number => {
    const found = idOf(subject);
    if (found !== undefined) return found;
    const id = Number(statements.addSubject.run(subject).lastInsertRowid);
    ids.set(subject, id);
    return id;
  };

  const empty = (): void => {
    for (const statement of statements.empty) statement.run();
    ids.clear();
  };
  /** The box of a row: its subject's number, its valid days, its recorded seconds. */
  const insert = (
    kind: FactKind,
    rowId: number | bigint,
    subject: string,
    valid: { readonly from: CalendarDate; readonly to: CalendarDate | undefined },
    from: Instant,
    to: Instant | undefined,
  ): void => {
    const id = ensureId(subject);
    of(statements.insert, kind).run(
      rowId,
      id,
      id,
      dayOf(valid.from),
      valid.to === undefined ? OPEN_END : dayOf(valid.to),
      secondsFloor(from),
      to === undefined ? OPEN_END : secondsCeiling(to),
    );
  };

  return {
    open: (kind, rowId, subject, valid, at) => {
      if (DATED_KINDS.has(kind)) {
        insert(kind, rowId, subject, { from: valid.from, to: valid.to }, at, undefined);
      }
    },
    close: (kind, rowId, at) => {
      if (DATED_KINDS.has(kind)) of(statements.close, kind).run(secondsCeiling(at), rowId);
    },
    rowsOn: <Row>(
      kind: FactKind,
      subject: string,
      on: CalendarDate,
      knownAt: Instant | undefined,
    ): Row[] => {
      // A defect: a query asking a kind on a date must list it in DATED_KINDS.
      if (!DATED_KINDS.has(kind)) throw new Error(`Facts of kind ${kind} have no extents`);
      const id = idOf(subject);
      if (id === undefined) return [];
      const day = dayOf(on);
      const point = knownAt === undefined ? NOW : secondsFloor(knownAt);
      const boxed = [id, id, day, day, point, point, on, on];
      return (
        knownAt === undefined
          ? of(statements.current, kind).all(...boxed)
          : of(statements.known, kind).all(...boxed, knownAt, knownAt)
      ) as Row[];
    },
    empty,
    fill: () => {
      empty();
      for (const kind of DATED_KINDS) {
        of(statements.fillSubjects, kind).run();
        of(statements.fill, kind).run();
      }
    },
    forget: () => ids.clear(),
  };
}

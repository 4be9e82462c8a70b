/**
 * The auditor's questions about the seed story, answered by the SQLite read model: the log is
 * projected into a file of its own, then asked who sat on the successor as known now and as known
 * just before the merger was recorded, what Mr. Trăm held, how the successor reported, what the
 * merger decision changed, and what took effect in December 2018.
 *
 * @see docs/reference/domain.md "Questions the read models answer" and "Time"
 */
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@mandate/application';
import {
  epochMillisecondsOf,
  instantOf,
  unsafeCalendarDate,
  type BodyId,
  type CalendarDate,
  type Instant,
  type LegalBasis,
  type OfficeId,
  type PersonId,
} from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore } from '@mandate/eventstore';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import {
  bitemporalProjection,
  startProjection,
  type ChangeView,
  type ComplianceView,
  type PersonHoldings,
  type ReadModelQueries,
  type RosterSeat,
} from '@mandate/projections';
import { answered } from './answered.js';
import { findMergerRecord, readWholeLog } from './log.js';
import { officeName, personName } from './names.js';

/** The date of the compliance question: after the 2019 review and both 2019 half-year reports fell due. */
export const COMPLIANCE_DATE = unsafeCalendarDate('2020-06-01');
/** The span of the "what changed" question, `[from, to)`: December 2018, the month of the merger. */
export const CHANGES_SPAN = {
  from: unsafeCalendarDate('2018-12-01'),
  to: unsafeCalendarDate('2019-01-01'),
} as const;

/** The successor's seats on a date as known at one instant (current knowledge when absent). */
export interface RosterAnswer {
  readonly knownAt?: Instant;
  /** Whether the successor was known at all then. */
  readonly successorKnown: boolean;
  readonly seats: ReadonlyArray<RosterSeat>;
}

/** How many changes of one aggregate and event type. */
export interface ChangeCount {
  readonly aggregate: ChangeView['aggregate'];
  readonly type: string;
  readonly count: number;
}

/** Names of the ids the answers mention, in Vietnamese. */
export interface AuditNames {
  readonly people: Readonly<Record<string, string>>;
  readonly offices: Readonly<Record<string, string>>;
  readonly bodies: Readonly<Record<string, string>>;
}

/** Everything the audit answers, as plain values. */
export interface AuditAnswers {
  /** How many events the log holds: the read model reflects all of them once built. */
  readonly eventsProjected: number;
  readonly successor: BodyId;
  readonly on: CalendarDate;
  /** When the merger decision entered the log, and the instant 1 ms before it. */
  readonly mergerRecordedAt: Instant;
  readonly beforeMerger: Instant;
  readonly roster: { readonly now: RosterAnswer; readonly beforeMerger: RosterAnswer };
  readonly holdings: {
    readonly person: PersonId;
    readonly now: PersonHoldings;
    readonly beforeMerger: PersonHoldings;
  };
  readonly compliance: {
    readonly on: CalendarDate;
    readonly obligations: ReadonlyArray<ComplianceView>;
  };
  readonly merger: {
    readonly decision: LegalBasis;
    readonly changes: ReadonlyArray<ChangeView>;
    readonly counts: ReadonlyArray<ChangeCount>;
  };
  readonly changesBetween: {
    readonly from: CalendarDate;
    readonly to: CalendarDate;
    readonly changes: ReadonlyArray<ChangeView>;
  };
  readonly names: AuditNames;
}

/** Counts changes by aggregate and event type, in the order each first appears. */
export function countChanges(changes: ReadonlyArray<ChangeView>): ReadonlyArray<ChangeCount> {
  const counts = new Map<string, ChangeCount>();
  for (const { aggregate, type } of changes) {
    const key = `${aggregate}:${type}`;
    counts.set(key, { aggregate, type, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

/** Projects the whole log into `db` and stops following it. */
async function projectLog(store: EventStore, db: Database.Database): Promise<ReadModelQueries> {
  const model = createSqliteReadModel(db, bitemporalProjection);
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  try {
    await runner.waitUntilCaughtUp();
  } finally {
    await runner.stop();
  }
  return model.queries;
}

async function rosterAnswer(
  queries: ReadModelQueries,
  successor: BodyId,
  on: CalendarDate,
  knownAt?: Instant,
): Promise<RosterAnswer> {
  return {
    ...(knownAt === undefined ? {} : { knownAt }),
    successorKnown: E.isRight(await queries.body(successor, on, knownAt)),
    seats: E.getOrElseW(() => [])(await queries.roster(successor, on, knownAt)),
  };
}

/** The people, offices and bodies the roster and the holdings mention. */
function mentionedIds(seats: ReadonlyArray<RosterSeat>, holdings: PersonHoldings) {
  const people = new Set<PersonId>();
  const offices = new Set<OfficeId>();
  const bodies = new Set<BodyId>();
  for (const { holder, occupant } of seats) {
    if (holder?.follows === 'person') people.add(holder.person);
    if (holder?.follows === 'office') offices.add(holder.office);
    if (holder?.follows === 'person' && holder.asOffice !== undefined) offices.add(holder.asOffice);
    if (occupant?.kind === 'person') people.add(occupant.person);
    if (occupant?.kind === 'vacant') offices.add(occupant.office);
  }
  for (const tenure of holdings.offices) offices.add(tenure.officeId);
  for (const tenure of holdings.seats) {
    bodies.add(tenure.bodyId);
    const office = tenure.via === 'office' ? tenure.office : tenure.asOffice;
    if (office !== undefined) offices.add(office);
  }
  return { people, offices, bodies };
}

async function nameAll<Id extends string>(
  ids: ReadonlySet<Id>,
  name: (id: Id) => Promise<string>,
): Promise<Readonly<Record<string, string>>> {
  const entries = await Promise.all([...ids].map(async (id) => [id, await name(id)] as const));
  return Object.fromEntries(entries);
}

/** Names every id the answers mention: people and offices from their streams, bodies from the read model. */
async function nameMentioned(
  store: EventStore,
  queries: ReadModelQueries,
  ids: ReturnType<typeof mentionedIds>,
  on: CalendarDate,
): Promise<AuditNames> {
  const handler = createCommandHandler({ store });
  return {
    people: await nameAll(ids.people, (id) => personName(handler, id)),
    offices: await nameAll(ids.offices, (id) => officeName(handler, id, on)),
    bodies: await nameAll(ids.bodies, async (id) => {
      const view = await answered(queries.body(id, on), `the body ${id}`);
      return view.name?.vi ?? view.names.at(-1)?.name.vi ?? id;
    }),
  };
}

/**
 * Builds the SQLite read model of `store`'s log in `readModelFile` (resuming from its checkpoint
 * when the file exists) and answers the audit, with the successor's roster on `on`.
 */
export async function auditStory(
  store: EventStore,
  readModelFile: string,
  on: CalendarDate,
): Promise<AuditAnswers> {
  const log = await readWholeLog(store);
  const merger = findMergerRecord(log);
  const beforeMerger = instantOf(epochMillisecondsOf(merger.recordedAt) - 1);
  const successor = Seed.SeedIds.successor as BodyId;
  const tram = Seed.SeedIds.tram as PersonId;
  const db = new Database(readModelFile);
  try {
    db.pragma('journal_mode = WAL');
    const queries = await projectLog(store, db);
    const roster = {
      now: await rosterAnswer(queries, successor, on),
      beforeMerger: await rosterAnswer(queries, successor, on, beforeMerger),
    };
    const holdings = {
      person: tram,
      now: await answered(queries.holdings(tram), 'what Mr. Trăm held'),
      beforeMerger: await answered(
        queries.holdings(tram, beforeMerger),
        'what Mr. Trăm held before the merger',
      ),
    };
    const mergerChanges = await answered(
      queries.changesByInstrument(merger.decision),
      'the changes of the merger decision',
    );
    const ids = mentionedIds(roster.now.seats, holdings.now);
    ids.people.add(tram);
    ids.bodies.add(successor);
    return {
      eventsProjected: log.length,
      successor,
      on,
      mergerRecordedAt: merger.recordedAt,
      beforeMerger,
      roster,
      holdings,
      compliance: {
        on: COMPLIANCE_DATE,
        obligations: await answered(
          queries.compliance(successor, COMPLIANCE_DATE),
          'the compliance of the successor',
        ),
      },
      merger: {
        decision: merger.decision,
        changes: mergerChanges,
        counts: countChanges(mergerChanges),
      },
      changesBetween: {
        ...CHANGES_SPAN,
        changes: await answered(
          queries.changesBetween(CHANGES_SPAN.from, CHANGES_SPAN.to),
          'the changes of December 2018',
        ),
      },
      names: await nameMentioned(store, queries, ids, on),
    };
  } finally {
    db.close();
  }
}

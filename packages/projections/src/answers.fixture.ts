/**
 * The comparison every read-model property makes: one question `(body, on, knownAt)` asked of a
 * read model and of the oracle, for every query, must get equal answers — the body's roster,
 * duties, summary and compliance on `on`, every body, what each person of the generated pools
 * held, the changes and the record (with its relations both ways) of every instrument in the log
 * (and of one cited with the wrong year), the changes before `on`, in the months after it and over
 * all time, and the bodies, persons and instruments found by each of a list of searches. What a person held must also
 * agree with the roster on `on`. Kept in one place so that each read-model store (memory, SQLite,
 * PostgreSQL) is held to the same questions.
 *
 * @see docs/reference/domain.md rule 11
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  addDays,
  dateParts,
  epochMillisecondsOf,
  instantOf,
  instrumentKey,
  unsafeCalendarDate,
} from '@mandate/core';
import type {
  AuthorityId,
  BodyId,
  CalendarDate,
  Instant,
  LegalBasis,
  PersonId,
} from '@mandate/core';
import { BodyArbitraries } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import * as E from 'fp-ts/Either';
import { BEGINNING_OF_TIME } from './facts.js';
import { PERSONS, REGISTERED_NAMES, SEARCHES } from './generated-history.fixture.js';
import type { QueryError } from './query-errors.js';
import type {
  ChangeView,
  ComplianceView,
  InstrumentCitation,
  PersonHoldings,
  ReadModelQueries,
  RosterSeat,
  SeatBasis,
} from './views.js';

/**
 * The known instant a generated question asks at: none (current knowledge) when `pick` is absent,
 * else the recorded instant of the log's `pick`-th event — for odd picks a millisecond before it,
 * so that half the questions fall just before an event was recorded.
 */
export function knownAtOf(
  log: ReadonlyArray<StoredEvent>,
  pick: number | undefined,
): Instant | undefined {
  if (pick === undefined) return undefined;
  const at = log[pick % log.length]?.recordedAt;
  return at !== undefined && pick % 2 === 1 ? instantOf(epochMillisecondsOf(at) - 1) : at;
}

/**
 * Between `minLength` and `maxLength` generated questions about the generated body: a valid date
 * in the histories' window, and a pick for {@link knownAtOf} (none: current knowledge).
 */
export const questionPicks = (minLength: number, maxLength: number) =>
  fc.array(fc.tuple(BodyArbitraries.windowDate, fc.option(fc.nat(), { nil: undefined })), {
    minLength,
    maxLength,
  });

/** One question: a body, a valid date, and a known instant (current knowledge when absent). */
export interface Question {
  readonly bodyId: BodyId;
  readonly on: CalendarDate;
  readonly knownAt: Instant | undefined;
  /** The persons whose holdings are compared (default: the generated pools' persons). */
  readonly persons?: ReadonlyArray<PersonId>;
  /** The authorities whose bodies are compared (default {@link AUTHORITIES_ASKED}). */
  readonly authorities?: ReadonlyArray<AuthorityId>;
}

/** What the answers held, so that a property can check it reached the interesting paths. */
export interface Reached {
  /** Seats whose occupant was resolved through an office. */
  readonly viaOffice: number;
  /** Non-empty rosters asked as known at a past instant. */
  readonly pastRosters: number;
  /** Office holdings in the persons' holdings. */
  readonly officeTenures: number;
  /** Seat tenures held ex officio. */
  readonly exOfficioTenures: number;
  /** Ex-officio seats that more than one person held, following their office's change of hands. */
  readonly handedOver: number;
  /** Periods on `on` by status, and filed ones whose counted report is a correction. */
  readonly periods: Readonly<
    Record<'filed' | 'filed-late' | 'due' | 'missing' | 'corrected', number>
  >;
  /** Changes found by instrument. */
  readonly instrumentChanges: number;
  /** Instruments refused as unknown at the instant asked (a wrong year, or recorded later). */
  readonly unknownInstruments: number;
  /** Relations found from an instrument to an earlier one, and from later ones to it. */
  readonly relations: number;
  readonly relatedBy: number;
  /** Bodies, persons and instruments found by name, and persons found under a corrected name. */
  readonly bodiesFound: number;
  readonly personsFound: number;
  readonly instrumentsFound: number;
  readonly correctedNames: number;
  /** Instruments found by name whose record holds an annulment ab initio. */
  readonly annulledFound: number;
  /** Changes to a person's record. */
  readonly personChanges: number;
  /** Changes sourced from a filed report. */
  readonly reportChanges: number;
  /** Changes recorded after a change of the same stream that took effect later (retroactive). */
  readonly retroactive: number;
  /** Jurisdiction answers naming an authority other than the body's establisher (a transfer). */
  readonly transferred: number;
  /** Jurisdiction answers with an authority above the one standing for the body. */
  readonly withAbove: number;
  /** Orphaned bodies. */
  readonly orphans: number;
  /** Bodies found under an authority. */
  readonly under: number;
}

/** The authorities whose bodies are asked for: the generated ones, and one never registered. */
export const AUTHORITIES_ASKED = [
  'ubnd-tinh-binh-phuoc',
  'district-a',
  'district-b',
  'district-c',
  'no-such-authority',
] as AuthorityId[];

const END_OF_TIME = unsafeCalendarDate('2999-12-31');

/** The same citation, a year later: identity includes the year, so it names another instrument. */
const wrongYear = (basis: LegalBasis): LegalBasis => ({
  ...basis,
  signedOn: unsafeCalendarDate(`${dateParts(basis.signedOn).year + 1}-01-01`),
});

/** The distinct instruments behind a list of changes, in order of first appearance. */
function instrumentsOf(changes: ReadonlyArray<ChangeView>): ReadonlyArray<LegalBasis> {
  const byKey = new Map<string, LegalBasis>();
  for (const { source } of changes)
    if (source.kind === 'instrument' && !byKey.has(instrumentKey(source.instrument)))
      byKey.set(instrumentKey(source.instrument), source.instrument);
  return [...byKey.values()];
}

/** Changes recorded after a change of the same stream that took effect later. */
function retroactiveCount(changes: ReadonlyArray<ChangeView>): number {
  const latest = new Map<string, CalendarDate>();
  let count = 0;
  for (const change of [...changes].sort((a, b) => (a.position < b.position ? -1 : 1))) {
    const before = latest.get(change.stream);
    if (before !== undefined && change.effectiveOn < before) count += 1;
    if (before === undefined || change.effectiveOn > before)
      latest.set(change.stream, change.effectiveOn);
  }
  return count;
}

/** The basis a roster occupant gives a seat, as a holdings answer states it. */
const basisOf = (occupant: RosterSeat['occupant']): SeatBasis | undefined =>
  occupant?.kind !== 'person'
    ? undefined
    : occupant.via === 'office'
      ? { via: 'office', office: occupant.office, acting: occupant.acting }
      : occupant.asOffice === undefined
        ? { via: 'named', acting: occupant.acting }
        : { via: 'named', acting: occupant.acting, asOffice: occupant.asOffice };

/** Asserts that the seats a person held in the body on `on` are those the roster gives them. */
function expectHoldingsMatchRoster(
  person: PersonId,
  held: PersonHoldings,
  roster: ReadonlyArray<RosterSeat>,
  { bodyId, on }: Question,
): void {
  const fromHoldings = held.seats
    .filter((s) => s.bodyId === bodyId && s.from <= on && (s.to === undefined || on < s.to))
    .map(({ bodyId: _body, from: _from, to: _to, ...seat }) => seat);
  const fromRoster = roster.flatMap(({ seatId, roles, occupant }) => {
    const basis = basisOf(occupant);
    return basis === undefined || occupant?.kind !== 'person' || occupant.person !== person
      ? []
      : [{ seatId, roles, ...basis }];
  });
  const bySeat = (a: { seatId: string }, b: { seatId: string }) => (a.seatId < b.seatId ? -1 : 1);
  expect(fromHoldings.sort(bySeat)).toEqual(fromRoster.sort(bySeat));
}

function periodsReached(compliance: ReadonlyArray<ComplianceView>): Reached['periods'] {
  const periods = { filed: 0, 'filed-late': 0, due: 0, missing: 0, corrected: 0 };
  for (const period of compliance.flatMap((obligation) => obligation.periods)) {
    periods[period.status] += 1;
    if ('counted' in period && period.counted.reportId !== period.filed.reportId)
      periods.corrected += 1;
  }
  return periods;
}

/** The answer a query gave, or an empty `none` when it refused (a body or person not known then). */
const orElse = <A>(answer: E.Either<QueryError, A>, none: A): A => E.getOrElse(() => none)(answer);

/** The answer a query gave; fails the test with the query's error when it refused. */
export async function answerOf<A>(asked: Promise<E.Either<QueryError, A>>): Promise<A> {
  const answer = await asked;
  if (E.isLeft(answer)) throw new Error(`The query refused: ${JSON.stringify(answer.left)}`);
  return answer.right;
}

/** Asserts that the read model answers `question` exactly as the oracle does, for every query. */
export async function expectSameAnswers(
  model: ReadModelQueries,
  oracle: ReadModelQueries,
  question: Question,
): Promise<Reached> {
  const { bodyId, on, knownAt, persons = PERSONS, authorities = AUTHORITIES_ASKED } = question;
  const rosterAnswer = await model.roster(bodyId, on, knownAt);
  expect(rosterAnswer).toEqual(await oracle.roster(bodyId, on, knownAt));
  const roster = orElse(rosterAnswer, []);
  expect(await model.duties(bodyId, on, knownAt)).toEqual(await oracle.duties(bodyId, on, knownAt));
  expect(await model.body(bodyId, on, knownAt)).toEqual(await oracle.body(bodyId, on, knownAt));
  expect(await model.bodies(on, knownAt)).toEqual(await oracle.bodies(on, knownAt));

  const complianceAnswer = await model.compliance(bodyId, on, knownAt);
  expect(complianceAnswer).toEqual(await oracle.compliance(bodyId, on, knownAt));
  const compliance = orElse(complianceAnswer, []);

  let officeTenures = 0;
  let exOfficioTenures = 0;
  const exOfficio = new Map<string, Set<PersonId>>();
  for (const person of persons) {
    const heldAnswer = await model.holdings(person, knownAt);
    expect(heldAnswer).toEqual(await oracle.holdings(person, knownAt));
    const held = orElse(heldAnswer, { offices: [], seats: [] });
    expectHoldingsMatchRoster(person, held, roster, question);
    officeTenures += held.offices.length;
    for (const seat of held.seats)
      if (seat.via === 'office') {
        exOfficioTenures += 1;
        const key = `${seat.bodyId}|${seat.seatId}|${seat.office}`;
        exOfficio.set(key, new Set([...(exOfficio.get(key) ?? []), person]));
      }
  }

  const everything = await answerOf(model.changesBetween(BEGINNING_OF_TIME, END_OF_TIME, knownAt));
  expect(E.right(everything)).toEqual(
    await oracle.changesBetween(BEGINNING_OF_TIME, END_OF_TIME, knownAt),
  );
  const soon = addDays(on, 200) ?? END_OF_TIME;
  for (const [from, to] of [
    [BEGINNING_OF_TIME, on],
    [on, soon],
    [on, on],
  ] as const)
    expect(await model.changesBetween(from, to, knownAt)).toEqual(
      await oracle.changesBetween(from, to, knownAt),
    );
  const logged = await answerOf(oracle.changesBetween(BEGINNING_OF_TIME, END_OF_TIME, undefined));
  const instruments = instrumentsOf(logged);
  let instrumentChanges = 0;
  for (const instrument of [...instruments, ...instruments.slice(0, 1).map(wrongYear)]) {
    const changes = await model.changesByInstrument(instrument, knownAt);
    expect(changes).toEqual(await oracle.changesByInstrument(instrument, knownAt));
    instrumentChanges += orElse(changes, []).length;
  }
  // The registry's own instruments (with relations), one cited by a change, and a wrong year.
  const recorded = await answerOf(oracle.instruments('/QĐ-TTg', undefined));
  let [unknownInstruments, relations, relatedBy] = [0, 0, 0];
  for (const instrument of [
    ...recorded.map((record) => record.instrument),
    ...instruments.slice(0, 1).flatMap((cited) => [cited, wrongYear(cited)]),
  ]) {
    const view = await model.instrument(instrument, knownAt);
    expect(view).toEqual(await oracle.instrument(instrument, knownAt));
    if (E.isLeft(view)) unknownInstruments += 1;
    else {
      relations += view.right.relations.length;
      relatedBy += view.right.relatedBy.length;
    }
  }

  let [bodiesFound, personsFound, instrumentsFound, correctedNames, annulledFound] = [
    0, 0, 0, 0, 0,
  ];
  for (const search of SEARCHES) {
    const bodies = await model.bodiesNamed(search, on, knownAt);
    expect(bodies).toEqual(await oracle.bodiesNamed(search, on, knownAt));
    bodiesFound += orElse(bodies, []).length;
    const persons = await model.persons(search, knownAt);
    expect(persons).toEqual(await oracle.persons(search, knownAt));
    personsFound += orElse(persons, []).length;
    correctedNames += orElse(persons, []).filter(
      ({ name }) => !REGISTERED_NAMES.includes(name),
    ).length;
    const found = await model.instruments(search, knownAt);
    expect(found).toEqual(await oracle.instruments(search, knownAt));
    instrumentsFound += orElse(found, []).length;
    annulledFound += orElse(found, []).filter((record) => record.annulment !== undefined).length;
  }

  const jurisdictionAnswer = await model.jurisdiction(bodyId, on, knownAt);
  expect(jurisdictionAnswer).toEqual(await oracle.jurisdiction(bodyId, on, knownAt));
  const bodyAnswer = orElse(await model.body(bodyId, on, knownAt), undefined);
  const jurisdiction = orElse(jurisdictionAnswer, undefined);
  const orphans = await answerOf(model.orphanedBodies(on, knownAt));
  expect(E.right(orphans)).toEqual(await oracle.orphanedBodies(on, knownAt));
  let under = 0;
  for (const authority of authorities) {
    const answer = await model.bodiesUnder(authority, on, knownAt);
    expect(answer).toEqual(await oracle.bodiesUnder(authority, on, knownAt));
    under += orElse(answer, []).length;
  }

  return {
    transferred:
      jurisdiction !== undefined && jurisdiction.authority !== bodyAnswer?.authority ? 1 : 0,
    withAbove: jurisdiction !== undefined && jurisdiction.above.length > 0 ? 1 : 0,
    orphans: orphans.length,
    under,
    viaOffice: roster.filter((s) => s.occupant?.kind === 'person' && s.occupant.via === 'office')
      .length,
    pastRosters: knownAt !== undefined && roster.length > 0 ? 1 : 0,
    officeTenures,
    exOfficioTenures,
    handedOver: [...exOfficio.values()].filter((held) => held.size > 1).length,
    periods: periodsReached(compliance),
    instrumentChanges,
    unknownInstruments,
    relations,
    relatedBy,
    bodiesFound,
    personsFound,
    instrumentsFound,
    correctedNames,
    annulledFound,
    personChanges: everything.filter((change) => change.aggregate === 'person').length,
    reportChanges: everything.filter((change) => change.source.kind === 'report').length,
    retroactive: retroactiveCount(everything),
  };
}

/**
 * Asserts that the read model refuses bad input exactly as the oracle does, and by `_tag`: a body,
 * a person and an authority never known, a date that is not a calendar date (`2019-02-30`, even
 * about an unknown body: the arguments are checked first), an instant that names no moment, and an
 * instrument never recorded.
 */
export async function expectSameRefusals(
  model: ReadModelQueries,
  oracle: ReadModelQueries,
  { bodyId, on }: Question,
): Promise<void> {
  const nowhere = 'no-such-body' as BodyId;
  const nobody = 'no-such-person' as PersonId;
  const feb30 = '2019-02-30' as CalendarDate;
  const impossible = '2019-02-30T00:00:00.000Z' as Instant;
  const noInstrument = {
    number: '999/QĐ-TTg',
    issuer: BodyArbitraries.PROVINCE,
    signedOn: unsafeCalendarDate('2018-05-01'),
  } as InstrumentCitation;
  const refusals = async (
    queries: ReadModelQueries,
  ): Promise<ReadonlyArray<E.Either<QueryError, unknown>>> => [
    await queries.roster(nowhere, on),
    await queries.duties(nowhere, on),
    await queries.body(nowhere, on),
    await queries.compliance(nowhere, on),
    await queries.holdings(nobody),
    await queries.roster(bodyId, feb30),
    await queries.compliance(nowhere, feb30),
    await queries.bodies(feb30),
    await queries.changesBetween(on, feb30),
    await queries.duties(bodyId, on, impossible),
    await queries.holdings(nobody, impossible),
    await queries.bodiesNamed('Bình Phước', feb30),
    await queries.persons('Hòa', impossible),
    await queries.instruments('QĐ', impossible),
    await queries.instrument(noInstrument, impossible),
    await queries.instrument(noInstrument),
    await queries.changesByInstrument(noInstrument),
    await queries.jurisdiction(nowhere, on),
    await queries.bodiesUnder('no-such-authority' as AuthorityId, on),
    await queries.jurisdiction(bodyId, feb30),
    await queries.orphanedBodies(feb30),
    await queries.bodiesUnder('no-such-authority' as AuthorityId, on, impossible),
  ];
  const refused = await refusals(model);
  expect(refused.map((answer) => (E.isLeft(answer) ? answer.left._tag : 'answered'))).toEqual([
    ...Array<string>(4).fill('UnknownBody'),
    'UnknownPerson',
    ...Array<string>(10).fill('InvalidQuery'),
    'UnknownInstrument',
    'UnknownInstrument',
    'UnknownBody',
    'UnknownAuthority',
    ...Array<string>(3).fill('InvalidQuery'),
  ]);
  expect(refused).toEqual(await refusals(oracle));
}

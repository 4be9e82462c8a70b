/**
 * fast-check generators for the body aggregate, a replay harness and a naive oracle for its
 * property tests.
 *
 * - `anyBodyCommand` / `anyBodyEvent`: any value the codecs accept, for round-trip tests.
 * - `bodyCommands`: *valid-looking* command sequences for one body stream, drawn from small id
 *   pools (four seats, three offices and three persons, a few duties, obligations and reports)
 *   and a narrow window of dates (2018–2020), so that collisions and conflicts — two heads, one
 *   holder in two seats, a retroactive change clashing with a later one, a second report for a
 *   period — happen often. Valid and invalid commands are mixed; some come in groups (a report
 *   then its corrections, a replacement then a correction of that holding) so that deep paths
 *   are reached.
 * - `replayBodyCommands`: runs a sequence through `decide`/`evolve`, keeping every step.
 * - `naiveSeatsOn`: who sat where on a date, computed straight from the event list (the latest
 *   event about a date wins), independently of the decider's state and timelines.
 */
import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import * as Body from '../body/index.js';
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  DutyId,
  EventId,
  LegalBasis,
  ObligationId,
  OfficeId,
  PersonId,
  ReportDocument,
  ReportId,
  SeatHolder,
  SeatId,
} from '../kernel/index.js';
import { addDays, establisherOnly, unsafeCalendarDate } from '../kernel/index.js';
import type { ArbitraryOverrides } from './arbitrary.js';
import { arbitraryOf } from './arbitrary.js';
import { show } from './deep-equal.js';

// -------------------------------------------------------------------------------------------------
// Pools
// -------------------------------------------------------------------------------------------------

const id = <I extends string>(s: string): I => s as I;

/** The body every generated stream is about. */
export const BODY: BodyId = id('bcd-chinh-quyen-dien-tu');
/** Another body, named by a few commands that were sent to the wrong stream. */
export const OTHER_BODY: BodyId = id('bcd-cai-cach-hanh-chinh');
/** The authority that establishes the body (and, with `bodyTestContext`, alone may change it). */
export const PROVINCE: AuthorityId = id('ubnd-tinh-binh-phuoc');
/** An authority without jurisdiction over the body. */
export const CITY: AuthorityId = id('ubnd-tp-dong-xoai');

const OFFICES: ReadonlyArray<OfficeId> = [
  'chu-tich-ubnd',
  'pho-chu-tich-ubnd',
  'giam-doc-so-tttt',
].map(id<OfficeId>);
const PERSONS: ReadonlyArray<PersonId> = ['nguyen-van-tram', 'tran-thi-hoa', 'le-van-minh'].map(
  id<PersonId>,
);
const SEATS: ReadonlyArray<SeatId> = ['seat-1', 'seat-2', 'seat-3', 'seat-4'].map(id<SeatId>);
const DUTIES: ReadonlyArray<DutyId> = ['duty-1', 'duty-2', 'duty-3'].map(id<DutyId>);
const CORRECTIONS: ReadonlyArray<ReportId> = ['correction-1', 'correction-2', 'correction-3'].map(
  id<ReportId>,
);
const REPORTS: ReadonlyArray<ReportId> = [
  'report-1',
  'report-2',
  'report-3',
  'report-4',
  'report-5',
].map(id<ReportId>);
/** Obligations and the cadence each is usually imposed with. */
const OBLIGATIONS: ReadonlyArray<readonly [ObligationId, Body.Cadence]> = [
  [id('annual-review'), 'annual'],
  [id('quarterly-report'), 'quarterly'],
  [id('ad-hoc-report'), 'ad-hoc'],
];

/** The context generated streams are decided in: only the establishing authority may change. */
export const bodyTestContext: Body.BodyContext = { jurisdiction: establisherOnly };

// -------------------------------------------------------------------------------------------------
// Values
// -------------------------------------------------------------------------------------------------

const WINDOW_START = unsafeCalendarDate('2018-01-01');
const WINDOW_DAYS = 3 * 365 + 1;
const dayOf = (offset: number): CalendarDate => addDays(WINDOW_START, offset) as CalendarDate;

/** Quarter starts (and the seed's date), so that independent commands often share a date. */
const KEY_DATES: ReadonlyArray<CalendarDate> = [
  ...['2018', '2019', '2020'].flatMap((y) => ['01', '04', '07', '10'].map((m) => `${y}-${m}-01`)),
  '2018-12-04',
].map(unsafeCalendarDate);

/** A date from 2018-01-01 to 2020-12-31, half the time one of a few key dates. */
export const windowDate: fc.Arbitrary<CalendarDate> = fc.oneof(
  fc.constantFrom(...KEY_DATES),
  fc.integer({ min: 0, max: WINDOW_DAYS - 1 }).map(dayOf),
);

/** A date in 2018, when generated bodies are usually established. */
const earlyDate: fc.Arbitrary<CalendarDate> = fc.oneof(
  fc.constantFrom(...KEY_DATES.slice(0, 4)),
  fc.integer({ min: 0, max: 364 }).map(dayOf),
);

const office = fc.constantFrom(...OFFICES);
const person = fc.constantFrom(...PERSONS);

/**
 * A holder from the small pools: ex officio (maybe naming the person) or named (maybe as an
 * office, maybe as acting).
 */
export const holder: fc.Arbitrary<SeatHolder> = fc.oneof(
  fc.record({ follows: fc.constant('office' as const), office }),
  fc.record({ follows: fc.constant('office' as const), office, namedPerson: person }),
  fc.record({ follows: fc.constant('person' as const), person }),
  fc.record({ follows: fc.constant('person' as const), person, asOffice: office }),
  fc.record({
    follows: fc.constant('person' as const),
    person,
    asOffice: office,
    acting: fc.constant(true as const),
  }),
);

/** A role set, usually a plain member, often head, sometimes combined roles. */
export const roles: fc.Arbitrary<Body.RoleSet> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(Body.roleSet('member')) },
  { weight: 3, arbitrary: fc.constant(Body.roleSet('head')) },
  { weight: 1, arbitrary: fc.constant(Body.roleSet('deputy-head')) },
  { weight: 1, arbitrary: fc.constant(Body.roleSet('standing-member', 'secretary')) },
  {
    weight: 1,
    arbitrary: fc
      .subarray([...Body.Role.literals], { minLength: 1 })
      .map(([first, ...rest]) => Body.roleSet(first as Body.Role, ...rest)),
  },
);

/**
 * An instrument, usually issued by the body's own authority, sometimes by one without
 * jurisdiction. Its number names its signing day, so two instruments of one issuer and year never
 * share a key: each can be recorded in the registry.
 */
export const basis: fc.Arbitrary<LegalBasis> = fc
  .record({
    issuer: fc.oneof(
      { weight: 12, arbitrary: fc.constant(PROVINCE) },
      { weight: 1, arbitrary: fc.constant(CITY) },
    ),
    number: fc.integer({ min: 1, max: 9999 }).map((n) => `${n}/QĐ-UBND`),
    signedOn: windowDate,
  })
  .map(
    ({ issuer, number, signedOn }) =>
      ({
        type: 'decision',
        number: number.replace('/', `-${signedOn.slice(5).replace('-', '')}/`),
        issuer,
        signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
        signedOn,
      }) as LegalBasis,
  );

const text = (vi: string) => ({ vi }) as BilingualText;
const name = (vi: string) => ({ vi }) as BilingualName;

/** A period label of the given cadence, from 2017 to 2021. */
export const cadenceLabel = (cadence: Body.Cadence): fc.Arbitrary<Body.PeriodLabel> => {
  const year = fc.integer({ min: 2017, max: 2021 });
  const label = (s: string) => s as Body.PeriodLabel;
  switch (cadence) {
    case 'annual':
      return year.map((y) => label(`${y}`));
    case 'semi-annual':
      return fc.tuple(year, fc.constantFrom(1, 2)).map(([y, h]) => label(`${y}-H${h}`));
    case 'quarterly':
      return fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => label(`${y}-Q${q}`));
    case 'monthly':
      return fc
        .tuple(year, fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => label(`${y}-${String(m).padStart(2, '0')}`));
    case 'ad-hoc':
      return windowDate.map((d) => label(d));
    default: {
      const _exhaustive: never = cadence;
      return _exhaustive;
    }
  }
};

/** A period label of any cadence, from 2017 to 2021. */
export const periodLabel: fc.Arbitrary<Body.PeriodLabel> = fc
  .constantFrom(...Body.Cadence.literals)
  .chain(cadenceLabel);

const cadence = fc.constantFrom(...Body.Cadence.literals);

// -------------------------------------------------------------------------------------------------
// Changes and commands
// -------------------------------------------------------------------------------------------------

/** One of the four pooled seat ids. */
export const seatId = fc.constantFrom(...SEATS);
/** One of the three pooled duty ids. */
export const dutyId = fc.constantFrom(...DUTIES);
const obligation = fc.constantFrom(...OBLIGATIONS);
const category = fc.constantFrom(...Body.DutyCategory.literals);
const dutyText = fc
  .constantFrom('Tham mưu, đề xuất', 'Điều phối, đôn đốc', 'Sơ kết hằng năm')
  .map(text);

const createSeat: fc.Arbitrary<Body.BodyChange> = fc.record({
  change: fc.constant('CreateSeat' as const),
  seatId,
  roles,
  holder,
});
const assignDuty: fc.Arbitrary<Body.BodyChange> = fc.record({
  change: fc.constant('AssignDuty' as const),
  dutyId,
  category,
  text: dutyText,
});
const imposeObligationTied = (
  tie: fc.Arbitrary<DutyId | undefined>,
): fc.Arbitrary<Body.BodyChange> =>
  fc
    .tuple(
      obligation,
      fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cadence }),
      tie,
      fc.integer({ min: 0, max: 60 }),
    )
    .map(([[obligationId, home], other, tiedTo, due]) => ({
      change: 'ImposeReportingObligation' as const,
      obligationId,
      kind: home === 'annual' ? ('preliminary-review' as const) : ('report' as const),
      cadence: other ?? home,
      dueDaysAfterPeriodEnd: due,
      recipients: [{ kind: 'authority' as const, authority: PROVINCE }] as const,
      ...(tiedTo === undefined ? {} : { dutyId: tiedTo }),
    }));
const imposeObligation = imposeObligationTied(fc.option(dutyId, { nil: undefined, freq: 3 }));
const imposeUntiedObligation = imposeObligationTied(fc.constant(undefined));

/** One change a decision may make, over the small pools. */
export const bodyChange: fc.Arbitrary<Body.BodyChange> = fc.oneof(
  { weight: 3, arbitrary: createSeat },
  {
    weight: 4,
    arbitrary: fc.record({ change: fc.constant('ReplaceSeatHolder' as const), seatId, holder }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ change: fc.constant('RelieveSeatHolder' as const), seatId }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ change: fc.constant('ChangeSeatRoles' as const), seatId, roles }),
  },
  { weight: 2, arbitrary: fc.record({ change: fc.constant('AbolishSeat' as const), seatId }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('Ban Chỉ đạo chuyển đổi số', 'Ban Chỉ đạo xây dựng chính quyền số')
      .map((vi) => ({ change: 'Rename' as const, name: name(vi) })),
  },
  { weight: 2, arbitrary: assignDuty },
  {
    weight: 2,
    arbitrary: fc
      .record(
        { change: fc.constant('AmendDuty' as const), dutyId, category, text: dutyText },
        { requiredKeys: ['change', 'dutyId'] },
      )
      .filter((c) => c.category !== undefined || c.text !== undefined),
  },
  { weight: 1, arbitrary: fc.record({ change: fc.constant('RevokeDuty' as const), dutyId }) },
  { weight: 2, arbitrary: imposeObligation },
  {
    weight: 1,
    arbitrary: obligation.map(([obligationId]) => ({
      change: 'LiftReportingObligation' as const,
      obligationId,
    })),
  },
);

/** The body a command names: this stream's, rarely another one. */
const commandBody = fc.oneof(
  { weight: 30, arbitrary: fc.constant(BODY) },
  { weight: 1, arbitrary: fc.constant(OTHER_BODY) },
);

/** A report document of the body, dated a little after `from` (or anywhere in the window). */
const reportDocument = (from: CalendarDate): fc.Arbitrary<ReportDocument> =>
  fc
    .record({
      reference: fc.integer({ min: 1, max: 999 }).map((n) => `${n}/BC-BCĐ`),
      filedBy: fc.oneof(
        { weight: 20, arbitrary: fc.constant(BODY) },
        { weight: 1, arbitrary: fc.constant(OTHER_BODY) },
      ),
      submittedOn: fc.oneof(
        {
          weight: 5,
          arbitrary: fc.integer({ min: 0, max: 500 }).map((n) => addDays(from, n) ?? from),
        },
        { weight: 1, arbitrary: windowDate },
      ),
    })
    .map((document) => document as ReportDocument);

/**
 * A charter that is usually valid: up to four seats held by distinct offices or persons, at most
 * one of them head; up to two duties; two or three obligations, some tied to those duties.
 */
const charter: fc.Arbitrary<ReadonlyArray<Body.BodyChange>> = fc
  .record({
    seats: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), {
      minLength: 2,
      maxLength: SEATS.length,
    }),
    headFirst: fc.boolean(),
    otherRoles: fc.array(
      fc.constantFrom(
        Body.roleSet('member'),
        Body.roleSet('deputy-head'),
        Body.roleSet('standing-member', 'secretary'),
      ),
      { minLength: SEATS.length, maxLength: SEATS.length },
    ),
    duties: fc.uniqueArray(assignDuty, {
      selector: (c) => (c.change === 'AssignDuty' ? c.dutyId : ''),
      maxLength: 2,
    }),
    obligations: fc.uniqueArray(imposeUntiedObligation, {
      selector: (c) => (c.change === 'ImposeReportingObligation' ? c.obligationId : ''),
      minLength: 2,
      maxLength: OBLIGATIONS.length,
    }),
    ties: fc.array(fc.boolean(), { minLength: OBLIGATIONS.length, maxLength: OBLIGATIONS.length }),
  })
  .map(({ seats, headFirst, otherRoles, duties, obligations, ties }) => [
    ...seats.map((slot, i): Body.BodyChange => ({
      change: 'CreateSeat',
      seatId: SEATS[i] as SeatId,
      roles: i === 0 && headFirst ? Body.roleSet('head') : (otherRoles[i] as Body.RoleSet),
      holder:
        slot < 3
          ? { follows: 'office', office: OFFICES[slot] as OfficeId }
          : { follows: 'person', person: PERSONS[slot - 3] as PersonId },
    })),
    ...duties,
    // Some obligations are tied to a duty of the same charter (the seed's annual review).
    ...obligations.map((o, i) => {
      const duty = duties[i % Math.max(duties.length, 1)];
      return ties[i] === true && duty?.change === 'AssignDuty' ? { ...o, dutyId: duty.dutyId } : o;
    }),
  ]);

/** Establishes the body, usually by its own authority in 2018, with a charter. */
export const establishBody: fc.Arbitrary<Body.Command> = fc
  .record({
    bodyId: fc.constant(BODY),
    authority: fc.oneof(
      { weight: 20, arbitrary: fc.constant(PROVINCE) },
      { weight: 1, arbitrary: fc.constant(CITY) },
    ),
    basis,
    effectiveOn: earlyDate,
    charter: fc.oneof(
      { weight: 6, arbitrary: charter },
      { weight: 1, arbitrary: fc.array(bodyChange, { maxLength: 4 }) },
    ),
  })
  .map(({ bodyId, authority, basis, effectiveOn, charter }) => ({
    type: 'EstablishBody' as const,
    data: {
      bodyId,
      kind: 'steering-committee' as const,
      name: name('Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh'),
      authority,
      basis: { ...basis, issuer: authority },
      effectiveOn,
      ...(charter.length === 0 ? {} : { charter }),
    },
  }));

const amendBody: fc.Arbitrary<Body.Command> = fc
  .record({
    bodyId: commandBody,
    basis,
    effectiveOn: windowDate,
    changes: fc.array(bodyChange, { minLength: 1, maxLength: 3 }),
  })
  .map(({ changes, ...data }) => ({
    type: 'AmendBody' as const,
    data: { ...data, changes: changes as [Body.BodyChange, ...Body.BodyChange[]] },
  }));

/** Dissolves the body on a date in the window. */
export const dissolveBody: fc.Arbitrary<Body.Command> = fc
  .record({ bodyId: commandBody, basis, effectiveOn: windowDate })
  .map((data) => ({ type: 'DissolveBody' as const, data }));

const fileReport: fc.Arbitrary<Body.Command> = fc
  .tuple(
    obligation,
    fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cadence }),
  )
  .chain(([[obligationId, home], other]) =>
    cadenceLabel(other ?? home).chain((period) =>
      fc.record({
        bodyId: commandBody,
        reportId: fc.constantFrom(...REPORTS),
        obligationId: fc.constant(obligationId),
        period: fc.constant(period),
        document: reportDocument(Body.periodInterval(period).from),
      }),
    ),
  )
  .map((data) => ({ type: 'FileReport' as const, data }));

const correctReport: fc.Arbitrary<Body.Command> = fc
  .record({
    bodyId: commandBody,
    reportId: fc.constantFrom(...CORRECTIONS),
    supersedes: fc.constantFrom(...REPORTS, ...CORRECTIONS),
    document: windowDate.chain(reportDocument),
  })
  .map((data) => ({ type: 'CorrectReport' as const, data }));

/** A report, then one or two corrections superseding it in turn, dated on or after it. */
const reportAndCorrections: fc.Arbitrary<ReadonlyArray<Body.Command>> = fc
  .tuple(
    fileReport,
    fc.uniqueArray(fc.constantFrom(...CORRECTIONS), { minLength: 1, maxLength: 2 }),
    fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 2 }),
  )
  .map(([filed, ids, delays]) => {
    if (filed.type !== 'FileReport') return [filed];
    let previous = filed.data;
    const corrections = ids.map((reportId, i): Body.Command => {
      const submittedOn = addDays(previous.document.submittedOn, delays[i] ?? 0);
      const data = {
        bodyId: filed.data.bodyId,
        reportId,
        supersedes: previous.reportId,
        document: {
          ...previous.document,
          submittedOn: submittedOn ?? previous.document.submittedOn,
        },
      };
      previous = { ...previous, ...data };
      return { type: 'CorrectReport', data };
    });
    return [filed, ...corrections];
  });

/**
 * A replacement in a seat, then a correction (đính chính) of a holder, naming an event by its place
 * in the stream (`event-<n>`, as `replayBodyCommands` numbers them): often the replacement, or
 * another event that recorded a holding, or one that recorded none.
 */
const replacementAndCorrection: fc.Arbitrary<ReadonlyArray<Body.Command>> = fc
  .record({
    bodyId: commandBody,
    seatId,
    replaced: holder,
    corrected: fc.option(holder, { nil: null, freq: 4 }),
    effectiveOn: windowDate,
    corrects: fc.integer({ min: 1, max: 30 }),
    replacement: basis,
    correction: basis,
  })
  .map(
    ({ bodyId, seatId, replaced, corrected, effectiveOn, corrects, replacement, correction }) => [
      {
        type: 'AmendBody',
        data: {
          bodyId,
          basis: replacement,
          effectiveOn,
          changes: [{ change: 'ReplaceSeatHolder', seatId, holder: replaced }],
        },
      },
      {
        type: 'CorrectBodyRecord',
        data: {
          bodyId,
          corrects: `event-${corrects}` as EventId,
          basis: correction,
          correction: { correct: 'Holder', holder: corrected },
        },
      },
    ],
  );

/** One command to an established body stream (rarely a second establishment). */
export const bodyCommand: fc.Arbitrary<Body.Command> = fc.oneof(
  { weight: 12, arbitrary: amendBody },
  { weight: 6, arbitrary: fileReport },
  { weight: 3, arbitrary: correctReport },
  { weight: 1, arbitrary: dissolveBody },
  { weight: 1, arbitrary: establishBody },
);

/** A command sequence for one stream: usually an establishment, then up to `maxLength` commands. */
export const bodyCommands = (maxLength = 20): fc.Arbitrary<ReadonlyArray<Body.Command>> =>
  fc
    .tuple(
      fc.oneof({ weight: 15, arbitrary: establishBody }, { weight: 1, arbitrary: bodyCommand }),
      fc.array(
        fc.oneof(
          { weight: 8, arbitrary: bodyCommand.map((command) => [command]) },
          { weight: 1, arbitrary: reportAndCorrections },
          { weight: 1, arbitrary: replacementAndCorrection },
        ),
        { maxLength: Math.ceil(maxLength / 1.2) },
      ),
    )
    .map(([first, rest]) => [first, ...rest.flat()].slice(0, maxLength + 1));

// -------------------------------------------------------------------------------------------------
// Any value the codecs accept
// -------------------------------------------------------------------------------------------------

/** Generators for the body's own leaf codecs, for `arbitraryOf` over any body codec. */
export const bodyArbitraryOverrides: ArbitraryOverrides = {
  RoleSet: roles,
  PeriodLabel: periodLabel,
};

/** Any command the `Command` codec accepts (not necessarily sensible). */
export const anyBodyCommand: fc.Arbitrary<Body.Command> = arbitraryOf(
  Body.Command,
  bodyArbitraryOverrides,
);
/** Any event the `Event` codec accepts (not necessarily sensible). */
export const anyBodyEvent: fc.Arbitrary<Body.Event> = arbitraryOf(
  Body.Event,
  bodyArbitraryOverrides,
);

// -------------------------------------------------------------------------------------------------
// Replaying commands
// -------------------------------------------------------------------------------------------------

/** One command decided against the state the earlier ones left. */
export interface BodyStep {
  readonly command: Body.Command;
  readonly before: Body.State;
  readonly decision: Either<Body.Refusal, ReadonlyArray<Body.Event>>;
  /** The state after folding the accepted events (the same as `before` when refused). */
  readonly after: Body.State;
  /** Every event accepted so far, this step's included. */
  readonly history: ReadonlyArray<Body.Event>;
  /** False when deciding changed the state it was given (decide must be pure). */
  readonly untouched: boolean;
}

/**
 * Decides each command in turn, folding the accepted events, and keeps every step. The events are
 * numbered `event-1`, `event-2`, … in order of acceptance, the ids a correction names them by.
 */
export function replayBodyCommands(
  commands: ReadonlyArray<Body.Command>,
  context: Body.BodyContext = bodyTestContext,
): ReadonlyArray<BodyStep> {
  const steps: BodyStep[] = [];
  let state = Body.decider.initialState;
  let history: ReadonlyArray<Body.Event> = [];
  const recorded = new Map<EventId, Body.Event>();
  for (const command of commands) {
    const snapshot = show(state);
    const decision = Body.decider.decide(command, state, { ...context, recorded });
    const untouched = show(state) === snapshot;
    const before = state;
    if (isRight(decision)) {
      state = decision.right.reduce(Body.decider.evolve, state);
      history = [...history, ...decision.right];
      for (const event of decision.right)
        recorded.set(`event-${recorded.size + 1}` as EventId, event);
    }
    steps.push({ command, before, decision, after: state, history, untouched });
  }
  return steps;
}

// -------------------------------------------------------------------------------------------------
// A naive oracle
// -------------------------------------------------------------------------------------------------

/** Every date an event of the history takes effect on (including corrected holdings), sorted. */
export function eventDates(history: ReadonlyArray<Body.Event>): ReadonlyArray<CalendarDate> {
  const dates = new Set<CalendarDate>();
  for (const event of history) {
    dates.add(event.data.effectiveOn);
  }
  return [...dates].sort();
}

/** The date the body ended, if the history ends it. */
export const endOf = (history: ReadonlyArray<Body.Event>): CalendarDate | undefined =>
  history.find((e) => e.type === 'BodyEnded')?.data.effectiveOn;

/** The value in force on `date` among dated values: the latest date wins, then the latest event. */
function latest<A>(
  values: ReadonlyArray<readonly [CalendarDate, A]>,
  date: CalendarDate,
): A | undefined {
  let best: readonly [CalendarDate, A] | undefined;
  for (const value of values)
    if (value[0] <= date && (best === undefined || value[0] >= best[0])) best = value;
  return best?.[1];
}

/** A seat as the naive oracle sees it on a date. */
export interface NaiveSeat {
  readonly seatId: SeatId;
  readonly roles: Body.RoleSet;
  readonly holder: SeatHolder | null;
}

/**
 * The seats that exist on `date`, computed straight from the events: a seat exists from its
 * creation until its abolition or the body's end; its roles and holder on a date come from the
 * latest event about a date on or before it, the later event winning for the same date.
 */
export function naiveSeatsOn(history: ReadonlyArray<Body.Event>, date: CalendarDate): NaiveSeat[] {
  const end = endOf(history);
  if (end !== undefined && date >= end) return [];
  const seats: NaiveSeat[] = [];
  for (const created of history) {
    if (created.type !== 'SeatCreated' || created.data.effectiveOn > date) continue;
    const { seatId } = created.data;
    const about = history.filter((e) => 'seatId' in e.data && e.data.seatId === seatId);
    const abolished = about.find((e) => e.type === 'SeatAbolished');
    if (abolished !== undefined && date >= abolished.data.effectiveOn) continue;
    const holders: Array<readonly [CalendarDate, SeatHolder | null]> = [];
    const roleSets: Array<readonly [CalendarDate, Body.RoleSet]> = [];
    for (const e of about) {
      if (e.type === 'SeatCreated') {
        holders.push([e.data.effectiveOn, e.data.holder]);
        roleSets.push([e.data.effectiveOn, e.data.roles]);
      } else if (e.type === 'SeatHolderReplaced') holders.push([e.data.effectiveOn, e.data.holder]);
      else if (e.type === 'SeatHolderRelieved') holders.push([e.data.effectiveOn, null]);
      else if (e.type === 'SeatHoldingCorrected') holders.push([e.data.effectiveOn, e.data.holder]);
      else if (e.type === 'SeatRolesChanged') roleSets.push([e.data.effectiveOn, e.data.roles]);
    }
    seats.push({
      seatId,
      roles: latest(roleSets, date) as Body.RoleSet,
      holder: latest(holders, date) ?? null,
    });
  }
  return seats;
}

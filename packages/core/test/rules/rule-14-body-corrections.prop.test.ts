/**
 * Rule 14 for a body's record: over generated body histories (ended and transferred ones
 * included), a correction naming any recorded event (or an unknown id) — of its date, the name it
 * gave, the seat roles or the seat holder it gave — with any value and issuer, is refused exactly when a naive model says
 * so; an accepted one changes exactly what the model changes, leaves the state it was decided on
 * untouched, and only appends. The model works on a plain copy of the state and imports nothing it
 * checks: it finds the fact the named event first recorded (where a rename, change of roles or
 * amendment stands now, after the date corrections it accepted), applies the corrected value, and
 * checks the corrected record against rules 2, 3, 4 and 7 and date order its own way — every
 * transfer to another authority within the body's life — and the issuer against the authority
 * the body answers to on the signing date (rule 9).
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import type { EventId, LegalBasis } from '../../src/kernel/index.js';
import { decodeWith, unsafeCalendarDate, type RecordedEvents } from '../../src/kernel/index.js';
import {
  BODY,
  CITY,
  PROVINCE,
  basis as basisArbitrary,
  bodyChange,
  bodyCommands,
  dissolveBody,
  establishBody,
  holder as holderArbitrary,
  replayBodyCommands,
  roles as rolesArbitrary,
  windowDate,
} from '../../src/testing/body-arbitraries.js';
import { show } from '../../src/testing/deep-equal.js';

// -------------------------------------------------------------------------------------------------
// A plain copy of the state
// -------------------------------------------------------------------------------------------------

interface Entry {
  from: string;
  [value: string]: unknown;
}
interface PlainSeat {
  seatId: string;
  createdOn: string;
  abolishedOn?: string;
  roles: Entry[];
  holders: Entry[];
}
interface PlainDuty {
  dutyId: string;
  assignedOn: string;
  revokedOn?: string;
  categories: Entry[];
  texts: Entry[];
}
interface PlainObligation {
  obligationId: string;
  imposedOn: string;
  liftedOn?: string;
  dutyId?: string;
}
interface PlainBody {
  status: string;
  authority: string;
  establishedOn: string;
  endedOn?: string;
  names: Entry[];
  seats: Record<string, PlainSeat>;
  duties: Record<string, PlainDuty>;
  obligations: Record<string, PlainObligation>;
  reports: Record<
    string,
    { obligationId: string; period: string; document: { submittedOn: string } }
  >;
  absorptions: { on: string }[];
  transfers: { from: string; authority: string }[];
}

/** The state as plain JSON, maps as records keyed by id. */
function plain(state: Body.EstablishedBody): PlainBody {
  return JSON.parse(
    JSON.stringify(state, (_key, value: unknown) =>
      value instanceof Map ? Object.fromEntries(value) : value,
    ),
  ) as PlainBody;
}

/** The plain state as a comparable value (reports' counted maps left out). */
const comparable = (body: PlainBody) => {
  const { status, establishedOn, endedOn, names, seats, duties, obligations } = body;
  return { status, establishedOn, endedOn, names, seats, duties, obligations };
};

// -------------------------------------------------------------------------------------------------
// The naive model
// -------------------------------------------------------------------------------------------------

const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const shiftDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) =>
  month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`;

/** The days a period label covers, half-open. */
function periodDays(label: string): [string, string] {
  const year = Number(label.slice(0, 4));
  const rest = label.slice(5);
  if (rest === '') return [`${year}-01-01`, `${year + 1}-01-01`];
  if (rest.startsWith('H')) {
    const first = rest === 'H1' ? 1 : 7;
    return [monthStart(year, first), monthStart(year, first + 6)];
  }
  if (rest.startsWith('Q')) {
    const first = (Number(rest.slice(1)) - 1) * 3 + 1;
    return [monthStart(year, first), monthStart(year, first + 3)];
  }
  if (rest.length === 2)
    return [monthStart(year, Number(rest)), monthStart(year, Number(rest) + 1)];
  return [label, nextDay(label)];
}

/** The entry of a timeline in force on `date`. */
const inForce = (timeline: Entry[], date: string) => timeline.filter((e) => e.from <= date).at(-1);

/** Whether a timeline starts on `start`, is strictly ascending and each entry precedes `end`. */
const ordered = (timeline: Entry[], start: string, end: string | undefined) =>
  timeline[0]?.from === start &&
  timeline.every(
    (e, i) =>
      (i === 0 || e.from > (timeline[i - 1] as Entry).from) && (end === undefined || e.from < end),
  );

const within = (date: string, from: string, to: string | undefined) =>
  date >= from && (to === undefined || date < to);

/** Who a holder is, as the identities rules 3 counts. */
function identities(holder: Record<string, string> | null): string[] {
  if (holder === null) return [];
  const ids =
    holder['follows'] === 'office' ? [`o:${holder['office']}`] : [`p:${holder['person']}`];
  if (holder['namedPerson'] !== undefined) ids.push(`p:${holder['namedPerson']}`);
  if (holder['asOffice'] !== undefined) ids.push(`o:${holder['asOffice']}`);
  return ids;
}

/** Whether the plain record keeps rules 2, 3, 4 and 7 and date order. */
function keepsRules(b: PlainBody): boolean {
  const end = b.endedOn;
  if (end !== undefined && b.establishedOn >= end) return false;
  if (!ordered(b.names, b.establishedOn, end)) return false;
  const life = (from: string, to: string | undefined) =>
    within(from, b.establishedOn, end) &&
    (to === undefined || (to > from && (end === undefined || to <= end)));
  for (const s of Object.values(b.seats))
    if (
      !life(s.createdOn, s.abolishedOn) ||
      !ordered(s.roles, s.createdOn, s.abolishedOn) ||
      !ordered(s.holders, s.createdOn, s.abolishedOn)
    )
      return false;
  for (const d of Object.values(b.duties))
    if (
      !life(d.assignedOn, d.revokedOn) ||
      !ordered(d.categories, d.assignedOn, d.revokedOn) ||
      !ordered(d.texts, d.assignedOn, d.revokedOn)
    )
      return false;
  for (const o of Object.values(b.obligations)) {
    if (!life(o.imposedOn, o.liftedOn)) return false;
    const duty = o.dutyId === undefined ? undefined : b.duties[o.dutyId];
    if (duty !== undefined && !within(o.imposedOn, duty.assignedOn, duty.revokedOn)) return false;
  }
  for (const r of Object.values(b.reports)) {
    if (r.document.submittedOn < b.establishedOn) return false;
    const o = b.obligations[r.obligationId];
    const [from, to] = periodDays(r.period);
    if (o !== undefined && !(from < (o.liftedOn ?? '9999-12-31') && o.imposedOn < to)) return false;
  }
  if (b.absorptions.some((a) => !within(a.on, b.establishedOn, end))) return false;
  const dates = new Set<string>();
  for (const s of Object.values(b.seats))
    for (const e of [...s.roles, ...s.holders]) dates.add(e.from);
  for (const date of dates) {
    const live = Object.values(b.seats).filter((s) => within(date, s.createdOn, s.abolishedOn));
    const heads = live.filter((s) =>
      (inForce(s.roles, date)?.['roles'] as string[]).includes('head'),
    );
    if (heads.length > 1) return false;
    const ids = live.flatMap((s) =>
      identities((inForce(s.holders, date)?.['holder'] ?? null) as Record<string, string> | null),
    );
    if (new Set(ids).size !== ids.length) return false;
  }
  return true;
}

/** Whether every report filed after the body's end is for a period that had ended by then. */
const lateReportsFit = (b: PlainBody) =>
  Object.values(b.reports).every(
    (r) =>
      b.endedOn === undefined ||
      r.document.submittedOn < b.endedOn ||
      periodDays(r.period)[1] <= b.endedOn,
  );

/** Whether every transfer to another authority lies within the body's life. */
const transfersWithinLife = (b: PlainBody) =>
  b.transfers.every((t) => within(t.from, b.establishedOn, b.endedOn));

/** Whether `issuer` governs `authority`: itself, or the city for the province. */
const governs = (issuer: string, authority: string) =>
  issuer === authority || (issuer === PROVINCE && authority === CITY);

/** The authority the body answers to on `date`: the last one it was transferred to by then. */
const answersTo = (b: PlainBody, date: string) =>
  b.transfers.filter((t) => t.from <= date).at(-1)?.authority ?? b.authority;

type Pick =
  | { correct: 'Date'; effectiveOn: string }
  | { correct: 'Name'; name: { vi: string } }
  | { correct: 'Roles'; roles: string[] }
  | { correct: 'Holder'; holder: Record<string, string> | null };

const moveEntries = (timeline: Entry[], from: string, to: string) => {
  for (const e of timeline) if (e.from === from) e.from = to;
};

/**
 * What the model makes of a correction: refused (told apart when only a transfer would leave the
 * body's life, or only a report filed after the end would report on a period not ended by then),
 * or the record after it. `standing` is the date the change the named event
 * recorded stands on now (its own date, unless corrected before).
 */
function modelCorrects(
  before: PlainBody,
  named: { type: string; data: Record<string, unknown> } | undefined,
  standing: string | undefined,
  pick: Pick,
  { issuer, signedOn }: { issuer: string; signedOn: string },
): PlainBody | 'refused' | 'strands a transfer' | 'strands a late report' {
  if (!governs(issuer, answersTo(before, signedOn)) || named === undefined) return 'refused';
  const b = JSON.parse(JSON.stringify(before)) as PlainBody;
  const d = named.data as Record<string, string>;
  const at = standing ?? d['effectiveOn'];
  const has = (timeline: Entry[]) => timeline.some((e) => e.from === at);
  if (pick.correct === 'Date') {
    const on = pick.effectiveOn;
    switch (named.type) {
      case 'BodyEstablished':
        moveEntries(b.names, b.establishedOn, on);
        b.establishedOn = on;
        break;
      case 'BodyRenamed':
        if (!has(b.names)) return 'refused';
        moveEntries(b.names, at as string, on);
        break;
      case 'BodyEnded': {
        const end = b.endedOn;
        if (d['reason'] !== 'dissolution' || end === undefined) return 'refused';
        b.endedOn = on;
        for (const seat of Object.values(b.seats))
          if (seat.abolishedOn === end) seat.abolishedOn = on;
        for (const duty of Object.values(b.duties)) if (duty.revokedOn === end) duty.revokedOn = on;
        for (const o of Object.values(b.obligations)) if (o.liftedOn === end) o.liftedOn = on;
        break;
      }
      case 'SeatRolesChanged': {
        const seat = b.seats[d['seatId'] as string];
        if (seat === undefined || !has(seat.roles)) return 'refused';
        moveEntries(seat.roles, at as string, on);
        break;
      }
      case 'DutyAmended': {
        const duty = b.duties[d['dutyId'] as string];
        if (duty === undefined || !(has(duty.categories) || has(duty.texts))) return 'refused';
        moveEntries(duty.categories, at as string, on);
        moveEntries(duty.texts, at as string, on);
        break;
      }
      case 'SeatCreated': {
        const seat = b.seats[d['seatId'] as string] as PlainSeat;
        moveEntries(seat.roles, seat.createdOn, on);
        moveEntries(seat.holders, seat.createdOn, on);
        seat.createdOn = on;
        break;
      }
      case 'SeatAbolished':
        (b.seats[d['seatId'] as string] as PlainSeat).abolishedOn = on;
        break;
      case 'DutyAssigned': {
        const duty = b.duties[d['dutyId'] as string] as PlainDuty;
        moveEntries(duty.categories, duty.assignedOn, on);
        moveEntries(duty.texts, duty.assignedOn, on);
        duty.assignedOn = on;
        break;
      }
      case 'DutyRevoked':
        (b.duties[d['dutyId'] as string] as PlainDuty).revokedOn = on;
        break;
      case 'ReportingObligationImposed':
        (b.obligations[d['obligationId'] as string] as PlainObligation).imposedOn = on;
        break;
      case 'ReportingObligationLifted':
        (b.obligations[d['obligationId'] as string] as PlainObligation).liftedOn = on;
        break;
      default:
        return 'refused';
    }
  } else if (pick.correct === 'Name') {
    const entry =
      named.type === 'BodyEstablished'
        ? b.names[0]
        : named.type === 'BodyRenamed'
          ? b.names.find((e) => e.from === at)
          : undefined;
    if (entry === undefined) return 'refused';
    entry['name'] = pick.name;
  } else if (pick.correct === 'Holder') {
    const seat = ['SeatCreated', 'SeatHolderReplaced', 'SeatHolderRelieved'].includes(named.type)
      ? b.seats[d['seatId'] as string]
      : undefined;
    const entry =
      seat === undefined
        ? undefined
        : named.type === 'SeatCreated'
          ? seat.holders[0]
          : seat.holders.find((e) => e.from === d['effectiveOn']);
    if (entry === undefined) return 'refused';
    entry['holder'] = pick.holder;
  } else {
    const seat =
      named.type === 'SeatCreated' || named.type === 'SeatRolesChanged'
        ? b.seats[d['seatId'] as string]
        : undefined;
    const entry =
      seat === undefined
        ? undefined
        : named.type === 'SeatCreated'
          ? seat.roles[0]
          : seat.roles.find((e) => e.from === at);
    if (entry === undefined) return 'refused';
    entry['roles'] = [...pick.roles].sort();
  }
  if (!keepsRules(b)) return 'refused';
  if (!transfersWithinLife(b)) return 'strands a transfer';
  return lateReportsFit(b) ? b : 'strands a late report';
}

// -------------------------------------------------------------------------------------------------
// The property
// -------------------------------------------------------------------------------------------------

const sortedRoles = (body: PlainBody) => {
  for (const seat of Object.values(body.seats))
    for (const e of seat.roles) e['roles'] = [...(e['roles'] as string[])].sort();
  return body;
};

/** The event a correction names: any, by its place, or the first of a type that changed a record. */
const correctionPick = fc.record({
  target: fc.oneof(
    fc.nat(),
    fc.constantFrom(
      'BodyEstablished',
      'BodyRenamed',
      'SeatRolesChanged',
      'DutyAmended',
      'BodyEnded',
      'BodyEnded',
      'SeatHolderReplaced',
      'SeatHolderRelieved',
    ),
  ),
  // Now and then an id the stream does not hold.
  unknown: fc.oneof(
    { weight: 1, arbitrary: fc.constant(true) },
    { weight: 5, arbitrary: fc.constant(false) },
  ),
  correction: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        correct: fc.constant('Date' as const),
        // A date in the window, a date some event took effect on or the day after, or days from
        // the named event's (often before it).
        effectiveOn: fc.oneof(
          windowDate,
          fc.nat(),
          fc.nat().map((after) => ({ after })),
          fc.integer({ min: -45, max: 45 }).map((days) => ({ days })),
          fc.integer({ min: -30, max: -1 }).map((days) => ({ days })),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        correct: fc.constant('Name' as const),
        name: fc.constantFrom({ vi: 'Ban Chỉ đạo' }, { vi: 'Ban Chỉ đạo tỉnh' }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ correct: fc.constant('Roles' as const), roles: rolesArbitrary }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        correct: fc.constant('Holder' as const),
        holder: fc.option(holderArbitrary, { nil: null, freq: 4 }),
      }),
    },
  ),
  basis: basisArbitrary,
});

/** A rename, a change of a seat's roles or a duty's amendment, by the establishing authority. */
const changeOfRecord = fc
  .tuple(
    basisArbitrary,
    // Often on a date bodies are established on, so that a change may share its record's start.
    fc.oneof(
      windowDate,
      fc.constantFrom('2018-01-01', '2018-04-01', '2018-07-01').map(unsafeCalendarDate),
    ),
    bodyChange.filter((c) => ['Rename', 'ChangeSeatRoles', 'AmendDuty'].includes(c.change)),
  )
  .map(([basis, effectiveOn, change]): Body.Command => ({
    type: 'AmendBody',
    data: {
      bodyId: BODY,
      basis: { ...basis, issuer: PROVINCE, signedOn: effectiveOn },
      effectiveOn,
      changes: [change],
    },
  }));

/** A duty assigned, then amended some days later, by the establishing authority. */
const assignedThenAmended = fc
  .tuple(
    basisArbitrary,
    windowDate,
    fc.integer({ min: 1, max: 200 }),
    bodyChange.filter((c) => c.change === 'AssignDuty'),
    bodyChange.filter((c) => c.change === 'AmendDuty'),
  )
  .map(([basis, assignedOn, days, assign, amend]): ReadonlyArray<Body.Command> => {
    const amendedOn = shiftDays(assignedOn, days);
    const decision = (effectiveOn: string, change: unknown) => {
      const command = decodeWith(Body.Command, {
        type: 'AmendBody',
        data: {
          bodyId: BODY,
          basis: { ...basis, issuer: PROVINCE, signedOn: effectiveOn },
          effectiveOn,
          changes: [change],
        },
      });
      if (isLeft(command)) throw new Error(`bad generated decision: ${show(change)}`);
      return command.right;
    };
    const dutyId = assign.change === 'AssignDuty' ? assign.dutyId : undefined;
    return [decision(assignedOn, assign), decision(amendedOn, { ...amend, dutyId })];
  });

/** A command the codec accepts, or a thrown error naming what was generated. */
function command(json: unknown): Body.Command {
  const decoded = decodeWith(Body.Command, json);
  if (isLeft(decoded)) throw new Error(`bad generated command: ${show(json)}`);
  return decoded.right;
}

/** A transfer of the body to `to`, decided by the province on `effectiveOn`. */
const transferOn = (basis: LegalBasis, to: string, effectiveOn: string) =>
  command({
    type: 'TransferBody',
    data: { bodyId: BODY, to, basis: { ...basis, issuer: PROVINCE }, effectiveOn },
  });

/** A dissolution of the body by the province, signed on the day it takes effect. */
const dissolvedOn = (basis: LegalBasis, effectiveOn: string) =>
  command({
    type: 'DissolveBody',
    data: {
      bodyId: BODY,
      basis: { ...basis, issuer: PROVINCE, signedOn: effectiveOn },
      effectiveOn,
    },
  });

/**
 * Transfers of the body between the province and the city by the province, in date order, often
 * on a date bodies are established on (a transfer may fall on the establishment date).
 */
const transfers = fc
  .array(
    fc.tuple(
      basisArbitrary,
      fc.oneof(
        windowDate,
        fc.constantFrom('2018-01-01', '2018-04-01', '2018-07-01').map(unsafeCalendarDate),
      ),
      fc.constantFrom(CITY, PROVINCE),
    ),
    { maxLength: 3 },
  )
  .map((drawn) =>
    [...drawn]
      .sort(([, a], [, b]) => a.localeCompare(b))
      .map(([basis, effectiveOn, to]) => transferOn(basis, to, effectiveOn)),
  );

/**
 * A body established with no charter, transferred up to 40 days later: nothing else but its name
 * starts on its establishment, so a correction may move it onto or past the transfer.
 */
const establishedThenTransferred = fc
  .tuple(
    basisArbitrary,
    fc.constantFrom('2018-01-01', '2018-04-01', '2018-07-01'),
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom(CITY, PROVINCE),
  )
  .map(([basis, establishedOn, days, to]) => [
    command({
      type: 'EstablishBody',
      data: {
        bodyId: BODY,
        kind: 'steering-committee',
        name: { vi: 'Ban Chỉ đạo' },
        authority: PROVINCE,
        basis: { ...basis, issuer: PROVINCE },
        effectiveOn: establishedOn,
      },
    }),
    transferOn(basis, to, shiftDays(establishedOn, days)),
  ]);

/**
 * A transfer, then a dissolution 1 to 40 days later: an end a correction may move onto or before
 * the transfer while every other fact stays inside the life.
 */
const transferredThenDissolved = fc
  .tuple(
    basisArbitrary,
    windowDate,
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom(CITY, PROVINCE),
  )
  .map(([basis, transferredOn, days, to]) => {
    const effectiveOn = shiftDays(transferredOn, days);
    return [transferOn(basis, to, transferredOn), dissolvedOn(basis, effectiveOn)];
  });

/**
 * A report for a year filed early in the next, then a dissolution up to 10 days later: an end a
 * correction may move before the filing while the year had not ended.
 */
const reportedThenDissolved = fc
  .tuple(
    basisArbitrary,
    fc.constantFrom(2018, 2019),
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 1, max: 10 }),
  )
  .map(([basis, year, late, days]) => {
    const submittedOn = shiftDays(`${year + 1}-01-01`, late);
    const effectiveOn = shiftDays(submittedOn, days);
    return [
      command({
        type: 'FileReport',
        data: {
          bodyId: BODY,
          reportId: 'bao-cao-nam',
          obligationId: 'annual-review',
          period: String(year),
          document: { reference: '1/BC-BCĐ', filedBy: BODY, submittedOn },
        },
      }),
      dissolvedOn(basis, effectiveOn),
    ];
  });

/**
 * Generated histories with a few more renames, changes of roles and amendments, some transfers
 * to another authority, some of them ended by a dissolution; bodies established with their
 * charter, then a report and a dissolution soon after it; and bodies with nothing but their
 * establishment and transfers, maybe a dissolution soon after the last.
 */
const histories = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        bodyCommands(14),
        fc.array(changeOfRecord, { maxLength: 4 }),
        fc.option(assignedThenAmended, { nil: undefined }),
        transfers,
        fc.option(
          fc.oneof(
            dissolveBody.map((end) => [end]),
            transferredThenDissolved,
          ),
          {
            nil: undefined,
          },
        ),
      )
      .map(([commands, changes, amended, moves, end]) => [
        ...commands,
        ...changes,
        ...(amended ?? []),
        ...moves,
        ...(end ?? []),
      ]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(establishBody, reportedThenDissolved)
      .map(([established, rest]) => [established, ...rest]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(establishedThenTransferred, fc.option(transferredThenDissolved, { nil: undefined }))
      .map(([established, end]) => [...established, ...(end ?? [])]),
  },
);

/** The context histories and corrections are decided in: the province governs the city too. */
const context = { jurisdiction: { mayChange: governs } };

describe('docs/reference/domain.md rule 14: any fact a body recorded can be corrected', () => {
  /**
   * Decides generated corrections after generated histories, each against the model, and counts
   * what was drawn: accepted and refused corrections, and the event types accepted.
   */
  function decideGeneratedCorrections(parameters: {
    readonly numRuns: number;
    readonly seed?: number;
  }) {
    const tally = {
      accepted: 0,
      ended: 0,
      refused: 0,
      transferred: 0,
      strandsTransfer: 0,
      strandsReport: 0,
    };
    const acceptedTypes = new Map<string, number>();
    fc.assert(
      fc.property(
        histories,
        fc.array(correctionPick, { minLength: 1, maxLength: 5 }),
        (commands, picks) => {
          const steps = replayBodyCommands(commands, context);
          let state: Body.State = steps.at(-1)?.after ?? Body.initialState;
          if (state.status === 'unestablished') return;
          const recorded = new Map<EventId, Body.Event>();
          for (const event of steps.at(-1)?.history ?? [])
            recorded.set(`event-${recorded.size + 1}` as EventId, event);
          // Where the model has moved a named event's fact to, by the id that names it.
          const standing = new Map<string, string>();
          for (const pick of picks) {
            const ids = [...recorded.keys()];
            const ofType = [...recorded].find(([, e]) => e.type === pick.target)?.[0];
            const corrects = pick.unknown
              ? 'event-unknown'
              : typeof pick.target === 'number'
                ? (ids[pick.target % ids.length] as string)
                : (ofType ?? (ids[0] as string));
            const dates = [...recorded.values()].map((e) => e.data.effectiveOn);
            const namedOn = recorded.get(corrects as EventId)?.data.effectiveOn ?? dates[0];
            const picked = pick.correction;
            const correction =
              picked.correct !== 'Date'
                ? picked
                : {
                    correct: 'Date' as const,
                    effectiveOn:
                      typeof picked.effectiveOn === 'number'
                        ? dates[picked.effectiveOn % dates.length]
                        : typeof picked.effectiveOn === 'string'
                          ? picked.effectiveOn
                          : 'after' in picked.effectiveOn
                            ? nextDay(dates[picked.effectiveOn.after % dates.length] as string)
                            : shiftDays(namedOn as string, picked.effectiveOn.days),
                  };
            const command = decodeWith(Body.CorrectBodyRecord, {
              type: 'CorrectBodyRecord',
              data: { bodyId: BODY, corrects, basis: pick.basis, correction },
            });
            if (isLeft(command)) throw new Error(`bad generated correction: ${show(correction)}`);
            const before = plain(state);
            const snapshot = show(state);
            const decision = Body.decider.decide(command.right, state, {
              ...context,
              recorded: recorded as RecordedEvents<Body.Event>,
            });
            expect(show(state), 'deciding changes nothing').toBe(snapshot);
            const named = recorded.get(corrects as EventId);
            const expected = modelCorrects(
              before,
              named === undefined ? undefined : JSON.parse(JSON.stringify(named)),
              standing.get(corrects),
              JSON.parse(JSON.stringify(correction)) as Pick,
              pick.basis,
            );
            if (expected === 'strands a transfer') tally.strandsTransfer++;
            if (expected === 'strands a late report') tally.strandsReport++;
            if (typeof expected !== 'string' && correction.correct === 'Date')
              standing.set(corrects, correction.effectiveOn as string);
            if (isLeft(decision) !== (typeof expected === 'string'))
              throw new Error(
                `${isLeft(decision) ? 'refused' : 'accepted'} against the model: ${show(command.right)}\n` +
                  `decision: ${show(decision)}\nnamed: ${show(named)}\nbefore: ${show(before)}`,
              );
            if (isLeft(decision) || typeof expected === 'string') {
              tally.refused++;
              continue;
            }
            if (decision.right.length > 0) {
              tally.accepted++;
              if (state.status === 'ended') tally.ended++;
              if (before.transfers.length > 0) tally.transferred++;
            }
            for (const { type } of decision.right)
              acceptedTypes.set(type, (acceptedTypes.get(type) ?? 0) + 1);
            for (const event of decision.right) {
              expect(event.data).toMatchObject({
                corrects,
                source: { kind: 'instrument', instrument: pick.basis },
              });
            }
            const size = recorded.size;
            state = decision.right.reduce<Body.State>(Body.decider.evolve, state);
            for (const event of decision.right)
              recorded.set(`event-${recorded.size + 1}` as EventId, event);
            expect(recorded.size, 'a correction only appends').toBe(size + decision.right.length);
            if (state.status === 'unestablished')
              throw new Error('a correction unestablished the body');
            expect(comparable(sortedRoles(plain(state)))).toEqual(
              comparable(sortedRoles(expected)),
            );
          }
        },
      ),
      parameters,
    );
    return { tally, acceptedTypes };
  }

  it('refused exactly when the model says; accepted ones change what it changes and only append', () => {
    decideGeneratedCorrections({ numRuns: 800 });
  });

  it('draws every kind of correction, accepted and refused (on a fixed seed, so that no count is left to chance)', () => {
    const { tally, acceptedTypes } = decideGeneratedCorrections({ numRuns: 800, seed: 14 });
    expect(tally.accepted, 'some corrections were accepted').toBeGreaterThan(50);
    expect(tally.ended, 'some corrections were accepted on ended bodies').toBeGreaterThan(0);
    expect(tally.refused, 'some corrections were refused').toBeGreaterThan(50);
    expect(tally.transferred, 'some were accepted on transferred bodies').toBeGreaterThan(10);
    expect(tally.strandsTransfer, 'some would strand a transfer').toBeGreaterThan(3);
    expect(tally.strandsReport, 'some would strand a report filed after the end').toBeGreaterThan(
      0,
    );
    for (const type of [
      'SeatHoldingCorrected',
      'RenameDateCorrected',
      'EndDateCorrected',
      'SeatRolesChangeDateCorrected',
      'DutyAmendmentDateCorrected',
    ])
      expect(acceptedTypes.get(type) ?? 0, `accepted ${type}`).toBeGreaterThan(0);
  });
});

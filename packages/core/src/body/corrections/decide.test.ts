/**
 * decideCorrection on small written-out histories: which event a correction may name and what it
 * then records, the end dates of seats, duties and obligations, a correction that changes nothing,
 * a change whose entry a same-day change superseded, and a change corrected twice (the gaps the
 * mutation run over decide.ts found; the rule 14 property draws none of them often enough).
 */
import { isLeft } from 'fp-ts/Either';
import { PathReporter } from 'io-ts/PathReporter';
import { describe, expect, it } from 'vitest';
import type { EventId } from '../../kernel/index.js';
import { establisherOnly } from '../../kernel/index.js';
import { Command } from '../commands.js';
import { decider } from '../decider.js';
import type { Event } from '../events.js';
import { evolve } from '../evolve.js';
import { foldHistory } from '../fold.js';
import { initialState } from '../state.js';
import { decideCorrection } from './decide.js';

const BODY = 'ban-chi-dao';
const basis = (signedOn: string) => ({
  type: 'decision',
  number: `${signedOn.slice(0, 4)}/QĐ-UBND`,
  issuer: 'ubnd-tinh',
  signer: { name: 'Nguyễn Văn A', title: 'Chủ tịch' },
  signedOn,
});
const context = { jurisdiction: establisherOnly };
const HEAD = { follows: 'office', office: 'chanh-van-phong' };

function command(json: unknown): Command {
  const result = Command.decode(json);
  if (isLeft(result)) throw new Error(PathReporter.report(result).join('; '));
  return result.right;
}

/** A body established on 2019-01-01 with one seat, one duty and one obligation. */
const establish = command({
  type: 'EstablishBody',
  data: {
    bodyId: BODY,
    kind: 'steering-committee',
    name: { vi: 'Ban Chỉ đạo' },
    authority: 'ubnd-tinh',
    basis: basis('2019-01-01'),
    effectiveOn: '2019-01-01',
    charter: [
      { change: 'CreateSeat', seatId: 'seat-head', roles: ['head'], holder: HEAD },
      { change: 'AssignDuty', dutyId: 'duty', category: 'advise', text: { vi: 'Tham mưu' } },
      {
        change: 'ImposeReportingObligation',
        obligationId: 'report',
        kind: 'report',
        cadence: 'annual',
        dueDaysAfterPeriodEnd: 15,
        recipients: [{ kind: 'authority', authority: 'ubnd-tinh' }],
      },
    ],
  },
});
const amend = (effectiveOn: string, ...changes: unknown[]) =>
  command({
    type: 'AmendBody',
    data: { bodyId: BODY, basis: basis(effectiveOn), effectiveOn, changes },
  });

const fold = (events: ReadonlyArray<Event>) => events.reduce(decider.evolve, decider.initialState);
/** The events by id, `event-<n>` for the n-th. */
const recorded = (events: ReadonlyArray<Event>) =>
  new Map(events.map((e, i) => [`event-${i + 1}` as EventId, e]));

/** The command correcting the fact the event `corrects` recorded, signed on `signedOn`. */
const correction = (corrects: string, fact: unknown, signedOn = '2020-01-01') =>
  command({
    type: 'CorrectBodyRecord',
    data: { bodyId: BODY, corrects, basis: basis(signedOn), correction: fact },
  });

/** The history after `given` and each command in turn (each must be accepted). */
function history(given: ReadonlyArray<Event>, ...commands: Command[]): Event[] {
  const events = [...given];
  for (const c of commands) {
    const decision = decider.decide(c, fold(events), { ...context, recorded: recorded(events) });
    if (isLeft(decision)) throw new Error(`Refused: ${decision.left.message}`);
    events.push(...decision.right);
  }
  return events;
}
const ESTABLISHED = history([], establish);
/** The id of the event of `events` whose type is `type` (the last of them), as `event-<n>`. */
const idOf = (events: ReadonlyArray<Event>, type: Event['type']): string =>
  `event-${events.map((e) => e.type).lastIndexOf(type) + 1}`;

/** Decides the correction of the event `corrects` of `events`, as of `signedOn`. */
const correct = (events: ReadonlyArray<Event>, corrects: string, fact: unknown) =>
  decider.decide(correction(corrects, fact, '2021-01-01'), fold(events), {
    ...context,
    recorded: recorded(events),
  });
/** What a decision recorded (types and data), or the refusal's tag and facts. */
const outcome = (decision: ReturnType<typeof correct>) =>
  isLeft(decision) ? decision.left : decision.right.map(({ type, data }) => ({ type, ...data }));
const dateTo = (effectiveOn: string) => ({ correct: 'Date', effectiveOn });

describe('a correction of a seat’s, duty’s or obligation’s end date', () => {
  const ended = history(
    ESTABLISHED,
    amend(
      '2019-06-01',
      { change: 'AbolishSeat', seatId: 'seat-head' },
      { change: 'RevokeDuty', dutyId: 'duty' },
      { change: 'LiftReportingObligation', obligationId: 'report' },
    ),
  );

  it('moves the abolition the seat’s abolition recorded', () => {
    expect(outcome(correct(ended, 'event-5', dateTo('2019-07-01')))).toMatchObject([
      {
        type: 'SeatDateCorrected',
        seatId: 'seat-head',
        boundary: 'end',
        previous: '2019-06-01',
        effectiveOn: '2019-07-01',
      },
    ]);
  });

  it('moves the revocation the duty’s revocation recorded, not its assignment', () => {
    expect(outcome(correct(ended, 'event-6', dateTo('2019-05-01')))).toMatchObject([
      { type: 'DutyDateCorrected', dutyId: 'duty', boundary: 'end', previous: '2019-06-01' },
    ]);
  });

  it('moves the lifting the obligation’s lifting recorded, not its imposition', () => {
    expect(outcome(correct(ended, 'event-7', dateTo('2019-08-01')))).toMatchObject([
      {
        type: 'ObligationDateCorrected',
        obligationId: 'report',
        boundary: 'end',
        previous: '2019-06-01',
      },
    ]);
  });
});

describe('a correction that changes nothing', () => {
  it('records nothing for the date, name, roles or holder as they stand', () => {
    expect(outcome(correct(ESTABLISHED, 'event-1', dateTo('2019-01-01')))).toStrictEqual([]);
    expect(
      outcome(correct(ESTABLISHED, 'event-1', { correct: 'Name', name: { vi: 'Ban Chỉ đạo' } })),
    ).toStrictEqual([]);
    expect(
      outcome(correct(ESTABLISHED, 'event-2', { correct: 'Roles', roles: ['head'] })),
    ).toStrictEqual([]);
    expect(
      outcome(correct(ESTABLISHED, 'event-2', { correct: 'Holder', holder: HEAD })),
    ).toStrictEqual([]);
  });
});

describe('a correction naming an event that recorded no such fact', () => {
  it('names the kind of fact asked for: a date of a holder’s replacement', () => {
    const replaced = history(
      ESTABLISHED,
      amend('2019-03-01', {
        change: 'ReplaceSeatHolder',
        seatId: 'seat-head',
        holder: { follows: 'person', person: 'tran-van-an' },
      }),
    );
    expect(outcome(correct(replaced, 'event-5', dateTo('2019-04-01')))).toMatchObject({
      _tag: 'NothingRecordedBy',
      eventType: 'SeatHolderReplaced',
      correction: 'Date',
    });
  });

  it('refuses a body not yet established, before looking at its id', () => {
    const decision = decideCorrection(
      correction('event-1', dateTo('2019-01-01'), '2021-01-01') as Extract<
        Command,
        { type: 'CorrectBodyRecord' }
      >,
      decider.initialState,
      context,
    );
    expect(isLeft(decision) && decision.left._tag).toBe('NotEstablished');
  });
});

describe('a change made on its record’s first day, whose start was then corrected', () => {
  // The change superseded the entry its record began with; correcting the start moved that
  // entry, so the change no longer stands on a date of its own: the start's event names it.
  const seatMoved = (change: unknown) =>
    history(ESTABLISHED, amend('2019-01-01', change), correction('event-2', dateTo('2019-02-01')));

  it('a change of roles: its date and roles name the creation instead', () => {
    const events = seatMoved({ change: 'ChangeSeatRoles', seatId: 'seat-head', roles: ['member'] });
    const change = idOf(events, 'SeatRolesChanged');
    for (const correction of [dateTo('2019-03-01'), { correct: 'Roles', roles: ['head'] }])
      expect(outcome(correct(events, change, correction))).toMatchObject({
        _tag: 'NothingRecordedBy',
        eventType: 'SeatRolesChanged',
      });
  });

  it('a replacement of the holder: its holder names the creation instead, which finds it', () => {
    const holder = { follows: 'person', person: 'tran-van-an' };
    const events = seatMoved({ change: 'ReplaceSeatHolder', seatId: 'seat-head', holder });
    expect(
      outcome(
        correct(events, idOf(events, 'SeatHolderReplaced'), { correct: 'Holder', holder: null }),
      ),
    ).toMatchObject({ _tag: 'NothingRecordedBy', eventType: 'SeatHolderReplaced' });
    expect(outcome(correct(events, 'event-2', { correct: 'Holder', holder: null }))).toMatchObject([
      { type: 'SeatHoldingCorrected', effectiveOn: '2019-02-01', previous: holder, holder: null },
    ]);
  });

  it('a duty’s amendment: its date names the assignment instead', () => {
    const events = history(
      ESTABLISHED,
      amend('2019-02-01', {
        change: 'AssignDuty',
        dutyId: 'late',
        category: 'opine',
        text: { vi: 'Cho ý kiến' },
      }),
      amend('2019-02-01', { change: 'AmendDuty', dutyId: 'late', category: 'review' }),
      correction('event-5', dateTo('2019-03-01')),
    );
    expect(outcome(correct(events, 'event-6', dateTo('2019-04-01')))).toMatchObject({
      _tag: 'NothingRecordedBy',
      eventType: 'DutyAmended',
    });
  });

  it('a rename: its date names the establishment instead', () => {
    const events = history(
      ESTABLISHED,
      amend('2019-01-01', { change: 'Rename', name: { vi: 'Ban Chỉ đạo số' } }),
      correction('event-1', dateTo('2018-12-01')),
    );
    expect(outcome(correct(events, 'event-5', dateTo('2019-02-01')))).toMatchObject({
      _tag: 'NothingRecordedBy',
      eventType: 'BodyRenamed',
    });
  });
});

describe('a change whose date was corrected before', () => {
  it('a duty’s amendment corrected twice: the second names where the first moved it', () => {
    const events = history(
      ESTABLISHED,
      amend('2019-03-01', { change: 'AmendDuty', dutyId: 'duty', category: 'review' }),
    );
    const once = history(events, correction('event-5', dateTo('2019-04-01')));
    expect(outcome(correct(once, 'event-5', dateTo('2019-05-01')))).toMatchObject([
      { type: 'DutyAmendmentDateCorrected', previous: '2019-04-01', effectiveOn: '2019-05-01' },
    ]);
  });
});

describe('a correction that would seat one holder twice', () => {
  it('is refused on the first day of the overlap, whatever order the seats were created in', () => {
    // seat-head, created first, changes its roles after seat-member is created: its change
    // date comes first in the stream but last in time.
    const person = { follows: 'person', person: 'tran-van-an' };
    const events = history(
      ESTABLISHED,
      amend('2019-03-01', {
        change: 'CreateSeat',
        seatId: 'seat-member',
        roles: ['member'],
        holder: person,
      }),
      amend('2019-06-01', {
        change: 'ChangeSeatRoles',
        seatId: 'seat-head',
        roles: ['head', 'member'],
      }),
    );
    expect(
      outcome(correct(events, 'event-2', { correct: 'Holder', holder: person })),
    ).toMatchObject({
      _tag: 'HolderInTwoSeats',
      on: '2019-03-01',
      seats: ['seat-head', 'seat-member'],
    });
  });
});

describe('a history holding every kind of correction', () => {
  // Corrections are folded by `evolve` even on `foldHistory`'s fast path: each kind must reach it.
  const changed = history(
    ESTABLISHED,
    amend(
      '2019-03-01',
      { change: 'Rename', name: { vi: 'Ban Chỉ đạo số' } },
      { change: 'ChangeSeatRoles', seatId: 'seat-head', roles: ['head', 'member'] },
      { change: 'AmendDuty', dutyId: 'duty', category: 'review' },
    ),
    command({
      type: 'DissolveBody',
      data: { bodyId: BODY, basis: basis('2020-01-01'), effectiveOn: '2020-01-01' },
    }),
  );
  const corrected = history(
    changed,
    correction('event-1', dateTo('2018-12-01')),
    correction('event-1', { correct: 'Name', name: { vi: 'Ban Chỉ đạo tỉnh' } }),
    correction('event-2', { correct: 'Roles', roles: ['head', 'secretary'] }),
    correction('event-2', dateTo('2019-01-15')),
    correction('event-3', dateTo('2019-01-15')),
    correction('event-4', dateTo('2019-01-15')),
    correction('event-5', dateTo('2019-04-01')),
    correction('event-6', dateTo('2019-04-01')),
    correction('event-7', dateTo('2019-04-01')),
    correction('event-8', dateTo('2020-02-01')),
  );

  it('records each kind once', () => {
    expect(corrected.slice(changed.length).map(({ type }) => type)).toStrictEqual([
      'EstablishmentDateCorrected',
      'BodyNameCorrected',
      'SeatRolesCorrected',
      'SeatDateCorrected',
      'DutyDateCorrected',
      'ObligationDateCorrected',
      'RenameDateCorrected',
      'SeatRolesChangeDateCorrected',
      'DutyAmendmentDateCorrected',
      'EndDateCorrected',
    ]);
  });

  it('folds on foldHistory’s fast path as evolve folds it', () => {
    expect(foldHistory(corrected)).toStrictEqual(corrected.reduce(evolve, initialState));
  });
});

/**
 * Rule 4: every appointment, duty and obligation lies within its body's life in valid time —
 * and every change to a seat, duty or obligation within that fact's own life. Checked after every
 * accepted command by reading the event history directly; and ending the body, abolishing a seat
 * or revoking a duty on a date is refused exactly when something already recorded would fall
 * outside the shortened life.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import type { CalendarDate } from '../../src/kernel/index.js';
import { addDays } from '../../src/kernel/index.js';
import {
  BODY,
  CITY,
  PROVINCE,
  basis,
  bodyCommands,
  dutyId,
  endOf,
  holder,
  naiveSeatsOn,
  replayBodyCommands,
  seatId,
  windowDate,
} from '../../src/testing/body-arbitraries.js';
import { deepEqual } from '../../src/testing/deep-equal.js';

type Life = { readonly from: CalendarDate; to?: CalendarDate };
const within = (life: Life | undefined, date: CalendarDate) =>
  life !== undefined && life.from <= date && (life.to === undefined || date < life.to);

const isReport = (e: Body.Event) => e.type === 'ReportFiled' || e.type === 'ReportCorrected';

/** The dates an event restates facts for (a corrected holding's is the holding's start). */
const datesOf = (e: Body.Event): CalendarDate[] => [e.data.effectiveOn];

type Subject = { readonly kind: 'seat' | 'duty' | 'obligation'; readonly id: string };
type Role = 'creates' | 'ends' | 'changes';

/** What an event is about, and whether it creates it, ends it or changes it. */
function subjectOf(e: Body.Event): readonly [Subject, Role] | undefined {
  switch (e.type) {
    case 'SeatCreated':
      return [{ kind: 'seat', id: e.data.seatId }, 'creates'];
    case 'SeatAbolished':
      return [{ kind: 'seat', id: e.data.seatId }, 'ends'];
    case 'SeatHolderReplaced':
    case 'SeatHolderRelieved':
    case 'SeatRolesChanged':
    case 'SeatHoldingCorrected':
      return [{ kind: 'seat', id: e.data.seatId }, 'changes'];
    case 'DutyAssigned':
      return [{ kind: 'duty', id: e.data.dutyId }, 'creates'];
    case 'DutyRevoked':
      return [{ kind: 'duty', id: e.data.dutyId }, 'ends'];
    case 'DutyAmended':
      return [{ kind: 'duty', id: e.data.dutyId }, 'changes'];
    case 'ReportingObligationImposed':
      return [{ kind: 'obligation', id: e.data.obligationId }, 'creates'];
    case 'ReportingObligationLifted':
      return [{ kind: 'obligation', id: e.data.obligationId }, 'ends'];
    default:
      return undefined;
  }
}

const keyOf = (subject: Subject) => `${subject.kind}:${subject.id}`;

/** Checks, from the history alone, that every fact lies within the body's and its own life. */
function expectWithinLife(history: ReadonlyArray<Body.Event>) {
  const established = history[0];
  if (established?.type !== 'BodyEstablished') throw new Error('not established first');
  const end = endOf(history);
  const body: Life = { from: established.data.effectiveOn, ...(end ? { to: end } : {}) };
  const lives = new Map<string, Life>();
  // In stream order: each id is created once, and known before it is changed or ended.
  for (const e of history) {
    if (e.type === 'BodyEstablished' || e.type === 'BodyEnded' || isReport(e)) continue;
    for (const date of datesOf(e)) expect(within(body, date)).toBe(true);
    const about = subjectOf(e);
    if (about === undefined) continue;
    const [subject, role] = about;
    expect(lives.has(keyOf(subject))).toBe(role !== 'creates');
    if (role === 'creates') lives.set(keyOf(subject), { from: e.data.effectiveOn });
  }
  // Each fact ends at most once, after it starts; whatever is still open closes with the body.
  for (const e of history) {
    const about = subjectOf(e);
    if (about === undefined || about[1] !== 'ends') continue;
    const life = lives.get(keyOf(about[0])) as Life;
    expect(life.to).toBeUndefined();
    expect(life.from < e.data.effectiveOn).toBe(true);
    life.to = e.data.effectiveOn;
  }
  if (end !== undefined) for (const life of lives.values()) life.to ??= end;
  // With the whole history known: every change within its fact's life, even one made before a
  // retroactive end was recorded.
  for (const e of history) {
    const about = subjectOf(e);
    if (about !== undefined && about[1] === 'changes')
      for (const date of datesOf(e)) expect(within(lives.get(keyOf(about[0])), date)).toBe(true);
    if (e.type === 'ReportingObligationImposed' && e.data.dutyId !== undefined)
      expect(within(lives.get(`duty:${e.data.dutyId}`), e.data.effectiveOn)).toBe(true);
  }
  // After the end, only reports for periods that had ended by then are dated on or after it.
  if (end !== undefined)
    for (const e of history)
      if (e.type === 'ReportFiled' || e.type === 'ReportCorrected')
        expect(e.data.effectiveOn < end || Body.periodInterval(e.data.period).to <= end).toBe(true);
}

/** One change to one of the pooled seats, on a date in the window. */
const seatChange = (change: 'AbolishSeat' | 'RelieveSeatHolder'): fc.Arbitrary<Body.Command> =>
  fc.tuple(seatId, basis, windowDate).map(([id, instrument, effectiveOn]) => ({
    type: 'AmendBody',
    data: {
      bodyId: BODY,
      basis: { ...instrument, issuer: PROVINCE },
      effectiveOn,
      changes: [{ change, seatId: id }],
    },
  }));
const abolishSeat = seatChange('AbolishSeat');
const relieveSeat = seatChange('RelieveSeatHolder');

/** A new obligation, tied to a duty. */
const tiedTerms = {
  change: 'ImposeReportingObligation',
  obligationId: 'tied-obligation' as Body.Obligation['obligationId'],
  kind: 'report',
  cadence: 'annual',
  dueDaysAfterPeriodEnd: 30,
  recipients: [{ kind: 'authority', authority: PROVINCE }],
} as const;

/** Imposes the tied obligation on one of the pooled duties, on a date in the window. */
const imposeTiedObligation: fc.Arbitrary<Body.Command> = fc
  .tuple(dutyId, basis, windowDate)
  .map(([id, instrument, effectiveOn]) => ({
    type: 'AmendBody',
    data: {
      bodyId: BODY,
      basis: { ...instrument, issuer: PROVINCE },
      effectiveOn,
      changes: [{ ...tiedTerms, dutyId: id }],
    },
  }));

/** Revokes one of the pooled duties, on a date in the window. */
const revokeDuty: fc.Arbitrary<Body.Command> = fc
  .tuple(dutyId, basis, windowDate)
  .map(([id, instrument, effectiveOn]) => ({
    type: 'AmendBody',
    data: {
      bodyId: BODY,
      basis: { ...instrument, issuer: PROVINCE },
      effectiveOn,
      changes: [{ change: 'RevokeDuty', dutyId: id }],
    },
  }));

describe('rule 4: every fact within its body’s life', () => {
  it('holds after every accepted command; refusals change nothing', () => {
    fc.assert(
      fc.property(bodyCommands(), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          expect(step.untouched).toBe(true);
          if (step.decision._tag === 'Left') expect(deepEqual(step.after, step.before)).toBe(true);
          else expectWithinLife(step.history);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ends a body on a date exactly when nothing recorded would fall outside its life', () => {
    const outcomes = { refused: 0, accepted: 0, pastTransfer: 0 };
    fc.assert(
      fc.property(
        bodyCommands(),
        fc.option(windowDate, { nil: undefined }),
        windowDate,
        basis,
        (commands, transferredOn, on, instrument) => {
          const anyIssuer = { jurisdiction: { mayChange: () => true } };
          // Maybe a transfer to the city, on a date of its own, before the end is decided.
          const transfer: Body.Command[] =
            transferredOn === undefined
              ? []
              : [
                  {
                    type: 'TransferBody',
                    data: { bodyId: BODY, to: CITY, basis: instrument, effectiveOn: transferredOn },
                  },
                ];
          const steps = replayBodyCommands([...commands, ...transfer], anyIssuer);
          const last = steps[steps.length - 1];
          fc.pre(last?.after.status === 'active');
          if (last === undefined) return;
          // Ending on D leaves every fact dated before D inside the life [established, D); a
          // report dated D or later is fine only for a period that had ended by D.
          const command: Body.Command = {
            type: 'DissolveBody',
            data: {
              bodyId: BODY,
              basis: { ...instrument, issuer: PROVINCE },
              effectiveOn: on,
            },
          };
          const fits = last.history.every((e) =>
            e.type === 'ReportFiled' || e.type === 'ReportCorrected'
              ? e.data.effectiveOn < on || Body.periodInterval(e.data.period).to <= on
              : datesOf(e).every((date) => date < on),
          );
          const decision = Body.decide(command, last.after, anyIssuer);
          if (fits) {
            outcomes.accepted++;
            expect(decision._tag).toBe('Right');
          } else {
            outcomes.refused++;
            if (last.history.some((e) => e.type === 'BodyTransferred' && e.data.effectiveOn >= on))
              outcomes.pastTransfer++;
            expect(decision._tag === 'Left' && decision.left._tag).toMatch(
              /^(BeforeEstablishment|EndBeforeLaterFact)$/,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.refused).toBeGreaterThan(10);
    expect(outcomes.pastTransfer, 'some ends fell on or before a transfer').toBeGreaterThan(5);
    expect(outcomes.accepted).toBeGreaterThan(10);
  });

  it('changes a seat only within its own life', () => {
    const outcomes = { outside: 0, inside: 0 };
    fc.assert(
      fc.property(
        fc.tuple(bodyCommands(), fc.array(abolishSeat, { minLength: 1, maxLength: 2 })),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('edge', 'holding', 'any'),
        windowDate,
        fc.constantFrom('ReplaceSeatHolder', 'RelieveSeatHolder', 'ChangeSeatRoles'),
        holder,
        basis,
        ([commands, abolitions], pick, datePick, where, someDate, kind, newHolder, instrument) => {
          const steps = replayBodyCommands([...commands, ...abolitions]);
          const last = steps[steps.length - 1];
          const state = last?.after;
          if (state?.status !== 'active' || last === undefined) return;
          fc.pre(state.seats.size > 0);
          const seatId = [...state.seats.keys()][pick % state.seats.size] as Body.Seat['seatId'];
          const about = last.history.filter((e) => {
            const subject = subjectOf(e)?.[0];
            return subject?.kind === 'seat' && subject.id === seatId;
          });
          const created = about.find((e) => e.type === 'SeatCreated')?.data.effectiveOn;
          const abolished = about.find((e) => e.type === 'SeatAbolished')?.data.effectiveOn;
          const life = { from: created as CalendarDate, ...(abolished ? { to: abolished } : {}) };
          // Dates around the seat's life's edges and its holdings, where answers change, or any.
          const edges = [life.from, life.to].flatMap((d) =>
            d === undefined ? [] : [addDays(d, -1) ?? d, d],
          );
          const seat = state.seats.get(seatId) as Body.Seat;
          const holdings = seat.holders.map((entry) => entry.from);
          const candidates = (
            where === 'edge' ? edges : where === 'holding' ? holdings : [someDate]
          ).filter((d) => d >= state.establishedOn);
          fc.pre(candidates.length > 0);
          const on = candidates[datePick % candidates.length] as CalendarDate;
          const change: Body.BodyChange =
            kind === 'ReplaceSeatHolder'
              ? { change: kind, seatId, holder: newHolder }
              : kind === 'RelieveSeatHolder'
                ? { change: kind, seatId }
                : { change: kind, seatId, roles: Body.roleSet('member') };
          const command: Body.Command = {
            type: 'AmendBody',
            data: {
              bodyId: state.bodyId,
              basis: { ...instrument, issuer: state.authority },
              effectiveOn: on,
              changes: [change],
            },
          };
          const decision = Body.decide(command, state, { jurisdiction: { mayChange: () => true } });
          const outside = decision._tag === 'Left' && decision.left._tag === 'OutsideSeatLife';
          if (within(life, on)) outcomes.inside++;
          else outcomes.outside++;
          expect(outside).toBe(!within(life, on));
          if (decision._tag === 'Right')
            for (const event of decision.right) expect(Body.Event.is(event)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
    expect(outcomes.outside).toBeGreaterThan(5);
    expect(outcomes.inside).toBeGreaterThan(10);
  });

  it('relieves a seat’s holder only when the seat has one on that date', () => {
    const outcomes = { vacant: 0, held: 0 };
    fc.assert(
      fc.property(
        fc.tuple(bodyCommands(), fc.array(relieveSeat, { minLength: 1, maxLength: 3 })),
        fc.nat(),
        fc.nat(),
        basis,
        ([commands, reliefs], pick, datePick, instrument) => {
          const steps = replayBodyCommands([...commands, ...reliefs]);
          const last = steps[steps.length - 1];
          const state = last?.after;
          if (state?.status !== 'active' || last === undefined) return;
          fc.pre(state.seats.size > 0);
          const seat = [...state.seats.values()][pick % state.seats.size] as Body.Seat;
          // A date on which one of the seat's holdings (or vacancies) begins.
          const on = seat.holders[datePick % seat.holders.length]?.from as CalendarDate;
          const command: Body.Command = {
            type: 'AmendBody',
            data: {
              bodyId: state.bodyId,
              basis: { ...instrument, issuer: state.authority },
              effectiveOn: on,
              changes: [{ change: 'RelieveSeatHolder', seatId: seat.seatId }],
            },
          };
          const decision = Body.decide(command, state, { jurisdiction: { mayChange: () => true } });
          const vacant =
            naiveSeatsOn(last.history, on).find((s) => s.seatId === seat.seatId)?.holder === null;
          if (vacant) outcomes.vacant++;
          else outcomes.held++;
          if (vacant)
            expect(decision._tag === 'Left' && decision.left._tag).toBe('SeatAlreadyVacant');
          else expect(decision._tag).toBe('Right');
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.vacant).toBeGreaterThan(10);
    expect(outcomes.held).toBeGreaterThan(10);
  });

  it('abolishes a seat or revokes a duty exactly when nothing later depends on it', () => {
    const outcomes = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(
        fc.tuple(bodyCommands(), fc.array(imposeTiedObligation, { maxLength: 2 })),
        fc.nat(),
        fc.boolean(),
        windowDate,
        basis,
        ([commands, tied], pick, seat, on, instrument) => {
          const steps = replayBodyCommands([...commands, ...tied]);
          const last = steps[steps.length - 1];
          const state = last?.after;
          fc.pre(state?.status === 'active' && on >= state.establishedOn);
          if (state?.status !== 'active' || last === undefined) return;
          const ids = [...(seat ? state.seats.keys() : state.duties.keys())] as string[];
          fc.pre(ids.length > 0);
          const id = ids[pick % ids.length] as string;
          // Everything about the seat or duty, including obligations tied to the duty.
          const about = last.history.filter((e) =>
            seat
              ? 'seatId' in e.data && e.data.seatId === id
              : 'dutyId' in e.data && e.data.dutyId === id,
          );
          const start = about[0]?.data.effectiveOn as CalendarDate;
          const ended = about.some((e) => e.type === 'SeatAbolished' || e.type === 'DutyRevoked');
          const fits = !ended && start < on && about.every((e) => datesOf(e).every((d) => d < on));
          const change: Body.BodyChange = seat
            ? { change: 'AbolishSeat', seatId: id as Body.Seat['seatId'] }
            : { change: 'RevokeDuty', dutyId: id as Body.Duty['dutyId'] };
          const command: Body.Command = {
            type: 'AmendBody',
            data: {
              bodyId: state.bodyId,
              basis: { ...instrument, issuer: state.authority },
              effectiveOn: on,
              changes: [change],
            },
          };
          const decision = Body.decide(command, state, { jurisdiction: { mayChange: () => true } });
          if (fits) outcomes.accepted++;
          else outcomes.refused++;
          expect(decision._tag).toBe(fits ? 'Right' : 'Left');
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.refused).toBeGreaterThan(10);
    expect(outcomes.accepted).toBeGreaterThan(10);
  });

  it('amends a duty, or ties an obligation to it, only while the duty is in force', () => {
    const outcomes = { outside: 0, inside: 0 };
    fc.assert(
      fc.property(
        fc.tuple(bodyCommands(), fc.array(revokeDuty, { maxLength: 2 })),
        fc.nat(),
        fc.nat(),
        windowDate,
        fc.boolean(),
        basis,
        ([commands, revocations], pick, datePick, someDate, amend, instrument) => {
          const steps = replayBodyCommands([...commands, ...revocations]);
          const last = steps[steps.length - 1];
          const state = last?.after;
          if (state?.status !== 'active' || last === undefined) return;
          fc.pre(state.duties.size > 0);
          const duty = [...state.duties.values()][pick % state.duties.size] as Body.Duty;
          const assigned = last.history.find(
            (e) => e.type === 'DutyAssigned' && e.data.dutyId === duty.dutyId,
          )?.data.effectiveOn as CalendarDate;
          const revoked = last.history.find(
            (e) => e.type === 'DutyRevoked' && e.data.dutyId === duty.dutyId,
          )?.data.effectiveOn;
          const life = { from: assigned, ...(revoked ? { to: revoked } : {}) };
          const candidates = [someDate, assigned, addDays(assigned, -1), revoked].filter(
            (d): d is CalendarDate => d !== undefined && d >= state.establishedOn,
          );
          const on = candidates[datePick % candidates.length] as CalendarDate;
          const command: Body.Command = {
            type: 'AmendBody',
            data: {
              bodyId: state.bodyId,
              basis: { ...instrument, issuer: state.authority },
              effectiveOn: on,
              changes: [
                amend
                  ? { change: 'AmendDuty', dutyId: duty.dutyId, category: 'inspect' }
                  : { ...tiedTerms, dutyId: duty.dutyId },
              ],
            },
          };
          const decision = Body.decide(command, state, { jurisdiction: { mayChange: () => true } });
          if (within(life, on)) outcomes.inside++;
          else outcomes.outside++;
          if (within(life, on)) expect(decision._tag).toBe('Right');
          else expect(decision._tag === 'Left' && decision.left._tag).toBe('OutsideDutyLife');
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.outside).toBeGreaterThan(10);
    expect(outcomes.inside).toBeGreaterThan(10);
  });
});

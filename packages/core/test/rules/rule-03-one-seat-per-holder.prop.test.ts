/**
 * Rule 3: one holder (office or person) has at most one active seat in one body at a time. A
 * holder occupies every identity it names — the office, and the person named with it — so the
 * seed's "Mr. Trăm as Chairman" may sit neither in another seat of the Chairman nor in a seat of
 * Mr. Trăm. Checked on every date after every accepted command against a naive reading of the
 * history; and a replacement or correction is refused for it exactly when the oracle sees a clash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import type { CalendarDate, EventId } from '../../src/kernel/index.js';
import { holderIdentities, instrumentSource } from '../../src/kernel/index.js';
import {
  basis,
  bodyCommands,
  eventDates,
  holder,
  naiveSeatsOn,
  replayBodyCommands,
  windowDate,
} from '../../src/testing/body-arbitraries.js';
import { deepEqual } from '../../src/testing/deep-equal.js';

/** The identities held on a date, with a repeat when one is held in two seats. */
const identitiesOn = (history: ReadonlyArray<Body.Event>, date: CalendarDate) =>
  naiveSeatsOn(history, date).flatMap((seat) =>
    seat.holder === null ? [] : holderIdentities(seat.holder),
  );

const clashOn = (history: ReadonlyArray<Body.Event>, date: CalendarDate) => {
  const identities = identitiesOn(history, date);
  return new Set(identities).size !== identities.length;
};

const clashSomewhere = (history: ReadonlyArray<Body.Event>) =>
  eventDates(history).some((date) => clashOn(history, date));

describe('rule 3: one seat per holder at a time', () => {
  it('holds on every date after every accepted command; refusals change nothing', () => {
    fc.assert(
      fc.property(bodyCommands(), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          expect(step.untouched).toBe(true);
          if (step.decision._tag === 'Left') {
            expect(deepEqual(step.after, step.before)).toBe(true);
            continue;
          }
          for (const date of eventDates(step.history))
            expect(clashOn(step.history, date)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a new holder or a corrected holding exactly when one holder would sit twice', () => {
    const outcomes = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(
        bodyCommands(),
        fc.nat(),
        fc.nat(),
        windowDate,
        holder,
        fc.boolean(),
        basis,
        (commands, seatPick, datePick, someDate, newHolder, correct, instrument) => {
          const steps = replayBodyCommands(commands);
          const last = steps[steps.length - 1];
          const state = last?.after;
          fc.pre(state !== undefined && state.status === 'active' && state.seats.size > 0);
          if (state?.status !== 'active' || last === undefined) return;
          const seat = [...state.seats.values()][seatPick % state.seats.size] as Body.Seat;
          // A correction names an event that recorded one of the seat's holdings, by its number.
          const holdings = last.history.flatMap((e, i) =>
            (e.type === 'SeatCreated' ||
              e.type === 'SeatHolderReplaced' ||
              e.type === 'SeatHolderRelieved') &&
            e.data.seatId === seat.seatId &&
            seat.holders.some((entry) => entry.from === e.data.effectiveOn)
              ? [{ on: e.data.effectiveOn, corrects: `event-${i + 1}` as EventId }]
              : [],
          );
          const dates = correct
            ? holdings.map((h) => h.on)
            : [...eventDates(last.history), someDate].filter(
                (d) => d >= state.establishedOn && Body.rolesOn(seat, d) !== undefined,
              );
          fc.pre(dates.length > 0);
          const on = dates[datePick % dates.length] as CalendarDate;
          const corrects = holdings[datePick % Math.max(holdings.length, 1)]?.corrects;
          const signed = { ...instrument, issuer: state.authority, signedOn: on };
          const source = instrumentSource(signed);
          const common = { bodyId: state.bodyId, effectiveOn: on, source, seatId: seat.seatId };
          const [command, hypothetical]: [Body.Command, Body.Event] =
            correct && corrects !== undefined
              ? [
                  {
                    type: 'CorrectBodyRecord',
                    data: {
                      bodyId: state.bodyId,
                      corrects,
                      basis: signed,
                      correction: { correct: 'Holder', holder: newHolder },
                    },
                  },
                  {
                    type: 'SeatHoldingCorrected',
                    data: { ...common, corrects, previous: null, holder: newHolder },
                  },
                ]
              : [
                  {
                    type: 'AmendBody',
                    data: {
                      bodyId: state.bodyId,
                      basis: signed,
                      effectiveOn: on,
                      changes: [
                        { change: 'ReplaceSeatHolder', seatId: seat.seatId, holder: newHolder },
                      ],
                    },
                  },
                  Body.seatHolderReplaced({ ...common, previous: null, holder: newHolder }),
                ];
          const recorded = new Map(last.history.map((e, i) => [`event-${i + 1}` as EventId, e]));
          const decision = Body.decide(command, state, {
            jurisdiction: { mayChange: () => true },
            recorded,
          });
          if (clashSomewhere([...last.history, hypothetical])) {
            outcomes.refused++;
            expect(decision._tag === 'Left' && decision.left._tag).toBe('HolderInTwoSeats');
          } else {
            outcomes.accepted++;
            expect(decision._tag).toBe('Right');
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(outcomes.refused).toBeGreaterThan(10);
    expect(outcomes.accepted).toBeGreaterThan(10);
  });
});

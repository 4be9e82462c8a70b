/**
 * Rule 2: at any valid date a body has at most one head; the roles of one seat are a set.
 * Checked over the whole valid-time line (at every date on which anything changes) after every
 * accepted command, with a naive reading of the event history as the oracle; and, the other way
 * round, a change of roles is refused for two heads exactly when the oracle sees two heads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import type { CalendarDate } from '../../src/kernel/index.js';
import { instrumentSource } from '../../src/kernel/index.js';
import {
  basis,
  bodyCommands,
  eventDates,
  naiveSeatsOn,
  replayBodyCommands,
  roles,
  windowDate,
} from '../../src/testing/body-arbitraries.js';
import { deepEqual } from '../../src/testing/deep-equal.js';

const headsOn = (history: ReadonlyArray<Body.Event>, date: CalendarDate) =>
  naiveSeatsOn(history, date).filter((seat) => seat.roles.includes('head'));

/** True when, on some date, two seats of the history are head. */
const twoHeadsSomewhere = (history: ReadonlyArray<Body.Event>) =>
  eventDates(history).some((date) => headsOn(history, date).length > 1);

describe('rule 2: at most one head; roles are a set', () => {
  it('holds on every date after every accepted command; refusals change nothing', () => {
    fc.assert(
      fc.property(bodyCommands(), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          expect(step.untouched).toBe(true);
          if (step.decision._tag === 'Left') {
            expect(deepEqual(step.after, step.before)).toBe(true);
            continue;
          }
          for (const date of eventDates(step.history)) {
            expect(headsOn(step.history, date).length).toBeLessThanOrEqual(1);
            for (const seat of naiveSeatsOn(step.history, date)) {
              expect(Body.RoleSet.is(seat.roles)).toBe(true);
              expect(new Set(seat.roles).size).toBe(seat.roles.length);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a change of roles for two heads exactly when it would make two heads on some date', () => {
    const outcomes = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(
        bodyCommands(),
        fc.nat(),
        fc.nat(),
        windowDate,
        roles,
        basis,
        (commands, seatPick, datePick, someDate, newRoles, instrument) => {
          const steps = replayBodyCommands(commands);
          const last = steps[steps.length - 1];
          const state = last?.after;
          fc.pre(state !== undefined && state.status === 'active' && state.seats.size > 0);
          if (state?.status !== 'active' || last === undefined) return;
          const seat = [...state.seats.values()][seatPick % state.seats.size] as Body.Seat;
          const dates = [...eventDates(last.history), someDate].filter(
            (d) => d >= state.establishedOn && Body.rolesOn(seat, d) !== undefined,
          );
          fc.pre(dates.length > 0);
          const on = dates[datePick % dates.length] as CalendarDate;
          const signed = { ...instrument, issuer: state.authority };
          const command: Body.Command = {
            type: 'AmendBody',
            data: {
              bodyId: state.bodyId,
              basis: signed,
              effectiveOn: on,
              changes: [{ change: 'ChangeSeatRoles', seatId: seat.seatId, roles: newRoles }],
            },
          };
          const hypothesis = [
            ...last.history,
            Body.seatRolesChanged({
              bodyId: state.bodyId,
              effectiveOn: on,
              source: instrumentSource(signed),
              seatId: seat.seatId,
              roles: newRoles,
              previous: newRoles,
            }),
          ];
          const decision = Body.decide(command, state, { jurisdiction: { mayChange: () => true } });
          if (twoHeadsSomewhere(hypothesis)) {
            outcomes.refused++;
            expect(decision._tag === 'Left' && decision.left._tag).toBe('TwoHeads');
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

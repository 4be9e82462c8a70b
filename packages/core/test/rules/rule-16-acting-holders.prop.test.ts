/**
 * docs/reference/domain.md rule 16, for offices: a substantive appointment ends an open acting
 * holding of the same office; no one is acting and substantive in one office at once.
 *
 * Generated histories of office commands (acting and substantive appointments equally likely,
 * three persons, dates in 2018–2021, retroactive ones included) run through the office decider.
 * After every command:
 * - the decision is refused with rule 16 exactly when the naive model (naive-office.ts, which
 *   does not import the decider) accepts it under every other rule but finds the holdings it would
 *   leave breaking rule 16;
 * - a refused command yields no events and leaves the state as it was;
 * - the accepted holdings never break rule 16;
 * - an accepted substantive appointment leaves no acting holding open across its date: the one
 *   open since an earlier day now ends exactly on it, and its ex-officio seat no longer resolves
 *   to that acting holder.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  establisherOnly,
  type CalendarDate,
  type OfficeId,
  type PersonId,
} from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import { show } from '../../src/testing/deep-equal.js';
import {
  defaultOfficePools,
  officeHistoryArbitrary,
  type OfficePools,
} from '../../src/testing/office-arbitraries.js';
import {
  accepts,
  appointed,
  covers,
  replay,
  rule16Breach,
  type Rule16Breach,
} from './naive-office.js';

const context = { jurisdiction: establisherOnly };

/** The default pools with acting appointments as likely as substantive ones. */
const pools: OfficePools = {
  ...defaultOfficePools,
  capacities: fc.constantFrom('substantive', 'acting'),
};

/** An acting holder, then (often) a substantive one, appointed to the same office. */
const promotion = fc.record({
  office: fc.constantFrom(...pools.offices),
  acting: fc.constantFrom(...pools.persons),
  substantive: fc.constantFrom(...pools.persons),
  dates: fc.tuple(pools.dates, pools.dates),
});

/**
 * Generated histories with a few acting-then-substantive appointments appended, issued by each
 * office's establishing authority, so that acting holdings meet later substantive appointments.
 */
const histories = fc
  .tuple(officeHistoryArbitrary(pools, { maxLength: 30 }), fc.array(promotion, { maxLength: 4 }))
  .map(([history, promotions]) => {
    const established = new Map(
      history.flatMap((command) =>
        command.type === 'EstablishOffice' ? [[command.data.officeId, command.data] as const] : [],
      ),
    );
    const appended = promotions.flatMap(({ office, acting, substantive, dates }) => {
      const establishment = established.get(office as OfficeId);
      if (establishment === undefined) return [];
      const basis = { ...establishment.basis, issuer: establishment.authority };
      const [first, second] = [...dates].sort() as [CalendarDate, CalendarDate];
      const appoint = (person: string, capacity: Office.Capacity, effectiveOn: CalendarDate) =>
        ({
          type: 'AppointOfficeHolder',
          data: {
            officeId: office as OfficeId,
            person: person as PersonId,
            capacity,
            basis,
            effectiveOn,
          },
        }) as const;
      return [appoint(acting, 'acting', first), appoint(substantive, 'substantive', second)];
    });
    return [...history, ...appended];
  });

/** How rule 16 refuses the command when every other rule accepts it, if it does. */
function breaksOnlyRule16(
  command: Office.Command,
  events: ReadonlyArray<Office.Event>,
): Rule16Breach | undefined {
  const office = replay(events);
  if (command.type !== 'AppointOfficeHolder' || office === undefined) return undefined;
  const { capacity, person, effectiveOn: on } = command.data;
  // Every other rule, read over the same-capacity holdings alone (where rule 16 cannot bite).
  const sameCapacity = {
    ...office,
    holdings: office.holdings.filter((h) => h.capacity === capacity),
  };
  const alreadyRecorded = sameCapacity.holdings.some(
    (h) => h.person === person && h.from === on && h.to === undefined,
  );
  return !alreadyRecorded && accepts(command, sameCapacity)
    ? rule16Breach(appointed(office.holdings, command.data))
    : undefined;
}

describe('docs/reference/domain.md rule 16: a substantive appointment ends acting; no one is both at once', () => {
  it('refuses with rule 16 exactly when the model says, and closes the acting holding otherwise', () => {
    const tally = { refused16: 0, closed: 0, acceptedActing: 0 };
    fc.assert(
      fc.property(histories, (commands) => {
        const states = new Map<string, Office.OfficeState>();
        const accepted = new Map<string, Office.Event[]>();
        for (const command of commands) {
          const officeId = command.data.officeId;
          const before = states.get(officeId) ?? Office.decider.initialState;
          const snapshot: unknown = JSON.parse(JSON.stringify(before));
          const history = accepted.get(officeId) ?? [];
          const outcome = Office.decider.decide(command, before, context);
          const refusal = isLeft(outcome) ? outcome.left : undefined;
          const refused16 = refusal?.rule === 16 ? refusal._tag : undefined;
          const expected = breaksOnlyRule16(command, history);
          if (refused16 !== expected)
            throw new Error(
              `${String(refused16)} under rule 16, the model says ${String(expected)}: ${show(command)}\n` +
                `outcome: ${show(outcome)}\nhistory: ${show(history)}`,
            );
          if (refusal?._tag === 'ActingOutlastsAppointment') {
            expect(refusal.acting.capacity).toBe('acting');
            expect(refusal.substantive.capacity).toBe('substantive');
          }
          if (refusal?._tag === 'ActingAndSubstantiveAtOnce') {
            expect(refusal.existing.person).toBe(refusal.person);
            expect(refusal.existing.capacity).not.toBe(refusal.capacity);
          }
          if (isLeft(outcome)) {
            if (refused16 !== undefined) tally.refused16 += 1;
            expect(JSON.parse(JSON.stringify(before))).toEqual(snapshot);
            continue;
          }
          const after = outcome.right.reduce(Office.decider.evolve, before);
          states.set(officeId, after);
          const events = [...history, ...outcome.right];
          accepted.set(officeId, events);
          const naive = replay(events);
          const breach = naive === undefined ? undefined : rule16Breach(naive.holdings);
          if (breach !== undefined) throw new Error(`${breach} after ${show(command)}`);

          if (command.type !== 'AppointOfficeHolder' || outcome.right.length === 0) continue;
          const { capacity, effectiveOn: on } = command.data;
          if (capacity === 'acting') tally.acceptedActing += 1;
          if (capacity !== 'substantive') continue;
          const wasOpen = replay(history)?.holdings.find(
            (h) => h.capacity === 'acting' && h.to === undefined && h.from < on,
          );
          if (wasOpen === undefined) continue;
          tally.closed += 1;
          const now = naive?.holdings.find(
            (h) =>
              h.capacity === 'acting' && h.person === wasOpen.person && h.from === wasOpen.from,
          );
          expect(now?.to).toBe(on);
          const seat = { follows: 'office', office: officeId as OfficeId } as const;
          expect(Office.resolveSeatHolder(seat, (id) => states.get(id), on)).toMatchObject({
            person: command.data.person,
            acting: false,
          });
          expect(
            naive?.holdings.some((h) => h.capacity === 'acting' && covers(h, on) && h.from < on),
          ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(tally.refused16).toBeGreaterThan(30);
    expect(tally.closed).toBeGreaterThan(30);
    expect(tally.acceptedActing).toBeGreaterThan(30);
  });
});

/**
 * docs/reference/domain.md rule 16, for seats: a seat naming a person *as* an office's holder is
 * flagged on the dates when that person does not hold that office.
 *
 * Generated office histories (acting and substantive holders, endings, abolitions) are folded by
 * the office decider; a seat naming each pooled person as each pooled office's holder, as acting
 * or not, is resolved on every date where anything changes (and the day before). The answer is
 * flagged (`holdsOffice: false`) exactly when the naive replay of the accepted events
 * (naive-office.ts, which does not import the code it checks) has no holding of that person
 * covering the date, in either capacity; it always names the seat's person, marked acting exactly
 * when the seat names them as acting.
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
import { deepEqual, show } from '../../src/testing/deep-equal.js';
import {
  defaultOfficePools,
  officeHistoryArbitrary,
} from '../../src/testing/office-arbitraries.js';
import { checkpoints, covers, replay } from './naive-office.js';

const context = { jurisdiction: establisherOnly };

describe('docs/reference/domain.md rule 16: a seat naming a person as an office holder is flagged when they no longer hold it', () => {
  it('flags exactly the dates on which the person holds the office in no capacity', () => {
    const tally = { held: 0, flagged: 0 };
    fc.assert(
      fc.property(officeHistoryArbitrary(), fc.boolean(), (commands, acting) => {
        const states = new Map<string, Office.OfficeState>();
        const accepted = new Map<string, Office.Event[]>();
        for (const command of commands) {
          const id = command.data.officeId;
          const before = states.get(id) ?? Office.decider.initialState;
          const outcome = Office.decider.decide(command, before, context);
          if (isLeft(outcome)) continue;
          states.set(id, outcome.right.reduce(Office.decider.evolve, before));
          accepted.set(id, [...(accepted.get(id) ?? []), ...outcome.right]);
        }
        const dates = new Set<CalendarDate>(['2017-12-31' as CalendarDate]);
        for (const events of accepted.values()) {
          const naive = replay(events);
          for (const date of naive === undefined ? [] : checkpoints(naive)) dates.add(date);
        }
        for (const office of [...defaultOfficePools.offices, 'van-phong-khac'])
          for (const person of defaultOfficePools.persons) {
            const seat = {
              follows: 'person',
              person: person as PersonId,
              asOffice: office as OfficeId,
              ...(acting ? { acting: true as const } : {}),
            } as const;
            const naive = replay(accepted.get(office) ?? []);
            for (const date of dates) {
              const holds =
                naive?.holdings.some((h) => h.person === person && covers(h, date)) ?? false;
              const resolved = Office.resolveSeatHolder(seat, (id) => states.get(id), date);
              const wanted = {
                kind: 'person',
                person,
                via: 'named',
                acting,
                asOffice: office,
                holdsOffice: holds,
              };
              if (!deepEqual(resolved, wanted))
                throw new Error(`On ${date}: ${show(resolved)}, expected ${show(wanted)}`);
              tally[holds ? 'held' : 'flagged'] += 1;
            }
          }
      }),
      { numRuns: 200 },
    );
    expect(tally.held).toBeGreaterThan(500);
    expect(tally.flagged).toBeGreaterThan(500);
  });

  it('never flags a seat that names no office', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...defaultOfficePools.persons),
        fc.boolean(),
        (person, acting) => {
          const seat = {
            follows: 'person',
            person: person as PersonId,
            ...(acting ? { acting: true as const } : {}),
          } as const;
          expect(
            Office.resolveSeatHolder(seat, () => undefined, '2019-01-01' as CalendarDate),
          ).toStrictEqual({ kind: 'person', person, via: 'named', acting });
        },
      ),
    );
  });
});

/**
 * docs/reference/domain.md rule 19: a seat names only a registered person — the person it
 * follows, or the person an ex-officio seat names as the office's holder.
 *
 * Each pooled person is generated as registered or not; a seat names one of them. The command is
 * refused with `SeatPersonNotRegistered` exactly when the oracle — the generated set of
 * registered persons — does not hold the person named; otherwise it is accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, OfficeId, PersonId, SeatHolder } from '../../src/kernel/index.js';
import type * as Office from '../../src/office/index.js';
import type * as Person from '../../src/person/index.js';
import { calendarDateArbitrary } from '../../src/testing/arbitrary.js';
import { bodyWith, createSeatChecked } from './seating-world.js';

const OFFICE = 'chu-tich-ubnd-tinh' as OfficeId;
const PERSONS = ['nguyen-van-a', 'tran-thi-b', 'le-van-c'] as const;

const office = {
  status: 'established',
  officeId: OFFICE,
  authority: 'ubnd-tinh-binh-phuoc',
  establishedOn: '2018-01-01',
  names: [{ from: '2018-01-01', name: { vi: 'Chủ tịch UBND tỉnh' } }],
  holdings: [],
} as unknown as Office.OfficeState;

describe('docs/reference/domain.md rule 19: a seat names only a registered person', () => {
  it('refuses exactly the seats naming a person who is not registered', () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.subarray([...PERSONS]),
        fc.constantFrom(...PERSONS),
        fc.boolean(),
        calendarDateArbitrary('2018-01-01', '2019-12-31') as fc.Arbitrary<CalendarDate>,
        (registered, named, exOfficio, on) => {
          const person = named as PersonId;
          const holder: SeatHolder = exOfficio
            ? { follows: 'office', office: OFFICE, namedPerson: person }
            : { follows: 'person', person };
          const { refusal } = createSeatChecked(bodyWith([]), 'seat-moi', holder, on, {
            offices: (id) => (id === OFFICE ? office : undefined),
            persons: (id) =>
              (registered as ReadonlyArray<string>).includes(id)
                ? ({
                    status: 'registered',
                    personId: id,
                    name: id,
                    registeredOn: '2018-01-01',
                  } as unknown as Person.PersonState)
                : undefined,
          });
          const isRegistered = registered.includes(named);
          if (isRegistered) expect(refusal).toBeUndefined();
          else expect(refusal).toMatchObject({ _tag: 'SeatPersonNotRegistered', rule: 19, person });
          tally[isRegistered ? 'accepted' : 'refused'] += 1;
        },
      ),
      { numRuns: 200 },
    );
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(20);
  });
});

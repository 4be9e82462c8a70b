/**
 * docs/reference/domain.md rule 18: a seat names only an office that exists on the day its
 * holding begins — established by then and not yet abolished — whether it follows the office ex
 * officio or names a person as the office's holder.
 *
 * Each office is generated as never established, established on a date, or established and later
 * abolished; a seat naming it begins on a generated date. The command is refused with
 * `SeatOfficeNotInForce` exactly when the oracle — the office's dates read literally — says the
 * office does not exist that day; otherwise it is accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, OfficeId, PersonId, SeatHolder } from '../../src/kernel/index.js';
import type * as Office from '../../src/office/index.js';
import type * as Person from '../../src/person/index.js';
import { calendarDateArbitrary } from '../../src/testing/arbitrary.js';
import { bodyWith, createSeatChecked } from './seating-world.js';

const OFFICE = 'giam-doc-so-tttt' as OfficeId;
const PERSON = 'nguyen-van-a' as PersonId;
const date = calendarDateArbitrary('2018-01-01', '2019-12-31') as fc.Arbitrary<CalendarDate>;

/** An office's life as plain dates: never established, or established and maybe abolished. */
const officeLife = fc.option(
  fc
    .tuple(date, fc.option(date, { nil: undefined }))
    .filter(([from, to]) => to === undefined || from < to)
    .map(([from, to]) => ({ from, to })),
  { nil: undefined },
);

const stateOf = (life: { from: CalendarDate; to: CalendarDate | undefined } | undefined) =>
  (life === undefined
    ? { status: 'unestablished' }
    : {
        status: life.to === undefined ? 'established' : 'abolished',
        officeId: OFFICE,
        authority: 'ubnd-tinh-binh-phuoc',
        establishedOn: life.from,
        names: [{ from: life.from, name: { vi: 'Giám đốc Sở' } }],
        holdings: [],
        ...(life.to === undefined ? {} : { abolishedOn: life.to }),
      }) as Office.OfficeState;

const registered = {
  status: 'registered',
  personId: PERSON,
  name: 'Nguyễn Văn A',
  registeredOn: '2018-01-01',
} as Person.PersonState;

describe('docs/reference/domain.md rule 18: a seat names only an office in force when it begins', () => {
  it('refuses exactly the seats whose office does not exist on the first day of the holding', () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(officeLife, date, fc.boolean(), (life, on, exOfficio) => {
        const holder: SeatHolder = exOfficio
          ? { follows: 'office', office: OFFICE }
          : { follows: 'person', person: PERSON, asOffice: OFFICE };
        const { refusal } = createSeatChecked(bodyWith([]), 'seat-moi', holder, on, {
          offices: (id) => (id === OFFICE ? stateOf(life) : undefined),
          persons: (id) => (id === PERSON ? registered : undefined),
        });
        const exists =
          life !== undefined && life.from <= on && (life.to === undefined || on < life.to);
        if (exists) expect(refusal).toBeUndefined();
        else
          expect(refusal).toMatchObject({
            _tag: 'SeatOfficeNotInForce',
            rule: 18,
            office: OFFICE,
            on,
          });
        tally[exists ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: 300 },
    );
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(20);
  });
});

/**
 * docs/reference/domain.md rule 20: on no date does one person sit in two seats of a body —
 * through two offices they hold, or through a seat naming them and an office they hold.
 *
 * Generated office histories (acting and substantive holders, endings, abolitions) are decided by
 * the office decider and replayed naively (naive-office.ts); a body has up to three seats, two ex
 * officio and one naming a person; a new seat begins on a generated date, ex officio for a third
 * office or naming another person, so that no seat shares an office or a person id with another
 * (rule 3 stays out of the way). The oracle reads the naive holdings literally: the person behind
 * an office on a day is its substantive holder that day, else its acting holder. The new seat is
 * refused with `PersonSitsTwice` exactly when, on some day from its start, the person behind it is
 * the person behind another seat existing that day — naming the first such day and person — and
 * with `SeatOfficeNotInForce` when its office does not exist on its first day (rule 18).
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, OfficeId, PersonId, SeatHolder } from '../../src/kernel/index.js';
import { establisherOnly } from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import type * as Person from '../../src/person/index.js';
import {
  defaultOfficePools,
  officeHistoryArbitrary,
  officeWindowDates,
} from '../../src/testing/office-arbitraries.js';
import { covers, replay, type NaiveHolding, type NaiveOffice } from './naive-office.js';
import { bodyWith, createSeatChecked, type ExistingSeat } from './seating-world.js';

const [O1, O2, O3] = ['chu-tich-ubnd-tinh', 'giam-doc-so-tttt', 'giam-doc-so-tc'] as const;
const [P1, P2, P3] = ['nguyen-van-a', 'tran-thi-b', 'le-van-c'] as const;
const pools = {
  ...defaultOfficePools,
  offices: [O1, O2, O3] as const,
  persons: [P1, P2, P3] as const,
};
const date = officeWindowDates as fc.Arbitrary<CalendarDate>;

/** A seat's life: created on a date, maybe abolished on a later one. */
const seatLife = fc
  .tuple(date, fc.option(date, { nil: undefined }))
  .filter(([from, to]) => to === undefined || from < to);

const existingSeats: fc.Arbitrary<ReadonlyArray<ExistingSeat>> = fc
  .tuple(
    fc.option(seatLife, { nil: undefined }),
    fc.option(seatLife, { nil: undefined }),
    fc.option(seatLife, { nil: undefined }),
  )
  .map(([o1, o2, p1]) =>
    (
      [
        ['seat-o1', { follows: 'office', office: O1 as OfficeId }, o1],
        ['seat-o2', { follows: 'office', office: O2 as OfficeId }, o2],
        ['seat-p1', { follows: 'person', person: P1 as PersonId }, p1],
      ] as const
    ).flatMap(([seatId, holder, life]) =>
      life === undefined
        ? []
        : [
            {
              seatId,
              holder,
              createdOn: life[0],
              ...(life[1] === undefined ? {} : { abolishedOn: life[1] }),
            },
          ],
    ),
  );

const newHolder: fc.Arbitrary<SeatHolder> = fc.constantFrom<SeatHolder>(
  { follows: 'office', office: O3 as OfficeId },
  { follows: 'person', person: P2 as PersonId },
  { follows: 'person', person: P3 as PersonId },
);

// -------------------------------------------------------------------------------------------------
// The oracle: plain dates and holdings, read literally
// -------------------------------------------------------------------------------------------------

const existsOn = (office: NaiveOffice | undefined, day: string) =>
  office !== undefined &&
  office.establishedOn <= day &&
  (office.abolishedOn === undefined || day < office.abolishedOn);

/** The person behind an office on a day: its substantive holder, else its acting holder. */
function behind(office: NaiveOffice | undefined, day: string): string | undefined {
  if (!existsOn(office, day)) return undefined;
  const covering = (office?.holdings ?? []).filter((h) => covers(h, day));
  const latest = (capacity: string) =>
    covering
      .filter((h) => h.capacity === capacity)
      .reduce<NaiveHolding | undefined>(
        (last, h) => (last === undefined || h.from >= last.from ? h : last),
        undefined,
      );
  return (latest('substantive') ?? latest('acting'))?.person;
}

const personBehind = (holder: SeatHolder, offices: Map<string, NaiveOffice>, day: string) =>
  holder.follows === 'person' ? holder.person : behind(offices.get(holder.office), day);

/** The first day from `from` on which the new seat's person sits in another seat, if any. */
function firstDoubleSitting(
  seats: ReadonlyArray<ExistingSeat>,
  holder: SeatHolder,
  from: string,
  offices: Map<string, NaiveOffice>,
): { day: string; person: string } | undefined {
  const days = new Set<string>([from]);
  for (const seat of seats) {
    days.add(seat.createdOn);
    if (seat.abolishedOn !== undefined) days.add(seat.abolishedOn);
  }
  for (const office of offices.values()) {
    days.add(office.establishedOn);
    if (office.abolishedOn !== undefined) days.add(office.abolishedOn);
    for (const h of office.holdings) {
      days.add(h.from);
      if (h.to !== undefined) days.add(h.to);
    }
  }
  for (const day of [...days].filter((d) => d >= from).sort()) {
    const person = personBehind(holder, offices, day);
    if (person === undefined) continue;
    for (const seat of seats) {
      const alive =
        seat.createdOn <= day && (seat.abolishedOn === undefined || day < seat.abolishedOn);
      if (alive && personBehind(seat.holder, offices, day) === person) return { day, person };
    }
  }
  return undefined;
}

// -------------------------------------------------------------------------------------------------
// The property
// -------------------------------------------------------------------------------------------------

const registered = (id: PersonId): Person.PersonState => ({
  status: 'registered',
  personId: id,
  name: id as unknown as Person.RegisteredPerson['name'],
  registeredOn: '2018-01-01' as CalendarDate,
});

describe('docs/reference/domain.md rule 20: one person sits at most once in a body on a date', () => {
  it('refuses a new seat exactly when its person would sit in another seat on some day', () => {
    const tally = { accepted: 0, twice: 0, noOffice: 0 };
    fc.assert(
      fc.property(
        officeHistoryArbitrary(pools),
        existingSeats,
        newHolder,
        date,
        (commands, seats, holder, on) => {
          const states = new Map<string, Office.OfficeState>();
          const accepted = new Map<string, Office.Event[]>();
          for (const command of commands) {
            const id = command.data.officeId;
            const before = states.get(id) ?? Office.decider.initialState;
            const outcome = Office.decider.decide(command, before, {
              jurisdiction: establisherOnly,
            });
            if (isLeft(outcome)) continue;
            states.set(id, outcome.right.reduce(Office.decider.evolve, before));
            accepted.set(id, [...(accepted.get(id) ?? []), ...outcome.right]);
          }
          const naive = new Map<string, NaiveOffice>();
          for (const [id, events] of accepted) {
            const office = replay(events);
            if (office !== undefined) naive.set(id, office);
          }

          const { refusal } = createSeatChecked(bodyWith(seats), 'seat-moi', holder, on, {
            offices: (id) => states.get(id),
            persons: registered,
          });

          if (holder.follows === 'office' && !existsOn(naive.get(holder.office), on)) {
            expect(refusal).toMatchObject({ _tag: 'SeatOfficeNotInForce', office: holder.office });
            tally.noOffice += 1;
            return;
          }
          const twice = firstDoubleSitting(seats, holder, on, naive);
          if (twice === undefined) {
            expect(refusal).toBeUndefined();
            tally.accepted += 1;
          } else {
            expect(refusal).toMatchObject({
              _tag: 'PersonSitsTwice',
              rule: 20,
              person: twice.person,
              on: twice.day,
            });
            tally.twice += 1;
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(tally.accepted).toBeGreaterThan(30);
    expect(tally.twice).toBeGreaterThan(30);
  });
});

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
 *
 * From the office's side: with the seats in place (up to three ex officio, one per office, and one
 * naming a person), generated office commands — appointments, endings, abolitions, and corrections
 * of recorded holdings' dates — are decided by the office decider, and each accepted one that
 * changes who holds the office is checked against the body. The oracle replays the accepted
 * events literally (a correction replaces the holding it names) and refuses a command exactly
 * when, with it, some person sits in two seats on some day, naming the earliest such day.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type {
  CalendarDate,
  EventId,
  OfficeId,
  PersonId,
  RecordedEvents,
  SeatHolder,
} from '../../src/kernel/index.js';
import { LegalBasis, decodeWith, establisherOnly } from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import * as Seating from '../../src/seating/index.js';
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

// -------------------------------------------------------------------------------------------------
// From the office's side: office commands after the seats exist
// -------------------------------------------------------------------------------------------------

/** The body's seats: each office followed by at most one seat, and one seat naming P1. */
const followingSeats: fc.Arbitrary<ReadonlyArray<ExistingSeat>> = fc
  .tuple(
    fc.option(seatLife, { nil: undefined }),
    fc.option(seatLife, { nil: undefined }),
    fc.option(seatLife, { nil: undefined }),
    fc.option(seatLife, { nil: undefined }),
  )
  .map((lives) =>
    (
      [
        ['seat-o1', { follows: 'office', office: O1 as OfficeId }],
        ['seat-o2', { follows: 'office', office: O2 as OfficeId }],
        ['seat-o3', { follows: 'office', office: O3 as OfficeId }],
        ['seat-p1', { follows: 'person', person: P1 as PersonId }],
      ] as const
    ).flatMap(([seatId, holder], index) => {
      const life = lives[index];
      return life === undefined
        ? []
        : [
            {
              seatId,
              holder,
              createdOn: life[0],
              ...(life[1] === undefined ? {} : { abolishedOn: life[1] }),
            },
          ];
    }),
  );

/** A correction of a recorded holding: which event it names, and the dates it gives. */
const correctionPick = fc.record({
  target: fc.nat(),
  from: date,
  to: fc.option(date, { nil: undefined }),
});

/** The office steps after the establishments: commands, or corrections of recorded holdings. */
const officeSteps = fc.array(
  fc.oneof(
    { arbitrary: officeHistoryArbitrary(pools, { maxLength: 6 }).map((c) => ({ c })), weight: 3 },
    { arbitrary: correctionPick.map((pick) => ({ pick })), weight: 2 },
  ),
  { minLength: 1, maxLength: 8 },
);

/** An office, as the oracle reads its accepted events: plain dates and holdings. */
interface PlainOffice {
  establishedOn: string;
  abolishedOn?: string;
  holdings: NaiveHolding[];
}

/** Replays an office's accepted events literally; a correction replaces the holding it names. */
function plainOffice(events: ReadonlyArray<Office.Event>): PlainOffice | undefined {
  let office: PlainOffice | undefined;
  for (const { type, data } of JSON.parse(JSON.stringify(events)) as Office.Event[]) {
    if (type === 'OfficeEstablished') office = { establishedOn: data.effectiveOn, holdings: [] };
    if (office === undefined) continue;
    if (type === 'OfficeAbolished') office.abolishedOn = data.effectiveOn;
    if (type === 'OfficeHolderAppointed')
      office.holdings.push({
        person: data.person,
        capacity: data.capacity,
        from: data.effectiveOn,
      });
    if (type === 'OfficeHolderEnded') {
      const open = office.holdings.find(
        (h) =>
          h.person === data.person &&
          h.capacity === data.capacity &&
          h.from === data.since &&
          h.to === undefined,
      );
      if (open !== undefined) open.to = data.effectiveOn;
    }
    if (type === 'OfficeHoldingCorrected') {
      const was = office.holdings.find(
        (h) =>
          h.person === data.person &&
          h.capacity === data.capacity &&
          h.from === data.was.from &&
          h.to === data.was.to,
      );
      if (was !== undefined) {
        was.from = data.holding.from;
        if (data.holding.to === undefined) delete was.to;
        else was.to = data.holding.to;
      }
    }
  }
  return office;
}

/** The earliest day on which some person sits in two live seats, and who does that day. */
function earliestDoubleSitting(
  seats: ReadonlyArray<ExistingSeat>,
  offices: Map<string, PlainOffice>,
): { day: string; persons: string[] } | undefined {
  const days = new Set<string>();
  for (const seat of seats) days.add(seat.createdOn);
  for (const office of offices.values())
    for (const h of office.holdings) {
      days.add(h.from);
      if (h.to !== undefined) days.add(h.to);
    }
  const asNaive = new Map<string, NaiveOffice>(
    [...offices].map(([id, o]) => [
      id,
      {
        authority: '',
        establishedOn: o.establishedOn,
        ...(o.abolishedOn === undefined ? {} : { abolishedOn: o.abolishedOn }),
        nameDates: [],
        holdings: o.holdings,
      },
    ]),
  );
  for (const day of [...days].sort()) {
    const sitting = seats
      .filter((s) => s.createdOn <= day && (s.abolishedOn === undefined || day < s.abolishedOn))
      .map((s) => personBehind(s.holder, asNaive, day))
      .filter((person): person is string => person !== undefined);
    const twice = sitting.filter((person, i) => sitting.indexOf(person) !== i);
    if (twice.length > 0) return { day, persons: twice };
  }
  return undefined;
}

const correctionBasis = (issuer: string) => {
  const basis = decodeWith(LegalBasis, {
    type: 'decision',
    number: '99/QĐ-UBND',
    issuer,
    signer: { name: 'Người ký' },
    signedOn: '2022-01-10',
  });
  if (isLeft(basis)) throw new Error('bad generated correction basis');
  return basis.right;
};

describe('docs/reference/domain.md rule 20, from the office side', () => {
  it('refuses an office command exactly when it would seat a person twice in a following body', () => {
    const tally = {
      accepted: 0,
      twice: 0,
      corrections: 0,
      ends: 0,
      twiceByCorrection: 0,
    };
    fc.assert(
      fc.property(followingSeats, officeSteps, (seats, steps) => {
        const body = bodyWith(seats);
        const states = new Map<string, Office.OfficeState>();
        const accepted = new Map<string, Office.Event[]>();
        const recorded = new Map<EventId, Office.Event>();
        const context = {
          jurisdiction: establisherOnly,
          recorded: recorded as RecordedEvents<Office.Event>,
        };
        /** The commands of one step; a correction names an event recorded by then. */
        const commandsOf = (step: (typeof steps)[number]): ReadonlyArray<Office.Command> => {
          if ('c' in step) return [...step.c];
          const ids = [...recorded]
            .filter(
              ([, event]) =>
                event.type !== 'OfficeEstablished' &&
                event.type !== 'OfficeRenamed' &&
                event.type !== 'OfficeAbolished',
            )
            .map(([eventId]) => eventId);
          const corrects = ids[step.pick.target % Math.max(ids.length, 1)];
          const target = corrects === undefined ? undefined : recorded.get(corrects);
          const office = target === undefined ? undefined : states.get(target.data.officeId);
          if (corrects === undefined || office === undefined || office.status === 'unestablished')
            return [];
          return [
            {
              type: 'CorrectOfficeHolding',
              data: {
                officeId: office.officeId,
                corrects,
                effectiveOn: step.pick.from as CalendarDate,
                ...(step.pick.to === undefined ? {} : { to: step.pick.to as CalendarDate }),
                basis: correctionBasis(office.authority),
              },
            },
          ];
        };
        // Built step by step: a correction names an event recorded by the steps before it.
        for (const step of steps)
          for (const command of commandsOf(step)) {
            const id = command.data.officeId;
            const before = states.get(id) ?? Office.decider.initialState;
            const outcome = Office.decider.decide(command, before, context);
            if (isLeft(outcome) || outcome.right.length === 0) continue;
            const after = outcome.right.reduce(Office.decider.evolve, before);
            const refusal = Seating.changesWhoHolds(outcome.right)
              ? Seating.officeChangeRefusal(id, [body], (office) =>
                  office === id ? after : states.get(office),
                )
              : undefined;

            const plain = new Map<string, PlainOffice>();
            for (const [office, events] of accepted) {
              const replayed = plainOffice(office === id ? [...events, ...outcome.right] : events);
              if (replayed !== undefined) plain.set(office, replayed);
            }
            if (!accepted.has(id)) {
              const replayed = plainOffice(outcome.right);
              if (replayed !== undefined) plain.set(id, replayed);
            }
            const twice = earliestDoubleSitting(seats, plain);
            if (twice === undefined) {
              expect(refusal).toBeUndefined();
              tally.accepted += 1;
              if (command.type === 'CorrectOfficeHolding') tally.corrections += 1;
              if (command.type === 'EndOfficeHolding') tally.ends += 1;
              states.set(id, after);
              accepted.set(id, [...(accepted.get(id) ?? []), ...outcome.right]);
              for (const event of outcome.right)
                recorded.set(`event-${recorded.size + 1}` as EventId, event);
            } else {
              expect(refusal).toMatchObject({ _tag: 'PersonSitsTwice', rule: 20, on: twice.day });
              expect(twice.persons).toContain(refusal?.person);
              tally.twice += 1;
              if (command.type === 'CorrectOfficeHolding') tally.twiceByCorrection += 1;
            }
          }
      }),
      { numRuns: 400 },
    );
    expect(tally.accepted).toBeGreaterThan(800);
    expect(tally.twice).toBeGreaterThan(60);
    expect(tally.corrections).toBeGreaterThan(50);
    expect(tally.ends).toBeGreaterThan(40);
    // Rare (about ten a run): the example tests of office-change.ts pin it down whatever the seed.
    expect(tally.twiceByCorrection).toBeGreaterThan(0);
  });
});

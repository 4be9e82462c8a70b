/**
 * docs/reference/domain.md rule 20: on no date does one person sit in two seats of a body —
 * through two offices they hold, or through a seat naming them and an office they hold.
 *
 * Generated office histories (acting and substantive holders, endings, abolitions), with
 * handovers — appointments and ends — on the days the seats change or between, are decided by the
 * office decider and replayed naively (naive-office.ts). A body has up to three seats, following
 * O1, following O2 and naming P1; each may pass to a later holder (one of those, or P2), never
 * two alike on one day (rule 3). A decision then begins one holding, for O3, P2 or P3: a new seat
 * (beside a rename, a duty and an obligation, which begin none), or a correction of the holder a
 * recorded creation or replacement named — a holding that a later holder, the seat's abolition
 * or the body's end closes. The oracle reads the plain holdings literally: the person behind an
 * office on a day is its substantive holder that day, else its acting holder. The decision is
 * refused `HolderInTwoSeats` when its holder holds another seat on a day of the holding (rule 3),
 * else `SeatOfficeNotInForce` when its office does not exist on the holding's first day (rule
 * 18), else `PersonSitsTwice` exactly when, on some day of the holding, the person behind it is
 * the person behind another seat that day — naming the first such day and person. A later holder
 * already sitting twice is not the new holding's doing.
 *
 * From the office's side: with the seats in place (up to three ex officio, one per office, and one
 * naming a person, each of which may pass to a later holder, so a holding following an office may
 * end), generated office commands — appointments, endings, abolitions, corrections of recorded
 * holdings' dates, and handovers on the days the seats change — are decided by the office decider, and each accepted one that
 * changes who holds the office is checked against the body. The oracle replays the accepted
 * events literally (a correction replaces the holding it names) and refuses a command exactly
 * when, with it, some person sits in two seats on some day, naming the earliest such day.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type * as Body from '../../src/body/index.js';
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  CalendarDate,
  DutyId,
  EventId,
  ObligationId,
  OfficeId,
  PersonId,
  RecordedEvents,
  SeatHolder,
} from '../../src/kernel/index.js';
import { LegalBasis, decodeWith, establisherOnly } from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import * as Seating from '../../src/seating/index.js';
import type * as Person from '../../src/person/index.js';
import { calendarDateArbitrary } from '../../src/testing/arbitrary.js';
import {
  defaultOfficePools,
  officeHistoryArbitrary,
  officeWindowDates,
} from '../../src/testing/office-arbitraries.js';
import { covers, replay, type NaiveHolding, type NaiveOffice } from './naive-office.js';
import {
  bodyEventsWith,
  bodyWith,
  correctHolderChecked,
  createSeatChecked,
  type ExistingSeat,
} from './seating-world.js';

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

const exOfficio = (id: string): SeatHolder => ({ follows: 'office', office: id as OfficeId });
const named = (id: string): SeatHolder => ({ follows: 'person', person: id as PersonId });

/** Who a holder is, for rule 3: the office it follows or the person it names. */
const identity = (holder: SeatHolder) =>
  holder.follows === 'office' ? `office ${holder.office}` : `person ${holder.person}`;

/** One holding of a seat, over the days [from, to): `to` absent while it lasts. */
interface Sitting {
  readonly holder: SeatHolder;
  readonly from: string;
  readonly to: string | undefined;
}

/**
 * The holdings of an existing seat: the first until a later holder replaces it, the later one
 * until the seat is abolished; either ends when the body does (`endedOn`), if it ends earlier.
 */
function sittings(seat: ExistingSeat, endedOn?: string): ReadonlyArray<Sitting> {
  const closes = seat.abolishedOn ?? endedOn;
  const first = { holder: seat.holder, from: seat.createdOn, to: seat.replaced?.on ?? closes };
  return seat.replaced === undefined
    ? [first]
    : [first, { holder: seat.replaced.holder, from: seat.replaced.on, to: closes }];
}

const overlap = (a: Sitting, b: Sitting) =>
  (a.to === undefined || b.from < a.to) && (b.to === undefined || a.from < b.to);

/** Rule 3 read literally: no office or named person holds two seats on one day. */
const oneSeatPerHolder = (seats: ReadonlyArray<ExistingSeat>) =>
  seats.every((seat, i) =>
    seats
      .slice(i + 1)
      .every((other) =>
        sittings(seat).every((a) =>
          sittings(other).every((b) => identity(a.holder) !== identity(b.holder) || !overlap(a, b)),
        ),
      ),
  );

/**
 * The seats of a body: each begins with its own holder (no two alike) and may pass, on a later day
 * before any abolition, to one of `later`, unless an office or named person would then hold two
 * seats on one day (rule 3, which the body decider checks on the whole roster).
 */
const seatsWith = (
  firsts: ReadonlyArray<readonly [string, SeatHolder]>,
  later: ReadonlyArray<SeatHolder>,
  life: fc.Arbitrary<readonly [CalendarDate, CalendarDate | undefined]>,
): fc.Arbitrary<ReadonlyArray<ExistingSeat>> =>
  fc
    .tuple(
      ...firsts.map(() =>
        fc.option(
          fc.tuple(
            life,
            fc.option(fc.tuple(date, fc.constantFrom(...later)), { nil: undefined, freq: 4 }),
          ),
          { nil: undefined, freq: 4 },
        ),
      ),
    )
    .map((drawn) => {
      const seats = firsts.flatMap(([seatId, holder], index): ExistingSeat[] => {
        const [life] = drawn[index] ?? [];
        if (life === undefined) return [];
        const [createdOn, abolishedOn] = life;
        return [
          { seatId, holder, createdOn, ...(abolishedOn === undefined ? {} : { abolishedOn }) },
        ];
      });
      // Each seat passes to its later holder unless the order of dates or rule 3 forbids it.
      return seats.reduce<ReadonlyArray<ExistingSeat>>((world, seat, index) => {
        const replacement = drawn[firsts.findIndex(([id]) => id === seat.seatId)]?.[1];
        if (
          replacement === undefined ||
          replacement[0] <= seat.createdOn ||
          (seat.abolishedOn !== undefined && replacement[0] >= seat.abolishedOn) ||
          identity(replacement[1]) === identity(seat.holder)
        )
          return world;
        const passed = world.map((s, i) =>
          i === index ? { ...s, replaced: { on: replacement[0], holder: replacement[1] } } : s,
        );
        return oneSeatPerHolder(passed) ? passed : world;
      }, seats);
    });

/**
 * The body's seats on the body's side: one following O1, one following O2 and one naming P1, each
 * of which may pass to another of those holders or to P2, also a new holding's candidate (so a
 * seat's later holder may sit twice in the body already: nothing checked it, and a new holding
 * must not be blamed for it).
 */
const existingSeats = seatsWith(
  [
    ['seat-o1', exOfficio(O1)],
    ['seat-o2', exOfficio(O2)],
    ['seat-p1', named(P1)],
  ],
  [exOfficio(O1), exOfficio(O2), named(P1), named(P2), named(P2)],
  fc
    .tuple(
      date,
      fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: date, weight: 1 }),
    )
    .filter(([from, to]) => to === undefined || from < to),
);

const newHolder: fc.Arbitrary<SeatHolder> = fc.constantFrom<SeatHolder>(
  exOfficio(O3),
  named(P2),
  named(P3),
);

/** Changes a decision may make beside a seat's creation, none of which begins a holding. */
const besides: ReadonlyArray<Body.BodyChange> = [
  { change: 'Rename', name: { vi: 'Ban Chỉ đạo chuyển đổi số' } as BilingualName },
  {
    change: 'AssignDuty',
    dutyId: 'dieu-phoi' as DutyId,
    category: 'coordinate',
    text: { vi: 'Điều phối' } as BilingualText,
  },
  {
    change: 'ImposeReportingObligation',
    obligationId: 'bao-cao-nam' as ObligationId,
    kind: 'report',
    cadence: 'annual',
    dueDaysAfterPeriodEnd: 15 as Extract<
      Body.BodyChange,
      { change: 'ImposeReportingObligation' }
    >['dueDaysAfterPeriodEnd'],
    recipients: [{ kind: 'authority', authority: 'ubnd-tinh-binh-phuoc' as AuthorityId }],
  },
];

/**
 * Offices changing hands on the days the seats change, or between: an appointment (mostly
 * substantive) or the end of a holding, on a drawn date or on one of the seats' own days, picked
 * by index once they are known.
 */
const handover = fc.record({
  office: fc.constantFrom(O1, O2, O1, O2, O3),
  person: fc.constantFrom(P1, P2, P2, P3),
  capacity: fc.constantFrom('substantive', 'substantive', 'acting'),
  ends: fc.constantFrom(false, false, false, true),
  on: fc.oneof(
    date.map((free) => ({ free })),
    fc.nat().map((seatDay) => ({ seatDay })),
  ),
});
type Handover = typeof handover extends fc.Arbitrary<infer H> ? H : never;
const handovers = fc.array(handover, { maxLength: 8 });

/** Every day a seat is created, passes to a later holder or is abolished, and `more`, in order. */
const seatDays = (seats: ReadonlyArray<ExistingSeat>, more: ReadonlyArray<CalendarDate>) =>
  [
    ...new Set([
      ...seats.flatMap((seat) => [seat.createdOn, seat.replaced?.on, seat.abolishedOn]),
      ...more,
    ]),
  ]
    .filter((day): day is CalendarDate => day !== undefined)
    .sort();

/** The handovers as office commands, in order of date, given the days the seats change on. */
function handoverCommands(
  drawn: ReadonlyArray<Handover>,
  seatDays: ReadonlyArray<string>,
): ReadonlyArray<Office.Command> {
  return drawn
    .map(({ office, person, capacity, ends, on }) => {
      const effectiveOn =
        ('free' in on ? on.free : seatDays[on.seatDay % seatDays.length]) ?? '2019-01-01';
      const data = {
        officeId: office as OfficeId,
        person: person as PersonId,
        capacity: capacity as Office.Capacity,
        basis: correctionBasis('ubnd-tinh-binh-phuoc'),
        effectiveOn: effectiveOn as CalendarDate,
      };
      return ends
        ? { type: 'EndOfficeHolding' as const, data }
        : { type: 'AppointOfficeHolder' as const, data };
    })
    .sort((a, b) => (a.data.effectiveOn < b.data.effectiveOn ? -1 : 1));
}

/**
 * The decision that begins the holding: a new seat (among changes that begin none), or a
 * correction of the holder a recorded creation or replacement named, in a body that may have
 * ended since.
 */
const beginning = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    on: date,
    besides: fc.shuffledSubarray([...besides]),
    split: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('correct' as const),
    target: fc.nat(),
    replacedLater: fc.boolean(),
    endedOn: fc.option(calendarDateArbitrary('2021-01-01', '2022-12-31'), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('correct' as const),
    target: fc.nat(),
    replacedLater: fc.constant(true),
    endedOn: fc.constant(undefined),
  }),
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

/** Every day on which an office's holders, or its life, change. */
const officeDays = (offices: Map<string, NaiveOffice>) =>
  [...offices.values()].flatMap((office) => [
    office.establishedOn,
    ...(office.abolishedOn === undefined ? [] : [office.abolishedOn]),
    ...office.holdings.flatMap((h) => (h.to === undefined ? [h.from] : [h.from, h.to])),
  ]);

const within = (sitting: Sitting, day: string) =>
  sitting.from <= day && (sitting.to === undefined || day < sitting.to);

/**
 * The first day of the holding `held` on which the person behind it sits through one of `others`
 * (the other seats' holdings) too, if any.
 */
function firstDoubleSitting(
  held: Sitting,
  others: ReadonlyArray<Sitting>,
  offices: Map<string, NaiveOffice>,
): { day: string; person: string } | undefined {
  const days = new Set<string>([held.from, ...officeDays(offices)]);
  for (const other of others) {
    days.add(other.from);
    if (other.to !== undefined) days.add(other.to);
  }
  for (const day of [...days].filter((d) => within(held, d)).sort()) {
    const person = personBehind(held.holder, offices, day);
    if (person === undefined) continue;
    if (others.some((o) => within(o, day) && personBehind(o.holder, offices, day) === person))
      return { day, person };
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

/** The offices the commands leave: as the decider folds them, and replayed naively. */
function decideOffices(commands: ReadonlyArray<Office.Command>) {
  const states = new Map<string, Office.OfficeState>();
  const accepted = new Map<string, Office.Event[]>();
  for (const command of commands) {
    const id = command.data.officeId;
    const before = states.get(id) ?? Office.decider.initialState;
    const outcome = Office.decider.decide(command, before, { jurisdiction: establisherOnly });
    if (isLeft(outcome)) continue;
    states.set(id, outcome.right.reduce(Office.decider.evolve, before));
    accepted.set(id, [...(accepted.get(id) ?? []), ...outcome.right]);
  }
  const naive = new Map<string, NaiveOffice>();
  for (const [id, events] of accepted) {
    const replayed = replay(events);
    if (replayed !== undefined) naive.set(id, replayed);
  }
  return { states, naive };
}

describe('docs/reference/domain.md rule 20: one person sits at most once in a body on a date', () => {
  it('refuses a new holding exactly when its person would sit in another seat on some day of it', () => {
    const tally = {
      accepted: 0,
      twice: 0,
      noOffice: 0,
      corrected: 0,
      correctedTwice: 0,
      endedByLaterHolder: 0,
      laterHolderSitsTwice: 0,
      endedWithBody: 0,
      besides: 0,
      holderInTwoSeats: 0,
    };
    fc.assert(
      fc.property(
        fc.oneof(officeHistoryArbitrary(pools), officeHistoryArbitrary(pools, { maxLength: 3 })),
        existingSeats,
        newHolder,
        beginning,
        handovers,
        (history, seats, holder, decision, handed) => {
          const days = seatDays(seats, decision.kind === 'create' ? [decision.on] : []);
          const commands = [...history, ...handoverCommands(handed, days)];
          const { states, naive } = decideOffices(commands);
          const facts = { offices: (id: OfficeId) => states.get(id), persons: registered };

          // The holding the decision begins, and the other seats' holdings beside it.
          let held: Sitting;
          let others: ReadonlyArray<Sitting>;
          let refusal: ReturnType<typeof createSeatChecked>['refusal'];
          let after: Sitting | undefined;
          if (decision.kind === 'create') {
            const split = decision.split % (decision.besides.length + 1);
            ({ refusal } = createSeatChecked(
              bodyWith(seats),
              'seat-moi',
              holder,
              decision.on,
              facts,
              {
                before: decision.besides.slice(0, split),
                after: decision.besides.slice(split),
              },
            ));
            held = { holder, from: decision.on, to: undefined };
            others = seats.flatMap((seat) => sittings(seat));
            if (decision.besides.length > 0) tally.besides += 1;
          } else {
            const lastDay = seats
              .flatMap((seat) => [seat.createdOn, seat.replaced?.on, seat.abolishedOn])
              .reduce<string>((last, day) => (day !== undefined && day > last ? day : last), '');
            const endedOn =
              decision.endedOn !== undefined && decision.endedOn > lastDay
                ? decision.endedOn
                : undefined;
            const all = seats.flatMap((seat) =>
              sittings(seat, endedOn).map((sitting, index) => ({ seat, sitting, index })),
            );
            // Mostly a holding a later holder ends, when there is one.
            const replacedLater = all.filter(({ seat, index }) => index === 0 && seat.replaced);
            const targets =
              decision.replacedLater && replacedLater.length > 0 ? replacedLater : all;
            const target = targets[decision.target % Math.max(targets.length, 1)];
            if (target === undefined) return;
            const recorded = bodyEventsWith(seats, endedOn as CalendarDate | undefined);
            const corrects = [...recorded].find(
              ([, event]) =>
                (event.type === 'SeatCreated' || event.type === 'SeatHolderReplaced') &&
                event.data.seatId === target.seat.seatId &&
                event.data.effectiveOn === target.sitting.from,
            )?.[0];
            if (corrects === undefined) throw new Error('The corrected event was not recorded');
            ({ refusal } = correctHolderChecked(recorded, corrects, holder, facts));
            if (identity(target.sitting.holder) === identity(holder)) {
              // Correcting a holder to itself records nothing, and begins no holding.
              expect(refusal).toBeUndefined();
              return;
            }
            held = { ...target.sitting, holder };
            others = seats
              .filter((seat) => seat.seatId !== target.seat.seatId)
              .flatMap((seat) => sittings(seat, endedOn));
            after = sittings(target.seat, endedOn)[target.index + 1];
            tally.corrected += 1;
            if (after !== undefined) tally.endedByLaterHolder += 1;
            if (endedOn !== undefined && target.seat.abolishedOn === undefined)
              tally.endedWithBody += 1;
          }

          // Rule 3 first (the body decider's): a later holder elsewhere may be the new one.
          if (
            others.some((o) => identity(o.holder) === identity(held.holder) && overlap(o, held))
          ) {
            expect(refusal).toMatchObject({ _tag: 'HolderInTwoSeats' });
            tally.holderInTwoSeats += 1;
            return;
          }
          if (
            held.holder.follows === 'office' &&
            !existsOn(naive.get(held.holder.office), held.from)
          ) {
            expect(refusal).toMatchObject({
              _tag: 'SeatOfficeNotInForce',
              office: held.holder.office,
            });
            tally.noOffice += 1;
            return;
          }
          const twice = firstDoubleSitting(held, others, naive);
          if (twice === undefined) {
            expect(refusal).toBeUndefined();
            tally.accepted += 1;
            // The later holder sitting twice is not the new holding's doing.
            if (after !== undefined && firstDoubleSitting(after, others, naive) !== undefined)
              tally.laterHolderSitsTwice += 1;
          } else {
            expect(refusal).toMatchObject({
              _tag: 'PersonSitsTwice',
              rule: 20,
              person: twice.person,
              on: twice.day,
            });
            tally.twice += 1;
            if (decision.kind === 'correct') tally.correctedTwice += 1;
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(tally.accepted).toBeGreaterThan(200);
    expect(tally.twice).toBeGreaterThan(30);
    expect(tally.noOffice).toBeGreaterThan(20);
    expect(tally.besides).toBeGreaterThan(60);
    expect(tally.corrected).toBeGreaterThan(200);
    expect(tally.correctedTwice).toBeGreaterThan(10);
    expect(tally.endedByLaterHolder).toBeGreaterThan(50);
    expect(tally.endedWithBody).toBeGreaterThan(30);
    expect(tally.holderInTwoSeats).toBeGreaterThan(3);
    // About a dozen a run: a later holder already sitting twice, which the new holding is not
    // blamed for.
    expect(tally.laterHolderSitsTwice).toBeGreaterThan(2);
  });
});

// -------------------------------------------------------------------------------------------------
// From the office's side: office commands after the seats exist
// -------------------------------------------------------------------------------------------------

/**
 * The body's seats on the office's side: one following each office and one naming P1, each of
 * which may pass to another of those holders or to P2 (so a holding following an office may end
 * with a later holder), never two alike on one day (rule 3).
 */
const followingSeats = seatsWith(
  [
    ['seat-o1', exOfficio(O1)],
    ['seat-o2', exOfficio(O2)],
    ['seat-o3', exOfficio(O3)],
    ['seat-p1', named(P1)],
  ],
  [exOfficio(O1), exOfficio(O2), exOfficio(O3), named(P1), named(P2)],
  seatLife,
);

/** A correction of a recorded holding: which event it names, and the dates it gives. */
const correctionPick = fc.record({
  target: fc.nat(),
  from: date,
  to: fc.option(date, { nil: undefined }),
});

/**
 * The office steps after the establishments: commands, corrections of recorded holdings, or
 * handovers on the seats' own days.
 */
const officeSteps = fc.array(
  fc.oneof(
    { arbitrary: officeHistoryArbitrary(pools, { maxLength: 6 }).map((c) => ({ c })), weight: 3 },
    { arbitrary: correctionPick.map((pick) => ({ pick })), weight: 3 },
    { arbitrary: handover.map((handed) => ({ handed })), weight: 2 },
  ),
  { minLength: 1, maxLength: 10 },
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
  const held = seats.map((seat) => sittings(seat));
  const days = new Set<string>(held.flat().map((sitting) => sitting.from));
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
    const sitting = held
      .flatMap((seat) => seat.filter((s) => within(s, day)))
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
      handedOver: 0,
      followedUntilLaterHolder: 0,
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
          if ('handed' in step) return handoverCommands([step.handed], seatDays(seats, []));
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
            if ('handed' in step) tally.handedOver += 1;
            if (
              seats.some(
                (seat) => seat.replaced !== undefined && identity(seat.holder) === `office ${id}`,
              )
            )
              tally.followedUntilLaterHolder += 1;
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
      { numRuns: 500 },
    );
    expect(tally.accepted).toBeGreaterThan(800);
    expect(tally.twice).toBeGreaterThan(60);
    expect(tally.corrections).toBeGreaterThan(50);
    expect(tally.ends).toBeGreaterThan(40);
    // Rare (a few a run): the example tests of office-change.ts pin it down whatever the seed.
    expect(tally.twiceByCorrection).toBeGreaterThan(0);
    expect(tally.handedOver).toBeGreaterThan(50);
    expect(tally.followedUntilLaterHolder).toBeGreaterThan(100);
  });
});

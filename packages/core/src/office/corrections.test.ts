/**
 * Given/When/Then examples for corrections of office holdings (rule 14, judged by rules 6 and
 * 16): which recorded event a correction may name, the holder a moved start carries along and the
 * event it names for them, the office's life, and what is refused. Histories are decided command
 * by command, their events recorded as `event-1`, `event-2`, … in order. Dates and persons are
 * placeholders.
 */
import { isLeft, type Either } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { establisherOnly, type EventId, type RecordedEvents } from '../kernel/index.js';
import { Command, Event, decider, type OfficeState, type Refusal } from './index.js';

const OFFICE = 'giam-doc-so-tttt';
const OTHER_OFFICE = 'chu-tich-ubnd-tinh';
const BP = 'ubnd-tinh-binh-phuoc';
const A = 'nguyen-van-a';
const B = 'tran-thi-b';
const C = 'le-van-c';

const basis = (signedOn: string) => ({
  type: 'decision',
  number: `DEMO-${signedOn.replaceAll('-', '')}/QĐ-UBND`,
  issuer: BP,
  signer: { name: 'Người ký' },
  signedOn,
});
const source = (signedOn: string) => ({ kind: 'instrument', instrument: basis(signedOn) });

function command(json: unknown): Command {
  const result = Command.decode(json);
  if (isLeft(result)) throw new Error(`Fixture does not decode as an office command`);
  return result.right;
}
function event(json: unknown): Event {
  const result = Event.decode(json);
  if (isLeft(result)) throw new Error('Fixture does not decode as an office event');
  return result.right;
}

const establish = (on: string) =>
  command({
    type: 'EstablishOffice',
    data: {
      officeId: OFFICE,
      authority: BP,
      name: { vi: 'Giám đốc Sở' },
      basis: basis(on),
      effectiveOn: on,
    },
  });
const appoint = (person: string, capacity: string, on: string) =>
  command({
    type: 'AppointOfficeHolder',
    data: { officeId: OFFICE, person, capacity, basis: basis(on), effectiveOn: on },
  });
const end = (person: string, capacity: string, on: string) =>
  command({
    type: 'EndOfficeHolding',
    data: { officeId: OFFICE, person, capacity, basis: basis(on), effectiveOn: on },
  });
const abolish = (on: string) =>
  command({ type: 'AbolishOffice', data: { officeId: OFFICE, basis: basis(on), effectiveOn: on } });
/** The correction signed on 2022-01-10 of the holding `corrects` recorded, to `from` (and `to`). */
const correct = (corrects: string, from: string, to?: string, officeId = OFFICE) =>
  command({
    type: 'CorrectOfficeHolding',
    data: {
      officeId,
      corrects,
      effectiveOn: from,
      ...(to === undefined ? {} : { to }),
      basis: basis('2022-01-10'),
    },
  });

interface History {
  readonly state: OfficeState;
  readonly recorded: ReadonlyMap<EventId, Event>;
}

/** The events of a stream where each command was decided in turn; a refusal is a broken fixture. */
function decided(commands: ReadonlyArray<Command>): History {
  let state = decider.initialState;
  const recorded = new Map<EventId, Event>();
  for (const next of commands) {
    const decision = decider.decide(next, state, { jurisdiction: establisherOnly, recorded });
    if (isLeft(decision)) throw new Error(`Fixture refused: ${decision.left.message}`);
    for (const e of decision.right) recorded.set(`event-${recorded.size + 1}` as EventId, e);
    state = decision.right.reduce(decider.evolve, state);
  }
  return { state, recorded };
}

/** The decision on `next` after `history`, knowing only the recorded events `known` keeps. */
const decide = (
  { state, recorded }: History,
  next: Command,
  known: (id: string) => boolean = () => true,
): Either<Refusal, ReadonlyArray<Event>> =>
  decider.decide(next, state, {
    jurisdiction: establisherOnly,
    recorded: new Map([...recorded].filter(([id]) => known(id))) as RecordedEvents<Event>,
  });

/** The correction event of `person`'s holding in `capacity`, naming `corrects`. */
const corrected = (
  corrects: string,
  person: string,
  capacity: string,
  was: { from: string; to?: string },
  holding: { from: string; to?: string },
) =>
  event({
    type: 'OfficeHoldingCorrected',
    data: {
      officeId: OFFICE,
      corrects,
      person,
      capacity,
      was,
      holding,
      effectiveOn: holding.from,
      source: source('2022-01-10'),
    },
  });

const refusal = (decision: Either<Refusal, unknown>): Refusal => {
  if (!isLeft(decision)) throw new Error('Expected a refusal');
  return decision.left;
};

describe('Office correction: the holder a moved start carries along', () => {
  /** Mr. A substantive from 2015, replaced by Ms. B in 2018 (event-3 ends A, event-4 appoints B). */
  const replaced = decided([
    establish('2010-01-01'),
    appoint(A, 'substantive', '2015-01-01'),
    appoint(B, 'substantive', '2018-01-01'),
  ]);

  it('moves the end of the holding it replaced, naming the last event that recorded it', () => {
    expect(decide(replaced, correct('event-4', '2019-01-01'))).toStrictEqual({
      _tag: 'Right',
      right: [
        corrected(
          'event-3',
          A,
          'substantive',
          { from: '2015-01-01', to: '2018-01-01' },
          { from: '2015-01-01', to: '2019-01-01' },
        ),
        corrected('event-4', B, 'substantive', { from: '2018-01-01' }, { from: '2019-01-01' }),
      ],
    });
  });

  it('leaves the replaced holder alone when only the end moves', () => {
    expect(decide(replaced, correct('event-4', '2018-01-01', '2020-01-01'))).toStrictEqual({
      _tag: 'Right',
      right: [
        corrected(
          'event-4',
          B,
          'substantive',
          { from: '2018-01-01' },
          { from: '2018-01-01', to: '2020-01-01' },
        ),
      ],
    });
  });

  it('records nothing when the dates are those on record', () => {
    expect(decide(replaced, correct('event-4', '2018-01-01'))).toStrictEqual({
      _tag: 'Right',
      right: [],
    });
  });

  it('refuses a start that reaches a third holder in the same capacity (rule 6)', () => {
    // Ms. B replaced by Mr. C in 2020: moving her to 2019–2021 overlaps him.
    const third = decided([
      establish('2010-01-01'),
      appoint(A, 'substantive', '2015-01-01'),
      appoint(B, 'substantive', '2018-01-01'),
      appoint(C, 'substantive', '2020-01-01'),
    ]);
    expect(refusal(decide(third, correct('event-4', '2019-01-01', '2021-01-01')))).toMatchObject({
      _tag: 'HoldingsOverlap',
      existing: { person: C, capacity: 'substantive', from: '2020-01-01' },
    });
  });

  it('refuses carrying the replaced holder across a third holder in the same capacity (rule 6)', () => {
    // Ms. B replaced Mr. A in 2018 and served a year; Mr. C held the office in 2020. Moving her
    // term to 2022 would end Mr. A's holding in 2022 too, across Mr. C's: once accepted.
    const gap = decided([
      establish('2010-01-01'),
      appoint(A, 'substantive', '2015-01-01'),
      appoint(B, 'substantive', '2018-01-01'),
      end(B, 'substantive', '2019-01-01'),
      appoint(C, 'substantive', '2020-01-01'),
      end(C, 'substantive', '2021-01-01'),
    ]);
    expect(refusal(decide(gap, correct('event-4', '2022-01-01', '2023-01-01')))).toMatchObject({
      _tag: 'HoldingsOverlap',
      rule: 6,
      person: A,
      on: '2015-01-01',
      existing: { person: C, capacity: 'substantive', from: '2020-01-01', to: '2021-01-01' },
    });
    expect(decide(gap, correct('event-4', '2019-06-01', '2019-09-01'))._tag).toBe('Right');
  });

  it('refuses carrying an acting holder past the start of a later substantive holding (rule 16)', () => {
    // Mr. A acting, replaced by Ms. B acting in June, who served until Mr. C became substantive
    // in September: moving her start to October would carry Mr. A's acting holding past it.
    const acting = decided([
      establish('2018-01-01'),
      appoint(A, 'acting', '2018-01-01'),
      appoint(B, 'acting', '2018-06-01'),
      end(B, 'acting', '2018-09-01'),
      appoint(C, 'substantive', '2018-09-01'),
    ]);
    expect(refusal(decide(acting, correct('event-4', '2018-10-01', '2018-12-01')))).toMatchObject({
      _tag: 'ActingOutlastsAppointment',
      acting: { person: A, capacity: 'acting', from: '2018-01-01', to: '2018-10-01' },
      substantive: { person: C, capacity: 'substantive', from: '2018-09-01' },
    });
  });
});

describe('Office correction: when the events that recorded the replaced holding are not known', () => {
  /** As above, with Mr. A acting beside Ms. B for half of 2019 (event-5, event-6). */
  const replaced = decided([
    establish('2010-01-01'),
    appoint(A, 'substantive', '2015-01-01'),
    appoint(B, 'substantive', '2018-01-01'),
    appoint(A, 'acting', '2019-01-01'),
    end(A, 'acting', '2019-06-01'),
  ]);
  const withoutA = (id: string) => id !== 'event-2' && id !== 'event-3';

  it('refuses a start that reaches into the replaced holding, which stays as it is', () => {
    expect(refusal(decide(replaced, correct('event-4', '2017-01-01'), withoutA))).toMatchObject({
      _tag: 'HoldingsOverlap',
      existing: { person: A, capacity: 'substantive', from: '2015-01-01', to: '2018-01-01' },
    });
  });

  it('accepts a later start, or one wholly before the replaced holding, and moves no one else', () => {
    expect(decide(replaced, correct('event-4', '2020-01-01'), withoutA)).toStrictEqual({
      _tag: 'Right',
      right: [
        corrected('event-4', B, 'substantive', { from: '2018-01-01' }, { from: '2020-01-01' }),
      ],
    });
    expect(
      decide(replaced, correct('event-4', '2012-01-01', '2014-01-01'), withoutA),
    ).toStrictEqual({
      _tag: 'Right',
      right: [
        corrected(
          'event-4',
          B,
          'substantive',
          { from: '2018-01-01' },
          { from: '2012-01-01', to: '2014-01-01' },
        ),
      ],
    });
  });
});

describe('Office correction: the event it names must record the holding as it stands', () => {
  it('refuses an unknown event, and an appointment or end whose holding was moved away', () => {
    // Mr. A's 2015–2016 term moved to 2012–2013 (event-4); Ms. B substantive and Mr. A acting
    // then held the office over 2015–2016, matching the old events in all but person or capacity.
    const movedAway = decided([
      establish('2010-01-01'),
      appoint(A, 'substantive', '2015-01-01'),
      end(A, 'substantive', '2016-01-01'),
      correct('event-3', '2012-01-01', '2013-01-01'),
      appoint(B, 'substantive', '2015-01-01'),
      appoint(A, 'acting', '2015-01-01'),
      end(B, 'substantive', '2016-01-01'),
      end(A, 'acting', '2016-01-01'),
    ]);
    expect(refusal(decide(movedAway, correct('event-99', '2015-01-01')))).toMatchObject({
      _tag: 'UnknownEvent',
      corrects: 'event-99',
    });
    for (const stale of ['event-2', 'event-3'])
      expect(refusal(decide(movedAway, correct(stale, '2015-01-01', '2015-06-01')))).toMatchObject({
        _tag: 'NoHoldingRecordedBy',
        corrects: stale,
      });
    // Event-4 still records Mr. A's term as it stands.
    expect(decide(movedAway, correct('event-4', '2012-01-01', '2012-06-01'))._tag).toBe('Right');
  });

  it('refuses a correction whose holding was corrected again since, in person, capacity or a date', () => {
    // Mr. A's 2015–2016 term corrected to 2015–2017 (event-4), then to 2012–2013 (event-5); Ms. B
    // substantive and Mr. A acting then held the office over 2015–2017.
    const movedAway = decided([
      establish('2010-01-01'),
      appoint(A, 'substantive', '2015-01-01'),
      end(A, 'substantive', '2016-01-01'),
      correct('event-3', '2015-01-01', '2017-01-01'),
      correct('event-4', '2012-01-01', '2013-01-01'),
      appoint(B, 'substantive', '2015-01-01'),
      appoint(A, 'acting', '2015-01-01'),
      end(B, 'substantive', '2017-01-01'),
      end(A, 'acting', '2017-01-01'),
    ]);
    expect(
      refusal(decide(movedAway, correct('event-4', '2015-01-01', '2015-06-01'))),
    ).toMatchObject({ _tag: 'NoHoldingRecordedBy', corrects: 'event-4' });
    // One date moved at a time: Mr. A's 2015–2016 term corrected to end in 2017 (event-4), to
    // begin in 2014 (event-5), to end in 2018 (event-6); after each, the event before it is stale.
    const steps = [
      establish('2010-01-01'),
      appoint(A, 'substantive', '2015-01-01'),
      end(A, 'substantive', '2016-01-01'),
      correct('event-3', '2015-01-01', '2017-01-01'),
      correct('event-4', '2014-01-01', '2017-01-01'),
      correct('event-5', '2014-01-01', '2018-01-01'),
    ];
    for (const [stale, current] of [
      ['event-3', 'event-4'],
      ['event-4', 'event-5'],
      ['event-5', 'event-6'],
    ] as const) {
      const history = decided(steps.slice(0, Number(current.slice('event-'.length))));
      expect(refusal(decide(history, correct(stale, '2014-01-01', '2014-06-01')))).toMatchObject({
        _tag: 'NoHoldingRecordedBy',
        corrects: stale,
      });
      expect(decide(history, correct(current, '2014-01-01', '2014-06-01'))._tag).toBe('Right');
    }
  });

  it('refuses an end whose start alone was corrected since', () => {
    const startMoved = decided([
      establish('2010-01-01'),
      appoint(A, 'substantive', '2015-01-01'),
      end(A, 'substantive', '2016-01-01'),
      correct('event-3', '2014-01-01', '2016-01-01'),
    ]);
    expect(
      refusal(decide(startMoved, correct('event-3', '2014-01-01', '2014-06-01'))),
    ).toMatchObject({ _tag: 'NoHoldingRecordedBy', corrects: 'event-3' });
  });
});

describe('Office correction: the office', () => {
  /** Mr. A substantive from 2015 until the office's abolition in 2020 (event-3 ends, event-4). */
  const abolished = decided([
    establish('2010-01-01'),
    appoint(A, 'substantive', '2015-01-01'),
    abolish('2020-01-01'),
  ]);

  it('corrects a holding of an abolished office up to the abolition, not past it', () => {
    expect(decide(abolished, correct('event-3', '2016-01-01', '2020-01-01'))).toStrictEqual({
      _tag: 'Right',
      right: [
        corrected(
          'event-3',
          A,
          'substantive',
          { from: '2015-01-01', to: '2020-01-01' },
          { from: '2016-01-01', to: '2020-01-01' },
        ),
      ],
    });
    for (const tooLate of [
      correct('event-3', '2016-01-01', '2020-01-02'),
      correct('event-3', '2016-01-01'),
    ])
      expect(refusal(decide(abolished, tooLate))).toMatchObject({
        _tag: 'CorrectionOutsideOfficeLife',
        life: { from: '2010-01-01', to: '2020-01-01' },
      });
  });

  it('refuses a correction naming another office than the stream’s', () => {
    const open = decided([establish('2010-01-01'), appoint(A, 'substantive', '2015-01-01')]);
    expect(
      refusal(decide(open, correct('event-2', '2016-01-01', undefined, OTHER_OFFICE))),
    ).toMatchObject({ _tag: 'OfficeNotFound', officeId: OTHER_OFFICE });
  });
});

describe('Office correction on a record where an acting holding already runs past a substantive start', () => {
  // Recorded before rule 16 judged corrections (see evolve.test.ts): Ms. B acting 2019-01 to
  // 2019-09 beside Mr. A, substantive from 2019-06. Mr. C's earlier term is not part of that pair.
  const legacy: ReadonlyArray<Event> = [
    event({
      type: 'OfficeEstablished',
      data: {
        officeId: OFFICE,
        authority: BP,
        name: { vi: 'Giám đốc Sở' },
        effectiveOn: '2018-01-01',
        source: source('2018-01-01'),
      },
    }),
    ...(
      [
        [C, 'substantive', '2018-01-01', '2018-06-01'],
        [B, 'acting', '2019-01-01', '2019-06-01'],
      ] as const
    ).flatMap(([person, capacity, from, to]) => [
      event({
        type: 'OfficeHolderAppointed',
        data: { officeId: OFFICE, person, capacity, effectiveOn: from, source: source(from) },
      }),
      event({
        type: 'OfficeHolderEnded',
        data: {
          officeId: OFFICE,
          person,
          capacity,
          since: from,
          effectiveOn: to,
          source: source(to),
        },
      }),
    ]),
    event({
      type: 'OfficeHolderAppointed',
      data: {
        officeId: OFFICE,
        person: A,
        capacity: 'substantive',
        effectiveOn: '2019-06-01',
        source: source('2019-06-01'),
      },
    }),
    corrected(
      'event-5',
      B,
      'acting',
      { from: '2019-01-01', to: '2019-06-01' },
      { from: '2019-01-01', to: '2019-09-01' },
    ),
  ];
  const history: History = {
    state: legacy.reduce(decider.evolve, decider.initialState),
    recorded: new Map(legacy.map((e, i) => [`event-${i + 1}` as EventId, e])),
  };

  it('judges only the pairs a correction changes', () => {
    // Mr. C's term (event-3 ends it) is shortened: accepted despite the pair it does not touch.
    expect(decide(history, correct('event-3', '2018-01-01', '2018-03-01'))._tag).toBe('Right');
    // Mr. A's start (event-6) moved later is judged against Ms. B's acting holding, and refused.
    expect(refusal(decide(history, correct('event-6', '2019-07-01')))._tag).toBe(
      'ActingOutlastsAppointment',
    );
  });
});

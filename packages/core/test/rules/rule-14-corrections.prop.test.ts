/**
 * Rule 14: any recorded fact can be corrected by a correction event with its own basis, naming
 * the event it corrects; nothing is deleted. Here, office holdings: over generated office
 * histories, a correction naming any recorded event (or an unknown id), with any dates and
 * issuer, is refused exactly when a naive model says so (including rule 16: a correction never
 * makes anyone acting and substantive holder at once); an accepted one changes exactly the
 * holdings the model changes, leaves the state it was decided on untouched, and only appends.
 * The model replays plain records from the events and imports nothing it checks.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  EventId,
  LegalBasis,
  decodeWith,
  establisherOnly,
  type CalendarDate,
  type PersonId,
  type RecordedEvents,
} from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import { show } from '../../src/testing/deep-equal.js';
import {
  defaultOfficePools,
  officeHistoryArbitrary,
  officeWindowDates,
  type OfficePools,
} from '../../src/testing/office-arbitraries.js';
import { rule16Breach } from './naive-office.js';

const OFFICE = 'giam-doc-so-tttt';
const pools: OfficePools = { ...defaultOfficePools, offices: [OFFICE] };

// -------------------------------------------------------------------------------------------------
// The naive model
// -------------------------------------------------------------------------------------------------

interface Held {
  person: string;
  capacity: string;
  from: string;
  to?: string;
}

interface Model {
  authority: string;
  establishedOn: string;
  abolishedOn?: string;
  holdings: Held[];
}

/** The fields of office events the model reads, as plain JSON. */
interface PlainData {
  readonly authority: string;
  readonly person: string;
  readonly capacity: string;
  readonly since: string;
  readonly effectiveOn: string;
  readonly was: Held;
  readonly holding: Held;
}

const same = (h: Held, person: string, capacity: string, from: string, to: string | undefined) =>
  h.person === person && h.capacity === capacity && h.from === from && h.to === to;

/** The model replayed from events as plain JSON. */
function replay(events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>) {
  let model: Model | undefined;
  for (const { type, data } of events) {
    const d = data as unknown as PlainData;
    if (type === 'OfficeEstablished')
      model = { authority: d.authority, establishedOn: d.effectiveOn, holdings: [] };
    if (model === undefined) continue;
    if (type === 'OfficeHolderAppointed')
      model.holdings.push({ person: d.person, capacity: d.capacity, from: d.effectiveOn });
    if (type === 'OfficeHolderEnded') {
      const open = model.holdings.find(
        (h) => h.person === d.person && h.capacity === d.capacity && h.to === undefined,
      );
      if (open !== undefined) open.to = d.effectiveOn;
    }
    if (type === 'OfficeHoldingCorrected') {
      const found = model.holdings.find((h) => same(h, d.person, d.capacity, d.was.from, d.was.to));
      if (found !== undefined) {
        found.from = d.holding.from;
        if (d.holding.to === undefined) delete found.to;
        else found.to = d.holding.to;
      }
    }
    if (type === 'OfficeAbolished') model.abolishedOn = d.effectiveOn;
  }
  return model;
}

/** The holding an event recorded, as it recorded it, among the model's holdings. */
function recordedHolding(model: Model, event: { type: string; data: Record<string, unknown> }) {
  const d = event.data as unknown as PlainData;
  switch (event.type) {
    case 'OfficeHolderAppointed':
      return model.holdings.find(
        (h) => h.person === d.person && h.capacity === d.capacity && h.from === d.effectiveOn,
      );
    case 'OfficeHolderEnded':
      return model.holdings.find((h) => same(h, d.person, d.capacity, d.since, d.effectiveOn));
    case 'OfficeHoldingCorrected':
      return model.holdings.find((h) =>
        same(h, d.person, d.capacity, d.holding.from, d.holding.to),
      );
    default:
      return undefined;
  }
}

const meets = (a: Held, from: string, to: string | undefined) =>
  (to === undefined || a.from < to) && (a.to === undefined || from < a.to);

/** Whether the model accepts the correction, and the holdings it leaves. */
function modelCorrects(
  model: Model | undefined,
  events: ReadonlyMap<string, { type: string; data: Record<string, unknown> }>,
  c: { corrects: string; effectiveOn: string; to?: string; issuer: string },
): Held[] | 'refused' {
  if (model === undefined || c.issuer !== model.authority) return 'refused';
  const event = events.get(c.corrects);
  const target = event === undefined ? undefined : recordedHolding(model, event);
  if (target === undefined) return 'refused';
  const { effectiveOn: from, to } = c;
  if (from < model.establishedOn) return 'refused';
  if (to !== undefined && to <= from) return 'refused';
  if (model.abolishedOn !== undefined && (to === undefined || to > model.abolishedOn))
    return 'refused';
  const copy = model.holdings.map((h) => ({ ...h }));
  const at = model.holdings.indexOf(target);
  if (target.from === from && target.to === to) return copy;
  const replaced =
    from === target.from
      ? -1
      : model.holdings.findIndex((h) => h.capacity === target.capacity && h.to === target.from);
  for (const [i, h] of model.holdings.entries())
    if (i !== at && i !== replaced && h.capacity === target.capacity && meets(h, from, to))
      return 'refused';
  const before = copy[replaced];
  if (before !== undefined) {
    if (before.from >= from) return 'refused';
    before.to = from;
    // Rule 6 for the replaced holder's moved end: no other holder of its capacity on those days.
    for (const [i, h] of copy.entries())
      if (
        i !== at &&
        i !== replaced &&
        h.capacity === before.capacity &&
        meets(h, before.from, from)
      )
        return 'refused';
  }
  const corrected = copy[at] as Held;
  corrected.from = from;
  if (to === undefined) delete corrected.to;
  else corrected.to = to;
  // Rule 16, read literally over the holdings the correction would leave: no one acting and
  // substantive at once, and no acting holding running on across a later substantive start.
  if (rule16Breach(copy) !== undefined) return 'refused';
  return copy;
}

const sorted = (holdings: ReadonlyArray<Held>) =>
  holdings
    .map(({ person, capacity, from, to }) => JSON.stringify([capacity, from, person, to ?? null]))
    .sort();

// -------------------------------------------------------------------------------------------------
// The property
// -------------------------------------------------------------------------------------------------

const correctionPicks = fc.record({
  /** Which recorded event to correct: any, or (negative) one of the latest, often a promotion's. */
  target: fc.oneof(fc.nat(), fc.integer({ min: -6, max: -1 })),
  unknown: fc.oneof(
    { arbitrary: fc.constant(true), weight: 1 },
    { arbitrary: fc.constant(false), weight: 4 },
  ),
  fromHistory: fc.boolean(),
  fromPick: fc.nat(),
  windowFrom: officeWindowDates,
  to: fc.option(fc.oneof(fc.nat(), officeWindowDates), { nil: undefined }),
  issuer: pools.authorities,
});

/** An acting appointment, then a substantive one on the same day or later, of any pooled persons. */
const promotion = fc.record({
  acting: fc.constantFrom(...pools.persons),
  substantive: fc.constantFrom(...pools.persons),
  dates: fc.tuple(officeWindowDates, officeWindowDates),
});

/**
 * Generated office histories, some with a few promotions appended (these and the establishment
 * issued by the office's establishing authority), so that corrections often meet acting holdings
 * a substantive appointment closed (rule 16).
 */
const histories = fc
  .tuple(officeHistoryArbitrary(pools, { maxLength: 15 }), fc.array(promotion, { maxLength: 3 }))
  .map(([history, promotions]): ReadonlyArray<Office.Command> => {
    const establishment = history.flatMap((c) => (c.type === 'EstablishOffice' ? [c.data] : []))[0];
    if (establishment === undefined || promotions.length === 0) return history;
    const basis = { ...establishment.basis, issuer: establishment.authority };
    const appoint = (person: string, capacity: Office.Capacity, on: string): Office.Command => ({
      type: 'AppointOfficeHolder',
      data: {
        officeId: establishment.officeId,
        person: person as PersonId,
        capacity,
        basis,
        effectiveOn: on as CalendarDate,
      },
    });
    return [
      ...history.map((c) =>
        c.type === 'EstablishOffice' ? { ...c, data: { ...establishment, basis } } : c,
      ),
      ...promotions.flatMap(({ acting, substantive, dates }) => {
        const [first, second] = [...dates].sort() as [string, string];
        return [appoint(acting, 'acting', first), appoint(substantive, 'substantive', second)];
      }),
    ];
  });

describe('docs/reference/domain.md rule 14: a recorded office holding can be corrected', () => {
  it('refused exactly when the model says; accepted ones change what it changes and only append', () => {
    let accepted = 0;
    let outran = 0;
    fc.assert(
      fc.property(
        histories,
        fc.array(correctionPicks, { minLength: 1, maxLength: 4 }),
        (commands, picks) => {
          const context = { jurisdiction: establisherOnly };
          let state = Office.decider.initialState;
          const recorded = new Map<EventId, Office.Event>();
          const remember = (events: ReadonlyArray<Office.Event>) => {
            for (const event of events)
              recorded.set(`event-${recorded.size + 1}` as EventId, event);
          };
          for (const command of commands) {
            const decision = Office.decider.decide(command, state, context);
            if (isLeft(decision)) continue;
            state = decision.right.reduce(Office.decider.evolve, state);
            remember(decision.right);
          }
          for (const pick of picks) {
            const plain = new Map(
              [...recorded].map(([id, event]) => [id, JSON.parse(JSON.stringify(event))]),
            );
            const model = replay([...plain.values()]);
            const dates = [...plain.values()].map((e) => String(e.data.effectiveOn));
            const from =
              pick.fromHistory && dates.length > 0
                ? (dates[pick.fromPick % dates.length] as string)
                : pick.windowFrom;
            const to =
              typeof pick.to === 'number' ? dates[pick.to % Math.max(dates.length, 1)] : pick.to;
            const ids = [...recorded.keys()];
            const corrects =
              pick.unknown || ids.length === 0
                ? 'event-unknown'
                : (ids.at(pick.target % ids.length) as string);
            const basis = decodeWith(LegalBasis, {
              type: 'decision',
              number: 'XXXX-21/QĐ-UBND',
              issuer: pick.issuer,
              signer: { name: 'Người ký' },
              signedOn: '2022-01-10',
            });
            const decodedId = decodeWith(EventId, corrects);
            if (isLeft(basis) || isLeft(decodedId)) throw new Error('bad generated correction');
            const command: Office.Command = {
              type: 'CorrectOfficeHolding',
              data: {
                officeId: OFFICE as Office.CorrectOfficeHolding['data']['officeId'],
                corrects: decodedId.right,
                effectiveOn: from as Office.CorrectOfficeHolding['data']['effectiveOn'],
                ...(to === undefined
                  ? {}
                  : { to: to as Office.CorrectOfficeHolding['data']['effectiveOn'] }),
                basis: basis.right,
              },
            };
            const snapshot = JSON.stringify(state);
            const decision = Office.decider.decide(command, state, {
              ...context,
              recorded: recorded as RecordedEvents<Office.Event>,
            });
            expect(JSON.stringify(state), 'deciding changes nothing').toBe(snapshot);
            const expected = modelCorrects(model, plain, {
              corrects,
              effectiveOn: from,
              ...(to === undefined ? {} : { to }),
              issuer: pick.issuer,
            });
            if (isLeft(decision) !== (expected === 'refused'))
              throw new Error(
                `${isLeft(decision) ? 'refused' : 'accepted'} against the model: ${show(command)}\n` +
                  `decision: ${show(decision)}\nevents: ${show([...plain])}`,
              );
            if (isLeft(decision) && decision.left._tag === 'ActingOutlastsAppointment') outran += 1;
            if (isLeft(decision) || expected === 'refused') continue;
            accepted += decision.right.length > 0 ? 1 : 0;
            for (const event of decision.right) {
              expect(event.type).toBe('OfficeHoldingCorrected');
              expect(event.data.source).toEqual({ kind: 'instrument', instrument: basis.right });
            }
            const before = recorded.size;
            state = decision.right.reduce(Office.decider.evolve, state);
            remember(decision.right);
            expect(recorded.size, 'a correction only appends').toBe(before + decision.right.length);
            expect(sorted(Office.holdingsOf(state))).toEqual(sorted(expected));
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(accepted, 'some corrections were accepted and recorded').toBeGreaterThan(20);
    expect(
      outran,
      'some corrections were refused for an acting holding outrunning',
    ).toBeGreaterThan(2);
  });
});

describe('docs/reference/domain.md rules 14 and 16: a correction never makes anyone acting and substantive at once', () => {
  const AUTHORITY = 'ubnd-tinh-binh-phuoc';
  const basisOn = (signedOn: string) => ({
    type: 'decision',
    number: `XXXX-${signedOn.replaceAll('-', '')}/QĐ-UBND`,
    issuer: AUTHORITY,
    signer: { name: 'Người ký' },
    signedOn,
  });
  const decoded = (json: unknown): Office.Command => {
    const result = decodeWith(Office.Command, json);
    if (isLeft(result)) throw new Error(`bad fixture: ${show(json)}`);
    return result.right;
  };
  const context = { jurisdiction: establisherOnly };
  const appoint = (person: string, capacity: string, on: string) =>
    decoded({
      type: 'AppointOfficeHolder',
      data: { officeId: OFFICE, person, capacity, basis: basisOn(on), effectiveOn: on },
    });

  /** Mr. A substantive from 2019, replaced by Ms. B in 2020 and acting from that day on. */
  function history() {
    let state = Office.decider.initialState;
    const recorded = new Map<EventId, Office.Event>();
    for (const command of [
      decoded({
        type: 'EstablishOffice',
        data: {
          officeId: OFFICE,
          authority: AUTHORITY,
          name: { vi: 'Giám đốc Sở' },
          basis: basisOn('2018-01-01'),
          effectiveOn: '2018-01-01',
        },
      }),
      appoint('nguyen-van-a', 'substantive', '2019-01-01'),
      appoint('tran-thi-b', 'substantive', '2020-01-01'),
      appoint('nguyen-van-a', 'acting', '2020-01-01'),
    ]) {
      const decision = Office.decider.decide(command, state, { ...context, recorded });
      if (isLeft(decision)) throw new Error(show(decision.left));
      for (const event of decision.right)
        recorded.set(`event-${recorded.size + 1}` as EventId, event);
      state = decision.right.reduce(Office.decider.evolve, state);
    }
    return { state, recorded };
  }
  const correct = (corrects: string, effectiveOn: string) =>
    decoded({
      type: 'CorrectOfficeHolding',
      data: { officeId: OFFICE, corrects, effectiveOn, basis: basisOn('2021-01-10') },
    });

  it('refuses moving an acting end past the start of the substantive appointment that closed it', () => {
    // Shrunk counterexample: acting from 2018-01-01, closed by a substantive appointment on
    // 2018-01-02; reopening the acting holding was accepted before rule 16 judged corrections.
    let state = Office.decider.initialState;
    const recorded = new Map<EventId, Office.Event>();
    for (const command of [
      decoded({
        type: 'EstablishOffice',
        data: {
          officeId: OFFICE,
          authority: AUTHORITY,
          name: { vi: 'Giám đốc Sở' },
          basis: basisOn('2018-01-01'),
          effectiveOn: '2018-01-01',
        },
      }),
      appoint('nguyen-van-a', 'acting', '2018-01-01'),
      appoint('le-van-c', 'substantive', '2018-01-02'),
    ]) {
      const decision = Office.decider.decide(command, state, { ...context, recorded });
      if (isLeft(decision)) throw new Error(show(decision.left));
      for (const event of decision.right)
        recorded.set(`event-${recorded.size + 1}` as EventId, event);
      state = decision.right.reduce(Office.decider.evolve, state);
    }
    const reopen = decoded({
      type: 'CorrectOfficeHolding',
      data: {
        officeId: OFFICE,
        corrects: 'event-2',
        effectiveOn: '2018-01-01',
        basis: basisOn('2021-01-10'),
      },
    });
    expect(Office.decider.decide(reopen, state, { ...context, recorded })).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'ActingOutlastsAppointment',
        rule: 16,
        acting: { person: 'nguyen-van-a', from: '2018-01-01' },
        substantive: { person: 'le-van-c', from: '2018-01-02' },
      },
    });
  });

  it('refuses moving the acting start into the same holder’s substantive term', () => {
    const { state, recorded } = history();
    const acting = [...recorded].find(
      ([, e]) => e.type === 'OfficeHolderAppointed' && e.data.capacity === 'acting',
    );
    const decision = Office.decider.decide(correct(acting?.[0] ?? '', '2019-06-01'), state, {
      ...context,
      recorded,
    });
    expect(decision).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'ActingAndSubstantiveAtOnce',
        rule: 16,
        person: 'nguyen-van-a',
        capacity: 'acting',
      },
    });
  });

  it('refuses moving a successor’s start when the holder it replaced would then overlap their own acting term', () => {
    const { state, recorded } = history();
    const successor = [...recorded].find(
      ([, e]) => e.type === 'OfficeHolderAppointed' && e.data.person === 'tran-thi-b',
    );
    const decision = Office.decider.decide(correct(successor?.[0] ?? '', '2020-03-01'), state, {
      ...context,
      recorded,
    });
    expect(decision).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'ActingAndSubstantiveAtOnce',
        rule: 16,
        person: 'nguyen-van-a',
        capacity: 'substantive',
      },
    });
    const earlier = Office.decider.decide(correct(successor?.[0] ?? '', '2019-11-01'), state, {
      ...context,
      recorded,
    });
    expect(earlier._tag, 'an earlier start overlaps nothing of Mr. A').toBe('Right');
  });
});

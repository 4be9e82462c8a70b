/**
 * Rule 14, last sentence: an instrument annulled ab initio by another withdraws every change it
 * made. Over generated registries (some instruments recorded, one perhaps annulled already) and
 * streams whose events cite those instruments (or a filed report), an annulment is refused exactly
 * when a naive model says so, with the model's refusal; an accepted one withdraws, on each stream,
 * exactly the standing events citing the annulled instrument, so that folding a stream with its
 * withdrawal equals folding it without the withdrawn events, while folding the events known before
 * is unchanged. An id whose establishment — its stream's first event — an annulment withdrew
 * stays taken: establishing it again is refused exactly when the model withdrew that first event,
 * by the earlier annulment or by the one decided, naming the annulled instrument and the annulling
 * one. The model works on plain indices and imports nothing it checks.
 */
import fc from 'fast-check';
import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import * as Instrument from '../../src/instrument/index.js';
import {
  EventId,
  LegalBasis,
  ReportDocument,
  decodeWith,
  instrumentSource,
  type Source,
  establishmentWithdrawal,
  foldStanding,
  identityWithdrawn,
  type EventsWithdrawn,
  type IdentifiedEvent,
} from '../../src/kernel/index.js';
import { show } from '../../src/testing/deep-equal.js';

const ISSUER = 'ubnd-tinh-binh-phuoc';
const DATES = ['2018-01-02', '2018-06-01', '2019-03-01'] as const;
/** Instruments 0–3 may be recorded; 4 never is. */
const INSTRUMENTS = 5;

const decode = <A, O>(codec: t.Type<A, O, unknown>, json: unknown): A => {
  const decoded = decodeWith(codec, json);
  if (isLeft(decoded)) throw new Error(`bad generated value: ${show(json)}`);
  return decoded.right;
};

const basisJson = (index: number, signedOn: string) => ({
  type: 'decision',
  number: `${index + 1}/QĐ-UBND`,
  issuer: ISSUER,
  signer: { name: 'Nguyễn Văn Trăm' },
  signedOn,
});

// -------------------------------------------------------------------------------------------------
// Generated worlds
// -------------------------------------------------------------------------------------------------

/** What an event cites: an instrument by index, or a filed report. */
type Cited = number | 'report';

interface World {
  /** Each instrument's signing date (index into DATES). */
  readonly signed: ReadonlyArray<number>;
  readonly recorded: ReadonlyArray<boolean>;
  /** An earlier annulment, [annulled, annulling], applied only if both are recorded and in order. */
  readonly earlier: readonly [number, number];
  /** Each stream: events before the earlier annulment's withdrawal, and after it. */
  readonly streams: ReadonlyArray<{
    readonly before: ReadonlyArray<Cited>;
    readonly after: ReadonlyArray<Cited>;
  }>;
  readonly target: number;
  readonly basis: number;
}

const cited = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.constant<'report'>('report') },
);

/** Mostly an instrument that may be recorded, sometimes the one never recorded. */
const instrumentIndex = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.constant(INSTRUMENTS - 1) },
);

const worldArbitrary: fc.Arbitrary<World> = fc.record<World>({
  signed: fc.array(fc.integer({ min: 0, max: 2 }), {
    minLength: INSTRUMENTS,
    maxLength: INSTRUMENTS,
  }),
  recorded: fc
    .array(fc.constantFrom(true, true, true, false), { minLength: 4, maxLength: 4 })
    .map((flags) => [...flags, false]),
  earlier: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
  streams: fc.array(
    fc.record({
      before: fc.array(cited, { maxLength: 5 }),
      after: fc.array(cited, { maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
  target: instrumentIndex,
  basis: instrumentIndex,
});

// -------------------------------------------------------------------------------------------------
// The naive model
// -------------------------------------------------------------------------------------------------

interface ModelEvent {
  readonly id: string;
  readonly cites: Cited;
}

/** The earlier annulment, if it stands: both recorded, distinct, annulled signed no later. */
function earlierAnnulment(world: World): readonly [number, number] | undefined {
  const pair = world.earlier;
  const [annulled, by] = pair;
  const ok =
    annulled !== by &&
    world.recorded[annulled] === true &&
    world.recorded[by] === true &&
    (world.signed[annulled] ?? 0) <= (world.signed[by] ?? 0);
  return ok ? pair : undefined;
}

/** Each stream's standing events (the earlier annulment's withdrawn), in order. */
function modelStreams(world: World): ReadonlyArray<ReadonlyArray<ModelEvent>> {
  const annulled = earlierAnnulment(world)?.[0];
  return world.streams.map(({ before, after }, s) => {
    const events = [...before, ...after].map((cites, i) => ({ id: `e-${s}-${i}`, cites }));
    return events.filter((event, i) => !(i < before.length && event.cites === annulled));
  });
}

/**
 * The instrument whose annulment withdrew stream `s`'s first event — its establishment — and the
 * annulling one, if an annulment did: the earlier one, or the one decided when it withdrew
 * `withdrawn` (ids) from the stream.
 */
function modelWithdrawnFirst(
  world: World,
  s: number,
  withdrawn: ReadonlyArray<string> = [],
): readonly [number, number] | undefined {
  const earlier = earlierAnnulment(world);
  if (earlier !== undefined && world.streams[s]?.before[0] === earlier[0]) return earlier;
  return withdrawn.includes(`e-${s}-0`) ? [world.target, world.basis] : undefined;
}

type Expected =
  | { readonly refused: string; readonly dependents?: ReadonlyArray<string> }
  | { readonly withdrawn: ReadonlyArray<ReadonlyArray<string>> };

function model(world: World): Expected {
  const { target, basis, recorded, signed } = world;
  if (recorded[target] !== true || recorded[basis] !== true)
    return { refused: 'UnresolvedCitation' };
  if (target === basis) return { refused: 'AnnulmentBySelf' };
  const [annulled, annulling] = earlierAnnulment(world) ?? [];
  if (annulled === target || annulled === basis) return { refused: 'CitesAnnulledInstrument' };
  if (annulling === target) return { refused: 'AnnulmentOfAnnulment' };
  if ((signed[target] ?? 0) > (signed[basis] ?? 0)) return { refused: 'RelationNotEarlier' };
  const streams = modelStreams(world);
  const dependents = streams.flatMap((events) => {
    const first = events.findIndex((event) => event.cites === target);
    return first < 0
      ? []
      : events
          .slice(first)
          .filter((event) => event.cites !== target)
          .map((event) => event.id);
  });
  if (dependents.length > 0) return { refused: 'AnnulmentHasDependents', dependents };
  return {
    withdrawn: streams.map((events) =>
      events.filter((event) => event.cites === target).map((event) => event.id),
    ),
  };
}

// -------------------------------------------------------------------------------------------------
// The world as the core sees it
// -------------------------------------------------------------------------------------------------

const basisOf = (world: World, index: number): LegalBasis =>
  decode(LegalBasis, basisJson(index, DATES[world.signed[index] ?? 0] ?? DATES[0]));

const REPORT: Source = {
  kind: 'report',
  report: decode(ReportDocument, {
    reference: '12/BC-BCĐ',
    filedBy: 'bcd-chinh-quyen-dien-tu',
    submittedOn: '2018-12-20',
  }),
};

const sourceOf = (world: World, cites: Cited): Source =>
  cites === 'report' ? REPORT : instrumentSource(basisOf(world, cites));

const registryOf = (world: World): Instrument.RegistryState => {
  let state = Instrument.initialState;
  for (const [index, recorded] of world.recorded.entries()) {
    if (!recorded) continue;
    const instrument = basisOf(world, index);
    state = Instrument.decider.evolve(state, {
      type: 'InstrumentRecorded',
      data: {
        instrument,
        relations: [],
        effectiveOn: instrument.signedOn,
        source: instrumentSource(instrument),
      },
    });
  }
  const earlier = earlierAnnulment(world);
  if (earlier === undefined) return state;
  const [annulled, by] = earlier;
  const annulling = basisOf(world, by);
  return Instrument.decider.evolve(state, {
    type: 'InstrumentAnnulled',
    data: {
      instrument: basisOf(world, annulled),
      withdrawn: [],
      effectiveOn: annulling.signedOn,
      source: instrumentSource(annulling),
    },
  });
};

const eventId = (id: string): EventId => decode(EventId, id);

/** The streams as stored: the earlier annulment's withdrawal between `before` and `after`. */
const streamsOf = (world: World): ReadonlyArray<Instrument.CitingStream> => {
  const earlier = earlierAnnulment(world);
  return world.streams.map(({ before, after }, s) => {
    const events: Array<IdentifiedEvent<Instrument.SourcedEvent>> = [...before, ...after].map(
      (cites, i) => ({
        eventId: eventId(`e-${s}-${i}`),
        event: { type: `Cites${String(cites)}`, data: { source: sourceOf(world, cites) } },
      }),
    );
    const withdrawn = before.flatMap((cites, i) =>
      earlier !== undefined && cites === earlier[0] ? [eventId(`e-${s}-${i}`)] : [],
    );
    const [head, ...rest] = withdrawn;
    if (earlier === undefined || head === undefined) return { stream: `s-${s}`, events };
    const withdrawal: EventsWithdrawn = {
      type: 'EventsWithdrawn',
      data: {
        withdrawn: [head, ...rest],
        annulled: basisOf(world, earlier[0]),
        effectiveOn: basisOf(world, earlier[1]).signedOn,
        source: instrumentSource(basisOf(world, earlier[1])),
      },
    };
    events.splice(before.length, 0, { eventId: eventId(`w-${s}`), event: withdrawal });
    return { stream: `s-${s}`, events };
  });
};

const commandOf = (world: World): Instrument.AnnulInstrument => {
  const basis = basisOf(world, world.basis);
  const { number, issuer, signedOn } = basisOf(world, world.target);
  return {
    type: 'AnnulInstrument',
    data: { instrument: { number, issuer, signedOn }, basis, effectiveOn: basis.signedOn },
  };
};

/** A fold that keeps the ids of the events it folds: what folding a stream "holds". */
const idsFold = {
  initialState: [] as ReadonlyArray<string>,
  evolve: (state: ReadonlyArray<string>, event: Instrument.SourcedEvent & { id?: string }) => [
    ...state,
    event.id ?? '',
  ],
};

/** Events tagged with their own ids, so that a fold shows which ones it folded. */
const tagged = (
  events: ReadonlyArray<IdentifiedEvent<Instrument.SourcedEvent>>,
): ReadonlyArray<IdentifiedEvent<Instrument.SourcedEvent & { id?: string }>> =>
  events.map(({ eventId: id, event }) =>
    event.type === 'EventsWithdrawn'
      ? { eventId: id, event }
      : { eventId: id, event: { ...event, id } },
  );

// -------------------------------------------------------------------------------------------------
// Properties
// -------------------------------------------------------------------------------------------------

describe('rule 14: annulment ab initio', () => {
  it('refuses exactly when the model says, and otherwise withdraws exactly what the model does', () => {
    const refusals = new Map<string, number>();
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const streams = streamsOf(world);
        const decided = Instrument.decideAnnulment(commandOf(world), registryOf(world), streams);
        const expected = model(world);
        if ('refused' in expected) {
          refusals.set(expected.refused, (refusals.get(expected.refused) ?? 0) + 1);
          expect(isLeft(decided) && decided.left._tag).toBe(expected.refused);
          if (isLeft(decided) && decided.left._tag === 'AnnulmentHasDependents')
            expect(decided.left.dependents.map((d) => d.eventId)).toEqual(expected.dependents);
          return;
        }
        if (isLeft(decided)) throw new Error(`refused: ${decided.left.message}`);
        const { registry, withdrawals } = decided.right;
        const byStream = new Map(withdrawals.map(({ stream, event }) => [stream, event]));
        expect(registry.data.withdrawn).toEqual(
          withdrawals.map(({ stream, event }) => ({ stream, events: event.data.withdrawn })),
        );
        for (const [s, stream] of streams.entries()) {
          const ids = expected.withdrawn[s] ?? [];
          const withdrawal = byStream.get(stream.stream);
          expect(withdrawal?.data.withdrawn ?? []).toEqual(ids);
          const before = tagged(stream.events);
          const known = foldStanding(idsFold, before);
          const after =
            withdrawal === undefined
              ? before
              : [...before, { eventId: eventId('w-new'), event: withdrawal }];
          expect(foldStanding(idsFold, after)).toEqual(known.filter((id) => !ids.includes(id)));
          expect(foldStanding(idsFold, before)).toEqual(
            (modelStreams(world)[s] ?? []).map((event) => event.id),
          );
        }
      }),
      { numRuns: 1000 },
    );
    // An annulment of the annulling instrument is drawn in every run (8 to 20 of 1,000 seen).
    expect(refusals.get('AnnulmentOfAnnulment') ?? 0).toBeGreaterThan(0);
  });

  it('refuses establishing an id again exactly when its establishment was withdrawn', () => {
    let refused = 0;
    /** Checks the refusal of establishing stream `s`'s id again over `events`, as the model says. */
    const expectIdentity = (
      world: World,
      s: number,
      events: ReadonlyArray<IdentifiedEvent<Instrument.SourcedEvent>>,
      withdrawn?: ReadonlyArray<string>,
    ) => {
      const expected = modelWithdrawnFirst(world, s, withdrawn);
      const withdrawal = establishmentWithdrawal(events);
      expect(withdrawal === undefined).toBe(expected === undefined);
      if (withdrawal === undefined || expected === undefined) return;
      refused += 1;
      const [annulled, by] = expected;
      expect(identityWithdrawn('body', `s-${s}`, withdrawal)).toMatchObject({
        _tag: 'IdentityWithdrawn',
        rule: 14,
        id: `s-${s}`,
        annulled: basisOf(world, annulled),
        annulledBy: instrumentSource(basisOf(world, by)),
      });
    };
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const streams = streamsOf(world);
        for (const [s, stream] of streams.entries()) expectIdentity(world, s, stream.events);
        const decided = Instrument.decideAnnulment(commandOf(world), registryOf(world), streams);
        const expected = model(world);
        if (isLeft(decided) || !('withdrawn' in expected)) return;
        const byStream = new Map(decided.right.withdrawals.map((w) => [w.stream, w.event]));
        for (const [s, stream] of streams.entries()) {
          const withdrawal = byStream.get(stream.stream);
          const after =
            withdrawal === undefined
              ? stream.events
              : [...stream.events, { eventId: eventId('w-new'), event: withdrawal }];
          expectIdentity(world, s, after, expected.withdrawn[s]);
        }
      }),
      { numRuns: 1000 },
    );
    // A withdrawn establishment is drawn often enough to be checked every run.
    expect(refused).toBeGreaterThan(10);
  });

  it('marks the annulled instrument, and relates the annulling one to it once', () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const registry = registryOf(world);
        const decided = Instrument.decideAnnulment(commandOf(world), registry, streamsOf(world));
        if (isLeft(decided)) return;
        const after = Instrument.decider.evolve(registry, decided.right.registry);
        const target = Instrument.instrumentOf(after, commandOf(world).data.instrument);
        const annulling = Instrument.instrumentOf(after, commandOf(world).data.basis);
        expect(target?.annulledBy).toBe(annulling?.key);
        expect(target?.relatedBy.filter((r) => r.kind === 'annuls')).toEqual([
          { kind: 'annuls', key: annulling?.key },
        ]);
        expect(Instrument.decider.evolve(after, decided.right.registry)).toBe(after);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * docs/reference/domain.md rule 5: a merger takes at least two distinct bodies, all active on its date, ends
 * each of them and starts exactly one successor on that date; an absorption ends the absorbed
 * bodies and keeps the absorbing one; a split ends one body and starts several; a succession ends
 * one and starts one. A body ends at most once; the lineage graph stays acyclic; duties named in
 * the decision carry over and say where they came from. A refused reorganisation changes nothing.
 *
 * A naive model of the bodies (plain records, nothing imported from the code it checks) says for
 * every generated reorganisation whether it is refused and with which refusal, and which duties
 * each receiving body takes over with which text: carried duties from bodies the reorganisation
 * ends or does not, in force or not, into a receiver or not, under an id free or taken;
 * reorganisations on the dates bodies were established on; new bodies with a charter of their own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Body, Reorganisation, establisherOnly } from '../../src/index.js';
import type { BodyId, CalendarDate, DutyId, LegalBasis } from '../../src/index.js';
import { deepEqual } from '../../src/testing/index.js';

const PROVINCE = 'ubnd-tinh-binh-phuoc';
const CITY = 'ubnd-tp-dong-xoai';
const context = { jurisdiction: establisherOnly };
const BODIES = ['b1', 'b2', 'b3', 'b4'] as BodyId[];
/** Successors are mostly new ids, sometimes existing ones (which must be refused). */
const SUCCESSORS = ['n1', 'n2', 'n3', 'n4', 'b1', 'n5'] as BodyId[];
const DUTIES = ['d1', 'd2'] as DutyId[];
const DATES = [
  '2017-01-01',
  '2018-06-01',
  '2018-12-04',
  '2019-07-01',
  '2020-01-01',
] as CalendarDate[];

const basis = (issuer: string, signedOn: CalendarDate): LegalBasis =>
  ({
    type: 'decision',
    number: '…/QĐ-UBND',
    issuer,
    signer: { name: 'Người ký' },
    signedOn,
  }) as LegalBasis;

const date = fc.constantFrom(...DATES);
const body = fc.constantFrom(...BODIES, ...(['n1', 'n2'] as BodyId[]));
const successor = fc.constantFrom(...SUCCESSORS);
const issuer = fc.constantFrom(PROVINCE, PROVINCE, PROVINCE, CITY);
const newBody = (bodyId: BodyId) => ({
  bodyId,
  kind: 'steering-committee' as const,
  name: { vi: `Ban Chỉ đạo ${bodyId}` },
  authority: PROVINCE,
});
/** A duty of a new body's own charter, under an id a carried duty may also take. */
const charterDuty = (dutyId: string) => ({
  change: 'AssignDuty' as const,
  dutyId: dutyId as DutyId,
  category: 'coordinate' as const,
  text: { vi: `Nhiệm vụ riêng ${dutyId}` },
});
/** A new body, sometimes with a charter of its own. */
const startedBody = fc
  .tuple(successor, fc.option(fc.uniqueArray(fc.constantFrom('c1', 'k1'), { maxLength: 2 })))
  .map(([bodyId, charter]) => ({
    ...newBody(bodyId),
    ...(charter === null ? {} : { charter: charter.map(charterDuty) }),
  }));
/** Carried duties: of the bodies' own duties or of duties carried before, sometimes with a target. */
const carried = fc.array(
  fc.record(
    {
      fromBody: body,
      fromDuty: fc.constantFrom(...DUTIES, ...DUTIES, 'c1' as DutyId),
      dutyId: fc.constantFrom('c1', 'c2', 'd1') as fc.Arbitrary<DutyId>,
      into: fc.constantFrom(...SUCCESSORS, 'b2' as BodyId),
    },
    { requiredKeys: ['fromBody', 'fromDuty', 'dutyId'] },
  ),
  { maxLength: 3 },
);

/** An establishment of a body with two duties of its own. */
const establishCommand = (bodyId: BodyId, on: CalendarDate) =>
  ({
    kind: 'establish',
    command: {
      type: 'EstablishBody',
      data: {
        ...newBody(bodyId),
        basis: basis(PROVINCE, on),
        effectiveOn: on,
        charter: DUTIES.map((dutyId) => ({
          change: 'AssignDuty',
          dutyId,
          category: 'advise',
          text: { vi: `Nhiệm vụ ${dutyId} của ${bodyId}` },
        })),
      },
    },
  }) as const;
const establish = fc
  .record({ bodyId: body, on: date })
  .map(({ bodyId, on }) => establishCommand(bodyId, on));

/** The original bodies, established early so that later reorganisations can take them. */
const founding = fc
  .tuple(
    ...BODIES.map((bodyId) =>
      fc
        .constantFrom(...(['2016-01-01', '2017-01-01'] as CalendarDate[]))
        .map((on) => ({ bodyId, on })),
    ),
  )
  .map((founded) => founded.map(({ bodyId, on }) => establishCommand(bodyId, on)));

const common = fc.record({
  id: fc.constantFrom('r1', 'r2', 'r3'),
  on: date,
  issuer,
  carriedDuties: carried,
});
/** Carried duties mostly name the bodies the reorganisation ends (else they must be refused). */
const takenFrom = <D extends { fromBody: BodyId }>(
  ended: ReadonlyArray<BodyId>,
  duties: ReadonlyArray<D>,
) =>
  duties.map((duty, i) => {
    const { into, ...rest } = duty as D & { into?: BodyId };
    const named = i % 3 === 2 ? rest : { ...rest, fromBody: ended[i % ended.length] as BodyId };
    // A target where one receiver needs none: sometimes it, sometimes another body.
    return i % 3 === 1 && into !== undefined ? { ...named, into } : named;
  });

const reorganisation: fc.Arbitrary<{ kind: 'reorganise'; command: Reorganisation.Command }> = fc
  .oneof(
    fc
      .record({
        c: common,
        bodies: fc.array(body, { minLength: 1, maxLength: 3 }),
        successor: startedBody,
      })
      .map(({ c, bodies, successor }) => ({
        type: 'MergeBodies' as const,
        data: {
          reorganisationId: c.id,
          basis: basis(c.issuer, c.on),
          effectiveOn: c.on,
          bodies,
          successor,
          carriedDuties: takenFrom(bodies, c.carriedDuties),
        },
      })),
    fc
      .record({
        // Often on a date founding bodies are established on, the absorbing one among them, carrying
        // nothing.
        c: fc
          .tuple(common, fc.boolean())
          .map(([c, founding]) =>
            founding ? { ...c, on: '2017-01-01' as CalendarDate, carriedDuties: [] } : c,
          ),
        bodies: fc.array(body, { minLength: 1, maxLength: 2 }),
        into: body,
      })
      .map(({ c, bodies, into }) => ({
        type: 'AbsorbBodies' as const,
        data: {
          reorganisationId: c.id,
          basis: basis(c.issuer, c.on),
          effectiveOn: c.on,
          bodies,
          into,
          carriedDuties: takenFrom(bodies, c.carriedDuties),
        },
      })),
    fc
      .record({
        c: common,
        from: body,
        successors: fc.array(startedBody, { minLength: 1, maxLength: 3 }),
      })
      .map(({ c, from, successors }) => ({
        type: 'SplitBody' as const,
        data: {
          reorganisationId: c.id,
          basis: basis(c.issuer, c.on),
          effectiveOn: c.on,
          body: from,
          successors,
          // Mostly into a successor, in turn; sometimes the drawn target, or none.
          carriedDuties: takenFrom([from], c.carriedDuties).map((duty, i) =>
            i % 3 === 2
              ? duty
              : { ...duty, into: successors[i % successors.length]?.bodyId as BodyId },
          ),
        },
      })),
    fc.record({ c: common, from: body, successor: startedBody }).map(({ c, from, successor }) => ({
      type: 'SucceedBody' as const,
      data: {
        reorganisationId: c.id,
        basis: basis(c.issuer, c.on),
        effectiveOn: c.on,
        body: from,
        successor,
        carriedDuties: takenFrom([from], c.carriedDuties),
      },
    })),
  )
  .map((command) => ({
    kind: 'reorganise',
    command: command as unknown as Reorganisation.Command,
  }));

type States = Map<BodyId, Body.State>;
const stateOf = (states: States, id: BodyId) => states.get(id) ?? Body.initialState;

/** Every lineage edge (ended body → result) recorded so far. */
function lineage(states: States): Array<[BodyId, BodyId]> {
  return [...states.values()].flatMap((state) =>
    state.status === 'ended'
      ? state.successors.map((to): [BodyId, BodyId] => [state.bodyId, to])
      : [],
  );
}

function acyclic(edges: ReadonlyArray<[BodyId, BodyId]>): boolean {
  const next = new Map<BodyId, BodyId[]>();
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const visiting = new Set<BodyId>();
  const done = new Set<BodyId>();
  const visit = (node: BodyId): boolean => {
    if (done.has(node)) return true;
    if (visiting.has(node)) return false;
    visiting.add(node);
    const ok = (next.get(node) ?? []).every(visit);
    visiting.delete(node);
    done.add(node);
    return ok;
  };
  return [...next.keys()].every(visit);
}

// -------------------------------------------------------------------------------------------------
// A naive model of the bodies
// -------------------------------------------------------------------------------------------------

interface ModelDuty {
  readonly assignedOn: string;
  readonly category: string;
  readonly text: string;
}
interface ModelBody {
  ended?: string;
  readonly establishedOn: string;
  readonly authority: string;
  readonly duties: Map<string, ModelDuty>;
  /** The dates of every fact recorded: establishment, duties, absorptions. */
  readonly facts: string[];
}
type Model = Map<string, ModelBody>;

/** A duty a receiving body takes over, as the model expects it recorded. */
interface Takeover {
  readonly dutyId: string;
  readonly category: string;
  readonly text: string;
  readonly fromBody: string;
  readonly fromDuty: string;
}

interface PlainNew {
  bodyId: string;
  authority: string;
  charter?: { dutyId: string; category: string; text: { vi: string } }[];
}
interface PlainReorganisation {
  type: string;
  data: {
    reorganisationId: string;
    basis: { issuer: string };
    effectiveOn: string;
    bodies?: string[];
    body?: string;
    into?: string;
    successor?: PlainNew;
    successors?: PlainNew[];
    carriedDuties: { fromBody: string; fromDuty: string; dutyId: string; into?: string }[];
  };
}

/** What the model makes of a reorganisation: the refusal's tag, or what each receiver takes over. */
function modelDecides(
  model: Model,
  command: PlainReorganisation,
): string | Map<string, Takeover[]> {
  const { data } = command;
  const on = data.effectiveOn;
  const issuer = data.basis.issuer;
  const ended = data.bodies ?? [data.body as string];
  const started = data.successors ?? (data.successor === undefined ? [] : [data.successor]);
  const named = [...ended, ...started.map((b) => b.bodyId), ...(data.into ? [data.into] : [])];
  if (new Set(named).size !== named.length) return 'BodyNamedTwice';
  if (command.type === 'MergeBodies' && ended.length < 2) return 'TooFewBodies';
  if (command.type === 'SplitBody' && started.length < 2) return 'TooFewBodies';
  const receivers = data.into === undefined ? started.map((b) => b.bodyId) : [data.into];
  const takeovers = new Map<string, Takeover[]>(receivers.map((id) => [id, []]));
  for (const carried of data.carriedDuties) {
    const from = model.get(carried.fromBody);
    const duty = from?.duties.get(carried.fromDuty);
    if (
      !ended.includes(carried.fromBody) ||
      duty === undefined ||
      duty.assignedOn > on ||
      (from?.ended !== undefined && on >= from.ended)
    )
      return 'DutyNotCarriable';
    const target = carried.into ?? (receivers.length === 1 ? receivers[0] : undefined);
    const list = target === undefined ? undefined : takeovers.get(target);
    if (target === undefined || list === undefined) return 'CarriedDutyTarget';
    if (
      list.some((t) => t.dutyId === carried.dutyId) ||
      model.get(target)?.duties.has(carried.dutyId) === true
    )
      return 'CarriedDutyIdTaken';
    list.push({
      dutyId: carried.dutyId,
      category: duty.category,
      text: duty.text,
      fromBody: carried.fromBody,
      fromDuty: carried.fromDuty,
    });
  }
  for (const id of ended) {
    const b = model.get(id);
    if (b === undefined || b.ended !== undefined || b.establishedOn >= on) return 'NotActiveOnDate';
    if (issuer !== b.authority) return 'NoJurisdiction';
    if (b.facts.some((date) => date >= on)) return 'EndBeforeLaterFact';
  }
  if (data.into === undefined)
    for (const b of started) {
      if (model.has(b.bodyId)) return 'SuccessorExists';
      if (issuer !== b.authority) return 'NoJurisdiction';
      const ids = (takeovers.get(b.bodyId) ?? []).map((t) => t.dutyId);
      for (const { dutyId } of b.charter ?? []) {
        if (ids.includes(dutyId)) return 'DutyAlreadyExists';
        ids.push(dutyId);
      }
    }
  else {
    const b = model.get(data.into);
    if (b === undefined || b.ended !== undefined || b.establishedOn > on) return 'NotActiveOnDate';
    if (issuer !== b.authority) return 'NoJurisdiction';
  }
  return takeovers;
}

/** The model after an accepted reorganisation. */
function modelApplies(
  model: Model,
  command: PlainReorganisation,
  takeovers: Map<string, Takeover[]>,
): void {
  const { data } = command;
  const on = data.effectiveOn;
  for (const id of data.bodies ?? [data.body as string]) (model.get(id) as ModelBody).ended = on;
  const started = data.successors ?? (data.successor === undefined ? [] : [data.successor]);
  for (const b of started)
    model.set(b.bodyId, {
      establishedOn: on,
      authority: b.authority,
      duties: new Map([
        ...(b.charter ?? []).map(
          (c) => [c.dutyId, { assignedOn: on, category: c.category, text: c.text.vi }] as const,
        ),
      ]),
      facts: [on],
    });
  if (data.into !== undefined) model.get(data.into)?.facts.push(on);
  for (const [id, list] of takeovers)
    for (const { dutyId, category, text } of list) {
      model.get(id)?.duties.set(dutyId, { assignedOn: on, category, text });
      model.get(id)?.facts.push(on);
    }
}

/** The duties each stream of a decision took over, as the model words them. */
const takenOver = (streams: ReadonlyArray<Reorganisation.StreamEvents>) =>
  new Map(
    streams.flatMap(({ bodyId, events }) => {
      const list = events.flatMap((e) =>
        e.type === 'DutyAssigned' && e.data.provenance.kind === 'carried-over'
          ? [
              {
                dutyId: e.data.dutyId as string,
                category: e.data.category as string,
                text: e.data.text.vi,
                fromBody: e.data.provenance.fromBody as string,
                fromDuty: e.data.provenance.fromDuty as string,
              },
            ]
          : [],
      );
      return list.length === 0 ? [] : [[bodyId as string, list] as const];
    }),
  );

/** Checks what an accepted reorganisation recorded against rule 5. */
function checkAccepted(
  command: Reorganisation.Command,
  before: States,
  streams: ReadonlyArray<Reorganisation.StreamEvents>,
): void {
  const { effectiveOn } = command.data;
  const ended =
    command.type === 'MergeBodies' || command.type === 'AbsorbBodies'
      ? command.data.bodies
      : [command.data.body];
  const started =
    command.type === 'MergeBodies' || command.type === 'SucceedBody'
      ? [command.data.successor.bodyId]
      : command.type === 'SplitBody'
        ? command.data.successors.map((s) => s.bodyId)
        : [];
  if (command.type === 'MergeBodies') expect(new Set(ended).size).toBeGreaterThanOrEqual(2);
  if (command.type === 'SplitBody') expect(new Set(started).size).toBeGreaterThanOrEqual(2);
  for (const id of ended) {
    const state = stateOf(before, id);
    expect(state.status).toBe('active');
    if (state.status === 'active') expect(state.establishedOn < effectiveOn).toBe(true);
    const events = streams.find((s) => s.bodyId === id)?.events ?? [];
    expect(events.map((e) => e.type)).toEqual(['BodyEnded']);
    expect(events[0]?.data.effectiveOn).toBe(effectiveOn);
  }
  for (const id of started) {
    expect(stateOf(before, id).status).toBe('unestablished');
    const first = streams.find((s) => s.bodyId === id)?.events[0];
    expect(first?.type).toBe('BodyEstablished');
    expect(first?.data.effectiveOn).toBe(effectiveOn);
    if (first?.type === 'BodyEstablished' && first.data.origin.kind === 'reorganisation')
      expect([...first.data.origin.predecessors]).toEqual([...ended]);
    else throw new Error('a successor must name its predecessors');
  }
  if (command.type === 'AbsorbBodies') {
    const kept = streams.find((s) => s.bodyId === command.data.into)?.events ?? [];
    expect(kept[0]?.type).toBe('BodiesAbsorbed');
  }
  for (const { events } of streams)
    for (const event of events)
      if (event.type === 'DutyAssigned' && event.data.provenance.kind === 'carried-over') {
        const { fromBody, fromDuty } = event.data.provenance;
        expect(ended).toContain(fromBody);
        const origin = stateOf(before, fromBody);
        const duty = origin.status === 'unestablished' ? undefined : origin.duties.get(fromDuty);
        expect(duty !== undefined && Body.dutyOn(duty, effectiveOn)).toBeTruthy();
      }
}

describe('rule 5: reorganisations', () => {
  it('end and start bodies as the rule says, once each, keeping lineage acyclic; refusals change nothing', () => {
    let accepted = 0;
    let refused = 0;
    let carriedOver = 0;
    const boundary = { ended: 0, absorbing: 0 };
    const tags = new Map<string, number>();
    fc.assert(
      fc.property(
        founding,
        fc.array(
          fc.oneof({ arbitrary: establish, weight: 1 }, { arbitrary: reorganisation, weight: 4 }),
          { maxLength: 20 },
        ),
        (founded, steps) => {
          const states: States = new Map();
          const model: Model = new Map();
          const found = (command: ReturnType<typeof establishCommand>['command']) => {
            const { bodyId, effectiveOn: on, authority } = command.data;
            if (model.has(bodyId)) return false;
            model.set(bodyId, {
              establishedOn: on,
              authority,
              duties: new Map(
                command.data.charter.map((c) => [
                  c.dutyId,
                  { assignedOn: on, category: c.category, text: c.text.vi },
                ]),
              ),
              facts: [on],
            });
            return true;
          };
          for (const { command } of founded) {
            found(command);
            const decided = Body.decider.decide(
              command as unknown as Body.Command,
              Body.initialState,
              context,
            );
            if (decided._tag === 'Left') throw new Error('founding fixture refused');
            states.set(command.data.bodyId, decided.right.reduce(Body.evolve, Body.initialState));
          }
          const endings = new Map<BodyId, number>();
          for (const step of steps) {
            if (step.kind === 'establish') {
              const state = stateOf(states, step.command.data.bodyId);
              const decided = Body.decider.decide(
                step.command as unknown as Body.Command,
                state,
                context,
              );
              expect(decided._tag === 'Right', 'establishment').toBe(found(step.command));
              if (decided._tag === 'Right')
                states.set(step.command.data.bodyId, decided.right.reduce(Body.evolve, state));
              continue;
            }
            const before = new Map(states);
            const decided = Reorganisation.decide(step.command, states, context);
            const plainCommand = JSON.parse(JSON.stringify(step.command)) as PlainReorganisation;
            const expected = modelDecides(model, plainCommand);
            // Bodies the reorganisation ends or keeps, established on its very date.
            const onStart = (id: string | undefined) =>
              id !== undefined && model.get(id)?.establishedOn === plainCommand.data.effectiveOn;
            const { bodies, body: one, into } = plainCommand.data;
            if ((bodies ?? [one]).some(onStart)) boundary.ended += 1;
            if (onStart(into) && typeof expected !== 'string') boundary.absorbing += 1;
            const outcome = decided._tag === 'Left' ? decided.left._tag : 'accepted';
            if (outcome !== (typeof expected === 'string' ? expected : 'accepted'))
              throw new Error(
                `${outcome} against the model's ${typeof expected === 'string' ? expected : 'acceptance'}: ${JSON.stringify(step.command)}`,
              );
            if (decided._tag === 'Left' || typeof expected === 'string') {
              refused += 1;
              tags.set(outcome, (tags.get(outcome) ?? 0) + 1);
              expect(deepEqual(states, before)).toBe(true);
              continue;
            }
            accepted += 1;
            const expectedTakeovers = new Map([...expected].filter(([, list]) => list.length > 0));
            expect(takenOver(decided.right)).toEqual(expectedTakeovers);
            if (expectedTakeovers.size > 0) carriedOver += 1;
            modelApplies(model, plainCommand, expected);
            checkAccepted(step.command, before, decided.right);
            for (const { bodyId, events } of decided.right) {
              states.set(bodyId, events.reduce(Body.evolve, stateOf(states, bodyId)));
              if (events.some((e) => e.type === 'BodyEnded'))
                endings.set(bodyId, (endings.get(bodyId) ?? 0) + 1);
            }
            for (const count of endings.values()) expect(count).toBe(1);
            expect(acyclic(lineage(states))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
    expect(boundary.ended, 'ends of bodies on their establishment date').toBeGreaterThan(5);
    expect(
      boundary.absorbing,
      'absorptions on the absorbing body’s establishment date',
    ).toBeGreaterThan(0);
    expect(carriedOver, 'accepted reorganisations carried duties over').toBeGreaterThan(20);
    for (const tag of [
      'DutyNotCarriable',
      'CarriedDutyTarget',
      'CarriedDutyIdTaken',
      'NotActiveOnDate',
      'SuccessorExists',
      'DutyAlreadyExists',
    ])
      expect(tags.get(tag) ?? 0, tag).toBeGreaterThan(0);
  });

  it('refuses a merger of one body, a split into one, and a body named twice', () => {
    const on = '2019-07-01' as CalendarDate;
    const established = (id: BodyId) =>
      Body.decider.decide(
        {
          type: 'EstablishBody',
          data: {
            ...newBody(id),
            basis: basis(PROVINCE, '2018-01-01' as CalendarDate),
            effectiveOn: '2018-01-01' as CalendarDate,
          },
        } as Body.Command,
        Body.initialState,
        context,
      );
    const states: States = new Map();
    for (const id of ['b1', 'b2'] as BodyId[]) {
      const decided = established(id);
      if (decided._tag === 'Left') throw new Error('fixture');
      states.set(id, decided.right.reduce(Body.evolve, Body.initialState));
    }
    const data = { reorganisationId: 'r1', basis: basis(PROVINCE, on), effectiveOn: on };
    const tag = (command: unknown) => {
      const decided = Reorganisation.decide(command as Reorganisation.Command, states, context);
      return decided._tag === 'Left' ? decided.left._tag : 'accepted';
    };
    expect(
      tag({
        type: 'MergeBodies',
        data: { ...data, bodies: ['b1'], successor: newBody('b9' as BodyId) },
      }),
    ).toBe('TooFewBodies');
    expect(
      tag({
        type: 'MergeBodies',
        data: { ...data, bodies: ['b1', 'b1'], successor: newBody('b9' as BodyId) },
      }),
    ).toBe('BodyNamedTwice');
    expect(
      tag({
        type: 'SplitBody',
        data: { ...data, body: 'b1', successors: [newBody('b9' as BodyId)] },
      }),
    ).toBe('TooFewBodies');
    expect(
      tag({
        type: 'MergeBodies',
        data: { ...data, bodies: ['b1', 'b2'], successor: newBody('b2' as BodyId) },
      }),
    ).toBe('BodyNamedTwice');
    expect(
      tag({
        type: 'SucceedBody',
        data: { ...data, body: 'b1', successor: newBody('b2' as BodyId) },
      }),
    ).toBe('SuccessorExists');
    expect(
      tag({
        type: 'MergeBodies',
        data: { ...data, bodies: ['b1', 'b2'], successor: newBody('b9' as BodyId) },
      }),
    ).toBe('accepted');
  });
});

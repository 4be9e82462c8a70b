/**
 * docs/reference/domain.md rule 5: a merger takes at least two distinct bodies, all active on its date, ends
 * each of them and starts exactly one successor on that date; an absorption ends the absorbed
 * bodies and keeps the absorbing one; a split ends one body and starts several; a succession ends
 * one and starts one. A body ends at most once; the lineage graph stays acyclic; duties named in
 * the decision carry over and say where they came from. A refused reorganisation changes nothing.
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
const carried = fc.array(
  fc.record(
    {
      fromBody: body,
      fromDuty: fc.constantFrom(...DUTIES),
      dutyId: fc.constantFrom('c1', 'c2', 'd1') as fc.Arbitrary<DutyId>,
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
  duties.map((duty, i) =>
    i % 4 === 3 ? duty : { ...duty, fromBody: ended[i % ended.length] as BodyId },
  );

const reorganisation: fc.Arbitrary<{ kind: 'reorganise'; command: Reorganisation.Command }> = fc
  .oneof(
    fc
      .record({
        c: common,
        bodies: fc.array(body, { minLength: 1, maxLength: 3 }),
        successor,
      })
      .map(({ c, bodies, successor }) => ({
        type: 'MergeBodies' as const,
        data: {
          reorganisationId: c.id,
          basis: basis(c.issuer, c.on),
          effectiveOn: c.on,
          bodies,
          successor: newBody(successor),
          carriedDuties: takenFrom(bodies, c.carriedDuties),
        },
      })),
    fc
      .record({ c: common, bodies: fc.array(body, { minLength: 1, maxLength: 2 }), into: body })
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
        successors: fc.array(successor, { minLength: 1, maxLength: 3 }),
      })
      .map(({ c, from, successors }) => ({
        type: 'SplitBody' as const,
        data: {
          reorganisationId: c.id,
          basis: basis(c.issuer, c.on),
          effectiveOn: c.on,
          body: from,
          successors: successors.map(newBody),
          carriedDuties: takenFrom([from], c.carriedDuties).map((duty, i) => ({
            ...duty,
            into: successors[i % successors.length] as BodyId,
          })),
        },
      })),
    fc.record({ c: common, from: body, successor }).map(({ c, from, successor }) => ({
      type: 'SucceedBody' as const,
      data: {
        reorganisationId: c.id,
        basis: basis(c.issuer, c.on),
        effectiveOn: c.on,
        body: from,
        successor: newBody(successor),
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
    fc.assert(
      fc.property(
        founding,
        fc.array(
          fc.oneof({ arbitrary: establish, weight: 1 }, { arbitrary: reorganisation, weight: 4 }),
          { maxLength: 20 },
        ),
        (founded, steps) => {
          const states: States = new Map();
          for (const { command } of founded) {
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
              if (decided._tag === 'Right')
                states.set(step.command.data.bodyId, decided.right.reduce(Body.evolve, state));
              continue;
            }
            const before = new Map(states);
            const decided = Reorganisation.decide(step.command, states, context);
            if (decided._tag === 'Left') {
              refused += 1;
              expect(deepEqual(states, before)).toBe(true);
              continue;
            }
            accepted += 1;
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
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
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

/**
 * Decides reorganisations. A reorganisation has no stream of its own: it decides over the states
 * of every body it touches and returns the events for each of their streams, which the store
 * appends atomically. Ended bodies get `BodyEnded` (closing their seats, duties and obligations);
 * each new body gets `BodyEstablished` naming its predecessors, then the duties carried over
 * (`DutyAssigned` saying where each came from), then its charter; an absorbing body gets
 * `BodiesAbsorbed` and the duties it takes over.
 *
 * @see docs/reference/domain.md rules 5 and 9
 */
import type { Either } from 'fp-ts/Either';
import { left, right } from 'fp-ts/Either';
import * as Body from '../body/index.js';
import type {
  BodyId,
  CalendarDate,
  DutyId,
  LegalBasis,
  ReorganisationId,
} from '../kernel/index.js';
import { instrumentSource } from '../kernel/index.js';
import type { CarriedDuty, Command, NewBody } from './commands.js';
import type { Refusal } from './refusals.js';
import * as refuse from './refusals.js';

/** The current state of every body a reorganisation touches, by id (absent = no events yet). */
export type BodyStates = ReadonlyMap<BodyId, Body.State>;

/** The events a reorganisation records on one body's stream. */
export interface StreamEvents {
  readonly bodyId: BodyId;
  readonly events: ReadonlyArray<Body.Event>;
}

type Decision = Either<Refusal, ReadonlyArray<StreamEvents>>;

/** The bodies whose streams a command reads and writes, originals first. */
export function bodiesTouched(command: Command): ReadonlyArray<BodyId> {
  switch (command.type) {
    case 'MergeBodies':
      return [...command.data.bodies, command.data.successor.bodyId];
    case 'AbsorbBodies':
      return [...command.data.bodies, command.data.into];
    case 'SplitBody':
      return [command.data.body, ...command.data.successors.map((s) => s.bodyId)];
    case 'SucceedBody':
      return [command.data.body, command.data.successor.bodyId];
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** One reorganisation, in the shape every kind shares. */
interface Plan {
  readonly reorganisationId: ReorganisationId;
  readonly basis: LegalBasis;
  readonly effectiveOn: CalendarDate;
  readonly kind: Body.CreatingReorganisation | 'absorption';
  readonly ended: ReadonlyArray<BodyId>;
  readonly started: ReadonlyArray<NewBody>;
  readonly into?: BodyId;
  readonly carriedDuties: ReadonlyArray<CarriedDuty>;
}

function planOf(command: Command): Plan {
  const { reorganisationId, basis, effectiveOn } = command.data;
  const carriedDuties = command.data.carriedDuties ?? [];
  const common = { reorganisationId, basis, effectiveOn, carriedDuties };
  switch (command.type) {
    case 'MergeBodies':
      return {
        ...common,
        kind: 'merger',
        ended: command.data.bodies,
        started: [command.data.successor],
      };
    case 'AbsorbBodies':
      return {
        ...common,
        // Stryker disable next-line StringLiteral: equivalent, an absorption starts no body, so whether `decide` takes it for another kind changes nothing; its body goes on through `into`
        kind: 'absorption',
        ended: command.data.bodies,
        started: [],
        into: command.data.into,
      };
    case 'SplitBody':
      return {
        ...common,
        kind: 'split',
        ended: [command.data.body],
        started: command.data.successors,
      };
    case 'SucceedBody':
      return {
        ...common,
        kind: 'succession',
        ended: [command.data.body],
        started: [command.data.successor],
      };
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The new bodies a command starts, whose streams it begins (none for an absorption). */
export const bodiesStarted = (command: Command): ReadonlyArray<BodyId> =>
  planOf(command).started.map((body) => body.bodyId);

const stateOf = (states: BodyStates, bodyId: BodyId): Body.State =>
  states.get(bodyId) ?? Body.initialState;

/** Refuses a plan whose bodies are not distinct or too few for its kind. */
function shapeRefusal(plan: Plan): Refusal | undefined {
  const named = [
    ...plan.ended,
    ...plan.started.map((b) => b.bodyId),
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: equivalent, an `undefined` or a placeholder string among the ids is never a body named twice
    ...(plan.into === undefined ? [] : [plan.into]),
  ];
  const seen = new Set<BodyId>();
  for (const bodyId of named) {
    if (seen.has(bodyId)) return refuse.bodyNamedTwice(bodyId);
    seen.add(bodyId);
  }
  if (plan.kind === 'merger' && plan.ended.length < 2)
    return refuse.tooFewBodies('merger', 2, plan.ended.length);
  if (plan.kind === 'split' && plan.started.length < 2)
    return refuse.tooFewBodies('split', 2, plan.started.length);
  return undefined;
}

/** The bodies that receive carried duties: the new ones, or the absorbing one. */
const receiversOf = (plan: Plan): ReadonlyArray<BodyId> =>
  plan.into === undefined ? plan.started.map((b) => b.bodyId) : [plan.into];

/** Resolves every carried duty to its receiving body and its text on the effective date. */
function carriedDutyEvents(
  plan: Plan,
  states: BodyStates,
): Either<Refusal, ReadonlyMap<BodyId, Body.Event[]>> {
  const receivers = receiversOf(plan);
  const byReceiver = new Map<BodyId, Body.Event[]>(receivers.map((id) => [id, []]));
  const taken = new Map<BodyId, Set<DutyId>>(receivers.map((id) => [id, new Set<DutyId>()]));
  for (const carried of plan.carriedDuties) {
    if (!plan.ended.includes(carried.fromBody))
      return left(refuse.dutyNotCarriable(carried.fromBody, carried.fromDuty));
    const from = stateOf(states, carried.fromBody);
    const duty = from.status === 'unestablished' ? undefined : from.duties.get(carried.fromDuty);
    const inForce = duty === undefined ? undefined : Body.dutyOn(duty, plan.effectiveOn);
    if (inForce === undefined)
      return left(refuse.dutyNotCarriable(carried.fromBody, carried.fromDuty));
    const into = carried.into ?? (receivers.length === 1 ? receivers[0] : undefined);
    // Stryker disable next-line ConditionalExpression: equivalent, the receivers hold no `undefined`, so `includes` refuses it too; the test narrows the type
    if (into === undefined || !receivers.includes(into))
      return left(refuse.carriedDutyTarget(carried.fromDuty, carried.into));
    const receiver = stateOf(states, into);
    const ids = taken.get(into) as Set<DutyId>;
    if (
      ids.has(carried.dutyId) ||
      (receiver.status !== 'unestablished' && receiver.duties.has(carried.dutyId))
    )
      return left(refuse.carriedDutyIdTaken(into, carried.dutyId));
    ids.add(carried.dutyId);
    // Stryker disable next-line OptionalChaining: equivalent, every receiver has its list, made before the loop
    byReceiver.get(into)?.push(
      Body.dutyAssigned({
        bodyId: into,
        effectiveOn: plan.effectiveOn,
        source: instrumentSource(plan.basis),
        dutyId: carried.dutyId,
        category: inForce.category,
        text: inForce.text,
        provenance: {
          kind: 'carried-over',
          fromBody: carried.fromBody,
          fromDuty: carried.fromDuty,
          reorganisationId: plan.reorganisationId,
        },
      }),
    );
  }
  return right(byReceiver);
}

/** Ends one original body as part of the plan. */
function endOriginal(
  plan: Plan,
  bodyId: BodyId,
  states: BodyStates,
  context: Body.BodyContext,
): Either<Refusal, StreamEvents> {
  const state = stateOf(states, bodyId);
  if (state.status !== 'active' || state.establishedOn >= plan.effectiveOn)
    return left(refuse.notActiveOnDate(bodyId, plan.effectiveOn));
  const ended = Body.decideEnd(
    state,
    {
      basis: plan.basis,
      effectiveOn: plan.effectiveOn,
      reason: plan.kind,
      successors: receiversOf(plan),
      reorganisationId: plan.reorganisationId,
    },
    context,
  );
  return ended._tag === 'Left' ? ended : right({ bodyId, events: ended.right });
}

/** Starts one new body: established, carried duties, then its charter. */
function startNew(
  plan: Plan,
  creating: Body.CreatingReorganisation,
  body: NewBody,
  carried: ReadonlyArray<Body.Event>,
  states: BodyStates,
  context: Body.BodyContext,
): Either<Refusal, StreamEvents> {
  const state = stateOf(states, body.bodyId);
  if (state.status !== 'unestablished') return left(refuse.successorExists(body.bodyId));
  const established = Body.decideEstablishment(
    state,
    {
      bodyId: body.bodyId,
      kind: body.kind,
      name: body.name,
      authority: body.authority,
      // Stryker disable next-line ConditionalExpression: equivalent, the establishment leaves out an undefined purpose too
      ...(body.purpose === undefined ? {} : { purpose: body.purpose }),
      origin: {
        kind: 'reorganisation',
        reorganisationId: plan.reorganisationId,
        reorganisation: creating,
        predecessors: plan.ended as readonly [BodyId, ...BodyId[]],
      },
      basis: plan.basis,
      effectiveOn: plan.effectiveOn,
    },
    context,
  );
  if (established._tag === 'Left') return established;
  const opening = [...established.right, ...carried];
  const charter = body.charter ?? [];
  // Stryker disable next-line ConditionalExpression: equivalent, a fast path: an empty charter decides no changes, so the events are the same
  if (charter.length === 0) return right({ bodyId: body.bodyId, events: opening });
  const decided = Body.decideChanges(
    opening.reduce(Body.evolve, state),
    charter,
    plan.basis,
    plan.effectiveOn,
    context,
  );
  return decided._tag === 'Left'
    ? decided
    : right({ bodyId: body.bodyId, events: [...opening, ...decided.right] });
}

/** Keeps the absorbing body: it records what it absorbed and the duties it takes over. */
function keepAbsorbing(
  plan: Plan,
  into: BodyId,
  carried: ReadonlyArray<Body.Event>,
  states: BodyStates,
  context: Body.BodyContext,
): Either<Refusal, StreamEvents> {
  const state = stateOf(states, into);
  if (state.status !== 'active' || state.establishedOn > plan.effectiveOn)
    return left(refuse.notActiveOnDate(into, plan.effectiveOn));
  const absorbed = Body.decideAbsorption(
    state,
    {
      absorbed: plan.ended as readonly [BodyId, ...BodyId[]],
      reorganisationId: plan.reorganisationId,
      basis: plan.basis,
      effectiveOn: plan.effectiveOn,
    },
    context,
  );
  return absorbed._tag === 'Left'
    ? absorbed
    : right({ bodyId: into, events: [...absorbed.right, ...carried] });
}

/**
 * Decides a reorganisation over the states of the bodies it touches (see {@link bodiesTouched}):
 * the events for each stream, or the refusal naming the rule it would break.
 */
export function decide(command: Command, states: BodyStates, context: Body.BodyContext): Decision {
  const plan = planOf(command);
  const shape = shapeRefusal(plan);
  if (shape !== undefined) return left(shape);
  const carried = carriedDutyEvents(plan, states);
  if (carried._tag === 'Left') return carried;
  // Stryker disable next-line ArrayDeclaration: unreachable, every receiver has its list, made before the duties are carried
  const carriedInto = (bodyId: BodyId) => carried.right.get(bodyId) ?? [];
  const streams: StreamEvents[] = [];
  for (const bodyId of plan.ended) {
    const ended = endOriginal(plan, bodyId, states, context);
    if (ended._tag === 'Left') return ended;
    streams.push(ended.right);
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an absorption starts no body, so the loop does nothing; the test narrows the kind
  if (plan.kind !== 'absorption') {
    for (const body of plan.started) {
      const started = startNew(plan, plan.kind, body, carriedInto(body.bodyId), states, context);
      if (started._tag === 'Left') return started;
      streams.push(started.right);
    }
  }
  if (plan.into !== undefined) {
    const kept = keepAbsorbing(plan, plan.into, carriedInto(plan.into), states, context);
    if (kept._tag === 'Left') return kept;
    streams.push(kept.right);
  }
  return right(streams);
}

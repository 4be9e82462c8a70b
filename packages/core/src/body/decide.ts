/**
 * Decides the body's commands. A decision's changes are decided one after another, each against
 * the state the previous ones produce; then the rules that span the whole valid-time line (one
 * head, one seat per holder) are checked on the result, so a retroactive change that would break
 * them on any later date is refused. All of a decision's changes apply, or none does.
 *
 * @see docs/reference/domain.md rules 1, 2, 3, 4, 7, 8 and 9
 */
import type { Either } from 'fp-ts/Either';
import { left, right } from 'fp-ts/Either';
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  LegalBasis,
  ReorganisationId,
  SeatId,
  Source,
} from '../kernel/index.js';
import {
  contains,
  instrumentSource,
  maxDate,
  overlaps,
  reportSource,
  sameName,
} from '../kernel/index.js';
import type {
  BodyChange,
  Command,
  CorrectReport,
  EstablishBody,
  FileReport,
  TransferBody,
} from './commands.js';
import { sameDutyText, ownDuty } from './duty.js';
import type { Event } from './events.js';
import {
  bodiesAbsorbed,
  bodyEnded,
  bodyEstablished,
  bodyRenamed,
  bodyTransferred,
  dutyAmended,
  dutyAssigned,
  dutyRevoked,
  reportCorrected,
  reportFiled,
  reportingObligationImposed,
  reportingObligationLifted,
  seatAbolished,
  seatCreated,
  seatHolderRelieved,
  seatHolderReplaced,
  seatRolesChanged,
} from './events.js';
import type { FactEvent } from './evolve.js';
import { evolve, evolveFacts } from './evolve.js';
import { firstFactFrom, rosterViolation } from './invariants.js';
import type { BodyKind } from './kind.js';
import type { BodyOrigin, EndReason } from './lifecycle.js';
import { periodFitsCadence, periodInterval } from './period.js';
import type { Refusal } from './refusals.js';
import * as refuse from './refusals.js';
import type { ActiveBody, EstablishedBody, State } from './state.js';
import {
  authorityOn,
  dutyLife,
  dutyOn,
  holderOn,
  nameOn,
  obligationLife,
  rolesOn,
  sameHolder,
  seatLife,
} from './state.js';
import { lastFrom } from './timeline.js';
import type { BodyContext } from './context.js';
import { decideCorrection } from './corrections/decide.js';

export type { BodyContext } from './context.js';

type Decision<E = Event> = Either<Refusal, ReadonlyArray<E>>;

const nothing: Decision<never> = right([]);

/** The body as an active one, or why it cannot be changed. */
function activeBody(state: State): Either<Refusal, ActiveBody> {
  switch (state.status) {
    case 'unestablished':
      return left(refuse.notEstablished());
    case 'ended':
      return left(refuse.bodyHasEnded(state.bodyId, state.endedOn));
    case 'active':
      return right(state);
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

/** Why the instrument's issuer may not change a body of `authority`, if it may not. */
function jurisdictionRefusal(
  context: BodyContext,
  basis: LegalBasis,
  authority: EstablishedBody['authority'],
): Refusal | undefined {
  return context.jurisdiction.mayChange(basis.issuer, authority, basis.signedOn)
    ? undefined
    : refuse.noJurisdiction(basis.issuer, authority, basis.signedOn);
}

// -------------------------------------------------------------------------------------------------
// One change
// -------------------------------------------------------------------------------------------------

/** Decides one change on `on` against the body as the earlier changes left it. */
function decideChange(
  body: EstablishedBody,
  change: BodyChange,
  source: Source,
  on: CalendarDate,
): Decision<FactEvent> {
  const common = { bodyId: body.bodyId, effectiveOn: on, source };

  const liveSeat = (seatId: SeatId) => {
    const seat = body.seats.get(seatId);
    if (seat === undefined) return left(refuse.unknownSeat(seatId));
    if (!contains(seatLife(seat), on))
      return left(refuse.outsideSeatLife(seatId, on, seat.createdOn, seat.abolishedOn));
    return right(seat);
  };

  switch (change.change) {
    case 'Rename': {
      const previous = nameOn(body, on);
      // Stryker disable next-line ConditionalExpression: equivalent, a change is dated within the body's life (refused before), where a name stands; the test narrows the type
      if (previous === undefined || sameName(previous, change.name)) return nothing;
      return right([bodyRenamed({ ...common, name: change.name, previous })]);
    }
    case 'CreateSeat': {
      const { seatId, roles, holder } = change;
      if (body.seats.has(seatId)) return left(refuse.seatAlreadyExists(seatId));
      return right([seatCreated({ ...common, seatId, roles, holder })]);
    }
    case 'ReplaceSeatHolder': {
      const seat = liveSeat(change.seatId);
      if (seat._tag === 'Left') return seat;
      const previous = holderOn(seat.right, on) ?? null;
      if (sameHolder(previous, change.holder)) return nothing;
      return right([
        seatHolderReplaced({ ...common, seatId: change.seatId, previous, holder: change.holder }),
      ]);
    }
    case 'RelieveSeatHolder': {
      const seat = liveSeat(change.seatId);
      if (seat._tag === 'Left') return seat;
      const previous = holderOn(seat.right, on) ?? null;
      if (previous === null) return left(refuse.seatAlreadyVacant(change.seatId, on));
      return right([seatHolderRelieved({ ...common, seatId: change.seatId, previous })]);
    }
    case 'ChangeSeatRoles': {
      const seat = liveSeat(change.seatId);
      if (seat._tag === 'Left') return seat;
      const previous = rolesOn(seat.right, on);
      // Stryker disable next-line ConditionalExpression: equivalent, `liveSeat` found the seat alive on the date, so it has roles then; the test narrows the type
      if (previous === undefined || previous.join() === change.roles.join()) return nothing;
      return right([
        seatRolesChanged({ ...common, seatId: change.seatId, roles: change.roles, previous }),
      ]);
    }
    case 'AbolishSeat': {
      const seat = body.seats.get(change.seatId);
      if (seat === undefined) return left(refuse.unknownSeat(change.seatId));
      if (seat.abolishedOn !== undefined)
        return left(refuse.seatAlreadyAbolished(seat.seatId, seat.abolishedOn));
      if (on <= seat.createdOn)
        return left(refuse.outsideSeatLife(seat.seatId, on, seat.createdOn, undefined));
      const changedOn = maxDate(lastFrom(seat.roles) ?? on, lastFrom(seat.holders) ?? on);
      if (changedOn >= on) return left(refuse.seatHasLaterChanges(seat.seatId, on, changedOn));
      return right([seatAbolished({ ...common, seatId: seat.seatId })]);
    }
    case 'AssignDuty': {
      const { dutyId, category, text } = change;
      if (body.duties.has(dutyId)) return left(refuse.dutyAlreadyExists(dutyId));
      return right([dutyAssigned({ ...common, dutyId, category, text, provenance: ownDuty })]);
    }
    case 'AmendDuty': {
      const { dutyId, category, text } = change;
      const duty = body.duties.get(dutyId);
      if (duty === undefined) return left(refuse.unknownDuty(dutyId));
      const current = dutyOn(duty, on);
      if (current === undefined)
        return left(refuse.outsideDutyLife(dutyId, on, duty.assignedOn, duty.revokedOn));
      const changesCategory = category !== undefined && category !== current.category;
      const changesText = text !== undefined && !sameDutyText(text, current.text);
      if (!changesCategory && !changesText) return nothing;
      return right([
        dutyAmended({
          ...common,
          dutyId,
          ...(category === undefined ? {} : { category }),
          ...(text === undefined ? {} : { text }),
        }),
      ]);
    }
    case 'RevokeDuty': {
      const duty = body.duties.get(change.dutyId);
      if (duty === undefined) return left(refuse.unknownDuty(change.dutyId));
      if (duty.revokedOn !== undefined)
        return left(refuse.dutyAlreadyRevoked(duty.dutyId, duty.revokedOn));
      if (on <= duty.assignedOn)
        return left(refuse.outsideDutyLife(duty.dutyId, on, duty.assignedOn, undefined));
      const tiedOn = [...body.obligations.values()]
        .filter((o) => o.dutyId === duty.dutyId)
        .map((o) => o.imposedOn);
      const changedOn = [lastFrom(duty.categories), lastFrom(duty.texts), ...tiedOn].reduce(
        // Stryker disable next-line ConditionalExpression: equivalent, a duty's timelines are never empty, so no date here is undefined; the test narrows the type
        (latest: CalendarDate, d) => (d === undefined ? latest : maxDate(latest, d)),
        duty.assignedOn,
      );
      if (changedOn >= on) return left(refuse.dutyHasLaterChanges(duty.dutyId, on, changedOn));
      return right([dutyRevoked({ ...common, dutyId: duty.dutyId })]);
    }
    case 'ImposeReportingObligation': {
      const { change: _change, ...terms } = change;
      if (body.obligations.has(terms.obligationId))
        return left(refuse.obligationAlreadyExists(terms.obligationId));
      if (terms.dutyId !== undefined) {
        const duty = body.duties.get(terms.dutyId);
        if (duty === undefined) return left(refuse.unknownDuty(terms.dutyId));
        if (!contains(dutyLife(duty), on))
          return left(refuse.outsideDutyLife(duty.dutyId, on, duty.assignedOn, duty.revokedOn));
      }
      return right([reportingObligationImposed({ ...common, ...terms })]);
    }
    case 'LiftReportingObligation': {
      const obligation = body.obligations.get(change.obligationId);
      if (obligation === undefined) return left(refuse.unknownObligation(change.obligationId));
      const { obligationId, imposedOn, liftedOn } = obligation;
      if (liftedOn !== undefined)
        return left(refuse.obligationAlreadyLifted(obligationId, liftedOn));
      if (on <= imposedOn) return left(refuse.outsideObligationLife(obligationId, on, imposedOn));
      const later = [...body.reports.values()].find(
        (r) => r.obligationId === obligationId && periodInterval(r.period).from >= on,
      );
      if (later !== undefined)
        return left(
          refuse.obligationHasLaterReports(obligationId, on, later.reportId, later.period),
        );
      return right([reportingObligationLifted({ ...common, obligationId })]);
    }
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Decisions about a body's life and facts (also used by the reorganisation decider)
// -------------------------------------------------------------------------------------------------

/**
 * Decides one decision's changes to an active body, all or nothing: each change is decided against the state the earlier ones produce, then rules 2 and 3
 * are checked over the whole valid-time line. A merger's successor uses this for its charter.
 *
 * @see docs/reference/domain.md rules 2, 3, 4 and 9, and "One decision, many changes"
 */
export function decideChanges(
  state: State,
  changes: ReadonlyArray<BodyChange>,
  basis: LegalBasis,
  effectiveOn: CalendarDate,
  context: BodyContext,
): Decision<FactEvent> {
  const active = activeBody(state);
  if (active._tag === 'Left') return active;
  const body: EstablishedBody = active.right;
  const noJurisdiction = jurisdictionRefusal(context, basis, authorityOn(body, basis.signedOn));
  if (noJurisdiction !== undefined) return left(noJurisdiction);
  if (effectiveOn < body.establishedOn)
    return left(refuse.beforeEstablishment(effectiveOn, body.establishedOn));
  const source = instrumentSource(basis);
  let current: EstablishedBody = body;
  const events: FactEvent[] = [];
  for (const change of changes) {
    const decided = decideChange(current, change, source, effectiveOn);
    if (decided._tag === 'Left') return decided;
    for (const event of decided.right) current = evolveFacts(current, event);
    events.push(...decided.right);
  }
  const violation = rosterViolation(current);
  return violation === undefined ? right(events) : left(violation);
}

/** What ends a body: the instrument, the date, why, and the bodies that succeed it. */
export interface Ending {
  readonly basis: LegalBasis;
  readonly effectiveOn: CalendarDate;
  readonly reason: EndReason;
  readonly successors: ReadonlyArray<BodyId>;
  readonly reorganisationId?: ReorganisationId;
}

/**
 * Decides ending an active body (dissolution, or its part in a reorganisation): refused when a
 * fact already recorded would fall on or after the end date.
 *
 * @see docs/reference/domain.md rules 1, 4 and 9
 */
export function decideEnd(state: State, ending: Ending, context: BodyContext): Decision {
  const { basis, effectiveOn, reason, successors, reorganisationId } = ending;
  const active = activeBody(state);
  if (active._tag === 'Left') return active;
  const body = active.right;
  const noJurisdiction = jurisdictionRefusal(context, basis, authorityOn(body, basis.signedOn));
  if (noJurisdiction !== undefined) return left(noJurisdiction);
  if (effectiveOn < body.establishedOn)
    return left(refuse.beforeEstablishment(effectiveOn, body.establishedOn));
  const later = firstFactFrom(body, effectiveOn);
  if (later !== undefined)
    return left(refuse.endBeforeLaterFact(effectiveOn, later.on, later.fact));
  return right([
    bodyEnded({
      bodyId: body.bodyId,
      effectiveOn,
      source: instrumentSource(basis),
      reason,
      successors,
      ...(reorganisationId === undefined ? {} : { reorganisationId }),
    }),
  ]);
}

/** What establishes a body: who it is, under which authority, how it came to be, and when. */
export interface Establishment {
  readonly bodyId: BodyId;
  readonly kind: BodyKind;
  readonly name: BilingualName;
  readonly authority: AuthorityId;
  readonly purpose?: BilingualText;
  readonly origin: BodyOrigin;
  readonly basis: LegalBasis;
  readonly effectiveOn: CalendarDate;
}

/**
 * Decides establishing a body on an empty stream, by its own decision or as the result of a
 * reorganisation (a merger's or split's successor): refused when the stream already holds a
 * body, or when the issuer has no jurisdiction over the new body's authority.
 *
 * @see docs/reference/domain.md rules 1 and 9
 */
export function decideEstablishment(
  state: State,
  establishment: Establishment,
  context: BodyContext,
): Decision {
  const { bodyId, kind, name, authority, purpose, origin, basis, effectiveOn } = establishment;
  if (state.status !== 'unestablished') return left(refuse.alreadyEstablished(state.bodyId));
  const noJurisdiction = jurisdictionRefusal(context, basis, authority);
  if (noJurisdiction !== undefined) return left(noJurisdiction);
  return right([
    bodyEstablished({
      bodyId,
      effectiveOn,
      source: instrumentSource(basis),
      kind,
      name,
      authority,
      origin,
      ...(purpose === undefined ? {} : { purpose }),
    }),
  ]);
}

/** What an absorbing body records: the bodies it absorbed, in which reorganisation, when. */
export interface Absorbing {
  readonly absorbed: readonly [BodyId, ...BodyId[]];
  readonly reorganisationId: ReorganisationId;
  readonly basis: LegalBasis;
  readonly effectiveOn: CalendarDate;
}

/**
 * Decides recording, on the absorbing body's stream, that it absorbed others: the body must be
 * active and established by the effective date, and the issuer must have jurisdiction over it.
 * (Ending the absorbed bodies is {@link decideEnd} on each of their streams.)
 *
 * @see docs/reference/domain.md rules 4, 5 and 9
 */
export function decideAbsorption(
  state: State,
  absorbing: Absorbing,
  context: BodyContext,
): Decision {
  const { absorbed, reorganisationId, basis, effectiveOn } = absorbing;
  const active = activeBody(state);
  if (active._tag === 'Left') return active;
  const body = active.right;
  const noJurisdiction = jurisdictionRefusal(context, basis, authorityOn(body, basis.signedOn));
  if (noJurisdiction !== undefined) return left(noJurisdiction);
  if (effectiveOn < body.establishedOn)
    return left(refuse.beforeEstablishment(effectiveOn, body.establishedOn));
  return right([
    bodiesAbsorbed({
      bodyId: body.bodyId,
      effectiveOn,
      source: instrumentSource(basis),
      absorbed,
      reorganisationId,
    }),
  ]);
}

// -------------------------------------------------------------------------------------------------
// Commands
// -------------------------------------------------------------------------------------------------

/** The body a command names, established, or why the command cannot apply to this stream. */
function establishedBody(state: State, bodyId: BodyId): Either<Refusal, EstablishedBody> {
  if (state.status === 'unestablished') return left(refuse.notEstablished(bodyId));
  if (state.bodyId !== bodyId) return left(refuse.wrongBody(state.bodyId, bodyId));
  return right(state);
}

/** Establishes the body by its own decision, then applies its charter in the same decision. */
function establish({ data }: EstablishBody, state: State, context: BodyContext): Decision {
  const { charter = [], ...establishment } = data;
  const established = decideEstablishment(
    state,
    { ...establishment, origin: { kind: 'decision' } },
    context,
  );
  if (established._tag === 'Left') return established;
  // Stryker disable next-line ConditionalExpression: equivalent, a fast path: an empty charter decides no changes
  if (charter.length === 0) return established;
  const decided = decideChanges(
    established.right.reduce(evolve, state),
    charter,
    data.basis,
    data.effectiveOn,
    context,
  );
  return decided._tag === 'Left' ? decided : right([...established.right, ...decided.right]);
}

/** Checks what filing and correcting a report share: a new report id, filed by this body. */
function reportRefusal(
  body: EstablishedBody,
  reportId: FileReport['data']['reportId'],
  document: FileReport['data']['document'],
): Refusal | undefined {
  if (body.reports.has(reportId)) return refuse.reportAlreadyExists(reportId);
  if (document.filedBy !== body.bodyId)
    return refuse.reportFiledByAnotherBody(body.bodyId, document.filedBy);
  return undefined;
}

/** Refuses a report, on an ended body, for a period that had not ended by the body's end. */
function afterEndRefusal(
  body: EstablishedBody,
  period: FileReport['data']['period'],
): Refusal | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, an active body has no `endedOn`, and a date compared with `undefined` is false; the test narrows the type
  return body.status === 'ended' && periodInterval(period).to > body.endedOn
    ? refuse.reportPeriodAfterEnd(period, body.endedOn)
    : undefined;
}

/** Files the first report for an obligation and period (rule 7; rule 1 once the body ended). */
function fileReport({ data }: FileReport, state: State): Decision {
  const { reportId, obligationId, period, document } = data;
  const established = establishedBody(state, data.bodyId);
  if (established._tag === 'Left') return established;
  const body = established.right;
  const refusal = reportRefusal(body, reportId, document);
  if (refusal !== undefined) return left(refusal);
  const obligation = body.obligations.get(obligationId);
  if (obligation === undefined) return left(refuse.reportForUnknownObligation(obligationId));
  if (!periodFitsCadence(period, obligation.cadence))
    return left(refuse.periodDoesNotFitCadence(period, obligation.cadence));
  const afterEnd = afterEndRefusal(body, period);
  if (afterEnd !== undefined) return left(afterEnd);
  const interval = periodInterval(period);
  if (!overlaps(obligationLife(obligation), interval))
    return left(refuse.obligationNotInForce(obligationId, period));
  const earliest = maxDate(interval.from, body.establishedOn);
  if (document.submittedOn < earliest)
    return left(refuse.reportSubmittedTooEarly(document.submittedOn, earliest));
  const counted = body.counted.get(obligationId)?.get(period);
  if (counted !== undefined) return left(refuse.reportAlreadyFiled(obligationId, period, counted));
  return right([
    reportFiled({
      bodyId: body.bodyId,
      effectiveOn: document.submittedOn,
      source: reportSource(document),
      reportId,
      obligationId,
      period,
      document,
    }),
  ]);
}

/** Files a correction superseding the report that counts for its period. */
function correctReport({ data }: CorrectReport, state: State): Decision {
  const { reportId, supersedes, document } = data;
  const established = establishedBody(state, data.bodyId);
  if (established._tag === 'Left') return established;
  const body = established.right;
  const refusal = reportRefusal(body, reportId, document);
  if (refusal !== undefined) return left(refusal);
  const superseded = body.reports.get(supersedes);
  if (superseded === undefined) return left(refuse.unknownReport(supersedes));
  const { obligationId, period } = superseded;
  // Stryker disable next-line OptionalChaining: equivalent, the superseded report was counted when filed, so its obligation has periods counted
  const counted = body.counted.get(obligationId)?.get(period) ?? supersedes;
  if (counted !== supersedes) return left(refuse.notTheCountedReport(supersedes, counted));
  const afterEnd = afterEndRefusal(body, period);
  if (afterEnd !== undefined) return left(afterEnd);
  if (document.submittedOn < superseded.document.submittedOn)
    return left(
      refuse.correctionPredatesReport(document.submittedOn, superseded.document.submittedOn),
    );
  return right([
    reportCorrected({
      bodyId: body.bodyId,
      effectiveOn: document.submittedOn,
      source: reportSource(document),
      reportId,
      supersedes,
      obligationId,
      period,
      document,
    }),
  ]);
}

/**
 * Transfers an active body to another authority from the effective date, after its last transfer.
 * The issuer must have jurisdiction, on the signing date, over both the authority the body leaves
 * and the one it joins — either of them when one is above the other, or an authority above both;
 * the new authority must exist on the effective date. A transfer to the authority the body already
 * answers to on that date records nothing.
 *
 * @see docs/reference/domain.md rule 9 and "Authorities change too"
 */
function transfer({ data }: TransferBody, state: State, context: BodyContext): Decision {
  const { bodyId, to, basis, effectiveOn } = data;
  const established = establishedBody(state, bodyId);
  if (established._tag === 'Left') return established;
  const active = activeBody(state);
  if (active._tag === 'Left') return active;
  const body = active.right;
  if (effectiveOn < body.establishedOn)
    return left(refuse.beforeEstablishment(effectiveOn, body.establishedOn));
  const lastTransferOn = lastFrom(body.transfers);
  // Stryker disable next-line ConditionalExpression: equivalent, a date compared with `undefined` is false anyway; the test narrows the type
  if (lastTransferOn !== undefined && effectiveOn <= lastTransferOn)
    return left(refuse.transferNotAfterLast(effectiveOn, lastTransferOn));
  const previous = authorityOn(body, effectiveOn);
  const noJurisdiction =
    jurisdictionRefusal(context, basis, previous) ?? jurisdictionRefusal(context, basis, to);
  if (noJurisdiction !== undefined) return left(noJurisdiction);
  // An authority may act on a date exactly when it exists then (it may change what it established).
  if (!context.jurisdiction.mayChange(to, to, effectiveOn))
    return left(refuse.transferToInactiveAuthority(to, effectiveOn));
  if (previous === to) return nothing;
  return right([
    bodyTransferred({
      bodyId,
      effectiveOn,
      source: instrumentSource(basis),
      authority: to,
      previous,
    }),
  ]);
}

/**
 * Decides a command against the body's state: the events that record it, or why it is refused.
 * Never throws on a decodable command, whatever the state.
 */
export function decide(command: Command, state: State, context: BodyContext): Decision {
  switch (command.type) {
    case 'EstablishBody':
      return establish(command, state, context);
    case 'AmendBody': {
      const { bodyId, changes, basis, effectiveOn } = command.data;
      const established = establishedBody(state, bodyId);
      if (established._tag === 'Left') return established;
      return decideChanges(state, changes, basis, effectiveOn, context);
    }
    case 'DissolveBody': {
      const { bodyId, basis, effectiveOn } = command.data;
      const established = establishedBody(state, bodyId);
      if (established._tag === 'Left') return established;
      return decideEnd(
        state,
        { basis, effectiveOn, reason: 'dissolution', successors: [] },
        context,
      );
    }
    case 'TransferBody':
      return transfer(command, state, context);
    case 'FileReport':
      return fileReport(command, state);
    case 'CorrectReport':
      return correctReport(command, state);
    case 'CorrectBodyRecord':
      return decideCorrection(command, state, context);
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

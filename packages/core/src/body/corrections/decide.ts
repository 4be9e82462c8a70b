/**
 * Decides a correction of a body's record (đính chính): the event it names must be in the body's
 * stream and must have first recorded a fact of the kind corrected (a dissolution's date, not an
 * end by reorganisation, which spans several bodies) — a correction always names the
 * original event, never an earlier correction, so every correction of one fact names the same id.
 * The correction restates the fact as it stands now (its `previous`), is refused when the
 * corrected record would break a rule, and is nothing to do when it changes nothing. Accepted on an
 * ended body too; judged for jurisdiction like any change (rule 9).
 *
 * @see docs/reference/domain.md rules 4, 9 and 14
 */
import type { Either } from 'fp-ts/Either';
import { left, right } from 'fp-ts/Either';
import type {
  CalendarDate,
  DutyId,
  EventId,
  ObligationId,
  RecordedEvents,
  SeatId,
  Source,
} from '../../kernel/index.js';
import { instrumentSource, noRecordedEvents, sameName } from '../../kernel/index.js';
import type { BodyContext } from '../context.js';
import type { Event } from '../events.js';
import type { Refusal } from '../refusals.js';
import * as refuse from '../refusals.js';
import type { EstablishedBody, State } from '../state.js';
import { authorityOn, sameHolder } from '../state.js';
import type { Dated } from '../timeline.js';
import type { CorrectBodyRecord, Correction } from './commands.js';
import { evolveCorrection } from './evolve.js';
import type { Boundary, RecordCorrected } from './events.js';
import { recordViolation } from './record-check.js';
import { endedByReorganisation, nothingRecordedBy, unknownEvent } from './refusals.js';

/** What every correction event carries. */
interface Common {
  readonly bodyId: EstablishedBody['bodyId'];
  readonly source: Source;
  readonly corrects: EventId;
}

type Found = Either<Refusal, RecordCorrected | undefined>;

/**
 * The date the change recorded by the event `named` (a rename, a change of roles, a duty's
 * amendment) stands on now: the last date a correction naming it gave, or its own. Every
 * correction names the original event, so the stream, in order, says where it moved.
 */
function standingDate(
  recorded: RecordedEvents<Event>,
  corrects: EventId,
  named: Event,
): CalendarDate {
  let on = named.data.effectiveOn;
  for (const event of recorded.values())
    if (
      // Stryker disable next-line ConditionalExpression: equivalent, the other corrections naming a rename, a change of roles or a holder's replacement record the date it stands on then
      (event.type === 'RenameDateCorrected' ||
        event.type === 'SeatRolesChangeDateCorrected' ||
        event.type === 'DutyAmendmentDateCorrected') &&
      event.data.corrects === corrects
    )
      on = event.data.effectiveOn;
  return on;
}

/** The date correction, or nothing to do when the date stands. */
function dated<E extends RecordCorrected>(
  previous: CalendarDate,
  on: CalendarDate,
  make: (previous: CalendarDate) => E,
): Found {
  return right(previous === on ? undefined : make(previous));
}

/** The date correction of the event `named`, which first recorded the date it corrects. */
function dateCorrection(
  body: EstablishedBody,
  named: Event,
  standing: CalendarDate,
  on: CalendarDate,
  common: Common,
): Found {
  const at = { ...common, effectiveOn: on };
  const nothingRecorded = left(nothingRecordedBy(common.corrects, named.type, 'Date'));
  /** The correction of a start or end date, where the record has one. */
  const boundaryDated = <E extends RecordCorrected>(
    previous: CalendarDate | undefined,
    make: (previous: CalendarDate) => E,
  ): Found =>
    // Stryker disable next-line ConditionalExpression: equivalent, a record has its start from the event that began it and its end from the event that ended it; a correction moves a date, never clears it
    previous === undefined ? nothingRecorded : dated(previous, on, make);
  const seatDate = (seatId: SeatId, boundary: Boundary) => {
    const seat = body.seats.get(seatId);
    // Stryker disable next-line OptionalChaining: equivalent, the seat an event of the stream names is in its fold
    return boundaryDated(boundary === 'start' ? seat?.createdOn : seat?.abolishedOn, (p) => ({
      type: 'SeatDateCorrected' as const,
      data: { ...at, seatId, boundary, previous: p },
    }));
  };
  const dutyDate = (dutyId: DutyId, boundary: Boundary) => {
    const duty = body.duties.get(dutyId);
    // Stryker disable next-line OptionalChaining: equivalent, the duty an event of the stream names is in its fold
    return boundaryDated(boundary === 'start' ? duty?.assignedOn : duty?.revokedOn, (p) => ({
      type: 'DutyDateCorrected' as const,
      data: { ...at, dutyId, boundary, previous: p },
    }));
  };
  const obligationDate = (obligationId: ObligationId, boundary: Boundary) => {
    const obligation = body.obligations.get(obligationId);
    const previous =
      // Stryker disable next-line OptionalChaining: equivalent, the obligation an event of the stream names is in its fold
      boundary === 'start' ? obligation?.imposedOn : obligation?.liftedOn;
    return boundaryDated(previous, (p) => ({
      type: 'ObligationDateCorrected' as const,
      data: { ...at, obligationId, boundary, previous: p },
    }));
  };
  switch (named.type) {
    case 'BodyEstablished':
      return dated(body.establishedOn, on, (previous) => ({
        type: 'EstablishmentDateCorrected',
        data: { ...at, previous },
      }));
    case 'BodyRenamed':
      return body.names.some((entry) => entry.from === standing)
        ? dated(standing, on, (previous) => ({
            type: 'RenameDateCorrected',
            data: { ...at, previous },
          }))
        : nothingRecorded;
    case 'BodyEnded':
      if (named.data.reason !== 'dissolution')
        return left(
          endedByReorganisation(common.corrects, named.data.reason, named.data.reorganisationId),
        );
      // Stryker disable next-line ConditionalExpression: equivalent, no event revives a body its dissolution ended; the test narrows the type
      return body.status === 'ended'
        ? dated(body.endedOn, on, (previous) => ({
            type: 'EndDateCorrected',
            data: { ...at, previous },
          }))
        : nothingRecorded;
    case 'SeatRolesChanged': {
      const { seatId } = named.data;
      // Stryker disable next-line OptionalChaining: equivalent, the seat an event of the stream names is in its fold
      return body.seats.get(seatId)?.roles.some((entry) => entry.from === standing) === true
        ? dated(standing, on, (previous) => ({
            type: 'SeatRolesChangeDateCorrected',
            data: { ...at, seatId, previous },
          }))
        : nothingRecorded;
    }
    case 'DutyAmended': {
      const { dutyId } = named.data;
      const duty = body.duties.get(dutyId);
      const standsThen = (timeline: ReadonlyArray<{ from: CalendarDate }>) =>
        timeline.some((entry) => entry.from === standing);
      // Stryker disable next-line ConditionalExpression: equivalent, the duty an event of the stream names is in its fold
      if (duty === undefined) return nothingRecorded;
      return standsThen(duty.categories) || standsThen(duty.texts)
        ? dated(standing, on, (previous) => ({
            type: 'DutyAmendmentDateCorrected',
            data: { ...at, dutyId, previous },
          }))
        : nothingRecorded;
    }
    case 'SeatCreated':
      return seatDate(named.data.seatId, 'start');
    case 'SeatAbolished':
      return seatDate(named.data.seatId, 'end');
    case 'DutyAssigned':
      return dutyDate(named.data.dutyId, 'start');
    case 'DutyRevoked':
      return dutyDate(named.data.dutyId, 'end');
    case 'ReportingObligationImposed':
      return obligationDate(named.data.obligationId, 'start');
    case 'ReportingObligationLifted':
      return obligationDate(named.data.obligationId, 'end');
    default:
      return nothingRecorded;
  }
}

/**
 * The entry of a record's timeline that an event gave: the first when the event began the record
 * (`began`), else the one dated `standing`; none when no entry is (a change of the same day
 * superseded it, and a correction of the record's start then moved it).
 */
const entryGiven = <E extends Dated>(
  timeline: ReadonlyArray<E>,
  began: boolean,
  standing: CalendarDate,
): E | undefined => (began ? timeline[0] : timeline.find(({ from }) => from === standing));

/** The correction `correction` makes to the fact the event `named` first recorded. */
function correctionOf(
  body: EstablishedBody,
  named: Event,
  standing: CalendarDate,
  correction: Correction,
  common: Common,
): Found {
  const nothingRecorded = left(nothingRecordedBy(common.corrects, named.type, correction.correct));
  switch (correction.correct) {
    case 'Date':
      return dateCorrection(body, named, standing, correction.effectiveOn, common);
    case 'Name': {
      if (named.type !== 'BodyEstablished' && named.type !== 'BodyRenamed') return nothingRecorded;
      const entry = entryGiven(body.names, named.type === 'BodyEstablished', standing);
      if (entry === undefined) return nothingRecorded;
      if (sameName(entry.name, correction.name)) return right(undefined);
      const data = {
        ...common,
        effectiveOn: entry.from,
        previous: entry.name,
        name: correction.name,
      };
      return right({ type: 'BodyNameCorrected', data });
    }
    case 'Roles': {
      const seat =
        named.type === 'SeatCreated' || named.type === 'SeatRolesChanged'
          ? body.seats.get(named.data.seatId)
          : undefined;
      if (seat === undefined) return nothingRecorded;
      const entry = entryGiven(seat.roles, named.type === 'SeatCreated', standing);
      if (entry === undefined) return nothingRecorded;
      if (entry.roles.join() === correction.roles.join()) return right(undefined);
      const data = {
        ...common,
        effectiveOn: entry.from,
        seatId: seat.seatId,
        previous: entry.roles,
        roles: correction.roles,
      };
      return right({ type: 'SeatRolesCorrected', data });
    }
    case 'Holder': {
      const seat =
        named.type === 'SeatCreated' ||
        named.type === 'SeatHolderReplaced' ||
        named.type === 'SeatHolderRelieved'
          ? body.seats.get(named.data.seatId)
          : undefined;
      if (seat === undefined) return nothingRecorded;
      const entry = entryGiven(seat.holders, named.type === 'SeatCreated', standing);
      if (entry === undefined) return nothingRecorded;
      if (sameHolder(entry.holder, correction.holder)) return right(undefined);
      const data = {
        ...common,
        effectiveOn: entry.from,
        seatId: seat.seatId,
        previous: entry.holder,
        holder: correction.holder,
      };
      return right({ type: 'SeatHoldingCorrected', data });
    }
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = correction;
      return _exhaustive;
    }
  }
}

/**
 * Decides a correction of the fact one event of the body's stream first recorded.
 *
 * @see docs/reference/domain.md rule 14
 */
export function decideCorrection(
  { data }: CorrectBodyRecord,
  state: State,
  context: BodyContext,
): Either<Refusal, ReadonlyArray<RecordCorrected>> {
  const { bodyId, corrects, basis, correction } = data;
  if (state.status === 'unestablished') return left(refuse.notEstablished(bodyId));
  if (state.bodyId !== bodyId) return left(refuse.wrongBody(state.bodyId, bodyId));
  const authority = authorityOn(state, basis.signedOn);
  if (!context.jurisdiction.mayChange(basis.issuer, authority, basis.signedOn))
    return left(refuse.noJurisdiction(basis.issuer, authority, basis.signedOn));
  const recorded = context.recorded ?? noRecordedEvents;
  const named = recorded.get(corrects);
  if (named === undefined) return left(unknownEvent(bodyId, corrects));
  const common = { bodyId, source: instrumentSource(basis), corrects };
  const standing = standingDate(recorded, corrects, named);
  const found = correctionOf(state, named, standing, correction, common);
  if (found._tag === 'Left') return found;
  if (found.right === undefined) return right([]);
  const violation = recordViolation(evolveCorrection(state, found.right));
  return violation === undefined ? right([found.right]) : left(violation);
}

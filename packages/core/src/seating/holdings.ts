/**
 * The holdings a body decision begins: every seat created, every holder replaced, every holding
 * corrected to another holder, and the first holding of a seat whose creation date was corrected
 * (it now begins on the corrected date). These are what the rules across streams are checked for;
 * what was already recorded was checked when it was decided.
 *
 * @see docs/reference/domain.md rules 18, 19 and 20
 */
import type {
  BodyId,
  CalendarDate,
  OfficeId,
  PersonId,
  SeatHolder,
  SeatId,
} from '../kernel/index.js';
import type { Event } from '../body/events.js';
import type { State } from '../body/state.js';

/** A holding a decision begins: `holder` sits in `seatId` of `bodyId` from `from`. */
export interface NewHolding {
  readonly bodyId: BodyId;
  readonly seatId: SeatId;
  readonly from: CalendarDate;
  readonly holder: SeatHolder;
}

/**
 * The holdings the decided events begin, in the order they were decided; `after` is the body as
 * the events leave it, which says who holds a seat whose creation date was corrected.
 */
export function newHoldings(events: ReadonlyArray<Event>, after: State): ReadonlyArray<NewHolding> {
  const holdings: NewHolding[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'SeatCreated':
      case 'SeatHolderReplaced':
      case 'SeatHoldingCorrected': {
        const { bodyId, seatId, effectiveOn, holder } = event.data;
        if (holder !== null) holdings.push({ bodyId, seatId, from: effectiveOn, holder });
        break;
      }
      case 'SeatDateCorrected': {
        const { bodyId, seatId, boundary, effectiveOn } = event.data;
        const seat = after.status === 'unestablished' ? undefined : after.seats.get(seatId);
        // Stryker disable next-line OptionalChaining: equivalent, a created seat's holders begin with its creation's
        const holder = seat?.holders[0]?.holder;
        if (boundary === 'start' && holder !== undefined && holder !== null)
          holdings.push({ bodyId, seatId, from: effectiveOn, holder });
        break;
      }
      case 'BodyEstablished':
      case 'BodyRenamed':
      case 'SeatHolderRelieved':
      case 'SeatRolesChanged':
      case 'SeatAbolished':
      case 'DutyAssigned':
      case 'DutyAmended':
      case 'DutyRevoked':
      case 'ReportingObligationImposed':
      case 'ReportingObligationLifted':
      case 'ReportFiled':
      case 'ReportCorrected':
      case 'BodiesAbsorbed':
      case 'BodyTransferred':
      case 'BodyEnded':
      case 'EstablishmentDateCorrected':
      case 'BodyNameCorrected':
      case 'SeatRolesCorrected':
      case 'DutyDateCorrected':
      case 'ObligationDateCorrected':
      case 'RenameDateCorrected':
      case 'EndDateCorrected':
      case 'SeatRolesChangeDateCorrected':
      case 'DutyAmendmentDateCorrected':
        break;
      // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
  return holdings;
}

/** The offices a holder names: the one it follows, or the one its person is named as. */
export const officesNamed = (holder: SeatHolder): ReadonlyArray<OfficeId> =>
  holder.follows === 'office'
    ? [holder.office]
    : holder.asOffice === undefined
      ? []
      : [holder.asOffice];

/** The persons a holder names: the one it follows, or the one named with the office. */
export const personsNamed = (holder: SeatHolder): ReadonlyArray<PersonId> =>
  holder.follows === 'person'
    ? [holder.person]
    : holder.namedPerson === undefined
      ? []
      : [holder.namedPerson];

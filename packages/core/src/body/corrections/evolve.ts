/**
 * Folds a correction into an established body: the fact the corrected event recorded takes the
 * corrected value; a moved start moves the first entry of each timeline that began with it, a
 * moved change the entries it made, a moved dissolution everything the end closed. Pure
 * and copy-on-write; a correction that finds nothing it names (which decide never produces) leaves
 * the body unchanged.
 *
 * @see docs/reference/domain.md rule 14
 */
import type { CalendarDate } from '../../kernel/index.js';
import type { Dated } from '../timeline.js';
import { withEntry } from '../timeline.js';
import type { EstablishedBody } from '../state.js';
import type { RecordCorrected } from './events.js';

/** The timeline with its entry dated `from` moved to `to`. */
const moved = <E extends Dated>(timeline: ReadonlyArray<E>, from: CalendarDate, to: CalendarDate) =>
  timeline.map((entry) => (entry.from === from ? { ...entry, from: to } : entry));

/** The timeline with its entry dated `from` changed by `change`. */
const changed = <E extends Dated>(
  timeline: ReadonlyArray<E>,
  from: CalendarDate,
  change: (entry: E) => E,
) => timeline.map((entry) => (entry.from === from ? change(entry) : entry));

/** A copy of `map` with the value under `key` changed by `change`, when there is one. */
function withChanged<K, V>(map: ReadonlyMap<K, V>, key: K, change: (value: V) => V) {
  const value = map.get(key);
  return value === undefined ? map : new Map(map).set(key, change(value));
}

/** A copy of `map` with every value whose `field` is `from` set to `to`. */
function movedAll<K, V extends object, F extends keyof V>(
  map: ReadonlyMap<K, V>,
  field: F,
  from: CalendarDate,
  to: CalendarDate,
): ReadonlyMap<K, V> {
  const result = new Map<K, V>();
  for (const [key, value] of map)
    result.set(key, value[field] === from ? ({ ...value, [field]: to } as V) : value);
  return result;
}

/** Folds a correction event into an established body. */
export function evolveCorrection<S extends EstablishedBody>(body: S, event: RecordCorrected): S {
  const { effectiveOn: on } = event.data;
  switch (event.type) {
    case 'EstablishmentDateCorrected': {
      const { previous } = event.data;
      if (body.establishedOn !== previous) return body;
      return { ...body, establishedOn: on, names: moved(body.names, previous, on) };
    }
    case 'RenameDateCorrected':
      return { ...body, names: moved(body.names, event.data.previous, on) };
    case 'EndDateCorrected': {
      const { previous } = event.data;
      // Stryker disable next-line ConditionalExpression: equivalent, an active body has no `endedOn`, so the next test returns it as well; this one narrows the type
      if (body.status !== 'ended') return body;
      if (body.endedOn !== previous) return body;
      return {
        ...body,
        endedOn: on,
        seats: movedAll(body.seats, 'abolishedOn', previous, on),
        duties: movedAll(body.duties, 'revokedOn', previous, on),
        obligations: movedAll(body.obligations, 'liftedOn', previous, on),
      };
    }
    case 'BodyNameCorrected': {
      const { name } = event.data;
      return { ...body, names: changed(body.names, on, (entry) => ({ ...entry, name })) };
    }
    case 'SeatRolesCorrected': {
      const { seatId, roles } = event.data;
      return {
        ...body,
        seats: withChanged(body.seats, seatId, (seat) => ({
          ...seat,
          roles: changed(seat.roles, on, (entry) => ({ ...entry, roles })),
        })),
      };
    }
    case 'SeatRolesChangeDateCorrected': {
      const { seatId, previous } = event.data;
      return {
        ...body,
        seats: withChanged(body.seats, seatId, (seat) => ({
          ...seat,
          roles: moved(seat.roles, previous, on),
        })),
      };
    }
    case 'SeatHoldingCorrected': {
      const { seatId, holder } = event.data;
      return {
        ...body,
        seats: withChanged(body.seats, seatId, (seat) => ({
          ...seat,
          holders: withEntry(seat.holders, { from: on, holder }),
        })),
      };
    }
    case 'SeatDateCorrected': {
      const { seatId, boundary, previous } = event.data;
      return {
        ...body,
        seats: withChanged(body.seats, seatId, (seat) =>
          boundary === 'end'
            ? seat.abolishedOn === previous
              ? { ...seat, abolishedOn: on }
              : seat
            : seat.createdOn === previous
              ? {
                  ...seat,
                  createdOn: on,
                  roles: moved(seat.roles, previous, on),
                  holders: moved(seat.holders, previous, on),
                }
              : seat,
        ),
      };
    }
    case 'DutyDateCorrected': {
      const { dutyId, boundary, previous } = event.data;
      return {
        ...body,
        duties: withChanged(body.duties, dutyId, (duty) =>
          boundary === 'end'
            ? duty.revokedOn === previous
              ? { ...duty, revokedOn: on }
              : duty
            : duty.assignedOn === previous
              ? {
                  ...duty,
                  assignedOn: on,
                  categories: moved(duty.categories, previous, on),
                  texts: moved(duty.texts, previous, on),
                }
              : duty,
        ),
      };
    }
    case 'DutyAmendmentDateCorrected': {
      const { dutyId, previous } = event.data;
      return {
        ...body,
        duties: withChanged(body.duties, dutyId, (duty) => ({
          ...duty,
          categories: moved(duty.categories, previous, on),
          texts: moved(duty.texts, previous, on),
        })),
      };
    }
    case 'ObligationDateCorrected': {
      const { obligationId, boundary, previous } = event.data;
      return {
        ...body,
        obligations: withChanged(body.obligations, obligationId, (obligation) =>
          boundary === 'end'
            ? obligation.liftedOn === previous
              ? { ...obligation, liftedOn: on }
              : obligation
            : obligation.imposedOn === previous
              ? { ...obligation, imposedOn: on }
              : obligation,
        ),
      };
    }
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

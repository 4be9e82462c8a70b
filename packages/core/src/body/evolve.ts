/**
 * Folds one event into a body's state: pure, total, copy-on-write. Timelines take each change at
 * its valid date, whatever the order events arrive in; a later event about the same date
 * supersedes the earlier one. Events that cannot apply to the state — which decide never
 * produces — leave it unchanged. A whole history is folded faster, to the same result, by
 * `foldHistory` (`fold.ts`).
 *
 * @see docs/reference/domain.md rule 11
 */
import type { BodyEnded, BodyEstablished, Event } from './events.js';
import type { ActiveBody, Duty, EndedBody, EstablishedBody, Report, Seat, State } from './state.js';
import { withEntry } from './timeline.js';
import { evolveCorrection } from './corrections/evolve.js';

/** Every event that changes an established body's facts rather than its life. */
export type FactEvent = Exclude<Event, BodyEstablished | BodyEnded>;

const established = ({ data }: BodyEstablished): ActiveBody => ({
  status: 'active',
  bodyId: data.bodyId,
  kind: data.kind,
  authority: data.authority,
  ...(data.purpose === undefined ? {} : { purpose: data.purpose }),
  origin: data.origin,
  establishedOn: data.effectiveOn,
  names: [{ from: data.effectiveOn, name: data.name }],
  seats: new Map(),
  duties: new Map(),
  obligations: new Map(),
  reports: new Map(),
  counted: new Map(),
  absorptions: [],
  transfers: [],
});

/** `map` with every value whose `field` is unset closed on `on`, as a new map. */
function closedAll<K, V extends object, F extends keyof V>(
  map: ReadonlyMap<K, V>,
  field: F,
  on: V[F],
): ReadonlyMap<K, V> {
  const closed = new Map<K, V>();
  for (const [key, value] of map)
    closed.set(key, value[field] === undefined ? ({ ...value, [field]: on } as V) : value);
  return closed;
}

function ended(body: ActiveBody, { data }: BodyEnded): EndedBody {
  const on = data.effectiveOn;
  return {
    ...body,
    status: 'ended',
    endedOn: on,
    endReason: data.reason,
    successors: data.successors,
    ...(data.reorganisationId === undefined ? {} : { reorganisationId: data.reorganisationId }),
    seats: closedAll(body.seats, 'abolishedOn', on),
    duties: closedAll(body.duties, 'revokedOn', on),
    obligations: closedAll(body.obligations, 'liftedOn', on),
  };
}

/** A copy of `map` with `key` set to `value`. */
const withKey = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> =>
  new Map(map).set(key, value);

/** `body` with `seat` set under its id. */
const withSeat = <S extends EstablishedBody>(body: S, seat: Seat): S => ({
  ...body,
  seats: withKey(body.seats, seat.seatId, seat),
});

/** `body` with `duty` set under its id. */
const withDuty = <S extends EstablishedBody>(body: S, duty: Duty): S => ({
  ...body,
  duties: withKey(body.duties, duty.dutyId, duty),
});

/** Folds an event that changes an established body's facts. */
export function evolveFacts<S extends EstablishedBody>(body: S, event: FactEvent): S {
  const on = event.data.effectiveOn;
  switch (event.type) {
    case 'BodyRenamed':
      return { ...body, names: withEntry(body.names, { from: on, name: event.data.name }) };
    case 'SeatCreated': {
      const { seatId, roles, holder } = event.data;
      if (body.seats.has(seatId)) return body;
      return withSeat(body, {
        seatId,
        createdOn: on,
        roles: [{ from: on, roles }],
        holders: [{ from: on, holder }],
      });
    }
    case 'SeatHolderReplaced':
    case 'SeatHolderRelieved': {
      const seat = body.seats.get(event.data.seatId);
      if (seat === undefined) return body;
      const entry = {
        from: on,
        holder: event.type === 'SeatHolderReplaced' ? event.data.holder : null,
      };
      return withSeat(body, { ...seat, holders: withEntry(seat.holders, entry) });
    }
    case 'SeatRolesChanged': {
      const seat = body.seats.get(event.data.seatId);
      if (seat === undefined) return body;
      const entry = { from: on, roles: event.data.roles };
      return withSeat(body, { ...seat, roles: withEntry(seat.roles, entry) });
    }
    case 'SeatAbolished': {
      const seat = body.seats.get(event.data.seatId);
      return seat === undefined ? body : withSeat(body, { ...seat, abolishedOn: on });
    }
    case 'DutyAssigned': {
      const { dutyId, category, text, provenance } = event.data;
      if (body.duties.has(dutyId)) return body;
      return withDuty(body, {
        dutyId,
        provenance,
        assignedOn: on,
        categories: [{ from: on, category }],
        texts: [{ from: on, text }],
      });
    }
    case 'DutyAmended': {
      const { dutyId, category, text } = event.data;
      const duty = body.duties.get(dutyId);
      if (duty === undefined) return body;
      const categorised =
        category === undefined
          ? duty
          : { ...duty, categories: withEntry(duty.categories, { from: on, category }) };
      const amended =
        text === undefined
          ? categorised
          : { ...categorised, texts: withEntry(categorised.texts, { from: on, text }) };
      return withDuty(body, amended);
    }
    case 'DutyRevoked': {
      const duty = body.duties.get(event.data.dutyId);
      return duty === undefined ? body : withDuty(body, { ...duty, revokedOn: on });
    }
    case 'ReportingObligationImposed': {
      const { bodyId: _body, effectiveOn: _on, source: _source, ...terms } = event.data;
      if (body.obligations.has(terms.obligationId)) return body;
      return {
        ...body,
        obligations: withKey(body.obligations, terms.obligationId, { ...terms, imposedOn: on }),
      };
    }
    case 'ReportingObligationLifted': {
      const { obligationId } = event.data;
      const obligation = body.obligations.get(obligationId);
      if (obligation === undefined) return body;
      return {
        ...body,
        obligations: withKey(body.obligations, obligationId, { ...obligation, liftedOn: on }),
      };
    }
    case 'ReportFiled':
    case 'ReportCorrected': {
      const { reportId, obligationId, period, document } = event.data;
      if (body.reports.has(reportId)) return body;
      // Stryker disable next-line ConditionalExpression: equivalent, a filed report has no `supersedes` to read
      const supersedes = event.type === 'ReportCorrected' ? event.data.supersedes : undefined;
      const report: Report = { reportId, obligationId, period, document };
      let reports = withKey(
        body.reports,
        reportId,
        supersedes === undefined ? report : { ...report, supersedes },
      );
      // Stryker disable next-line ConditionalExpression: equivalent, no report is kept under `undefined`
      const superseded = supersedes === undefined ? undefined : reports.get(supersedes);
      if (superseded !== undefined)
        reports = withKey(reports, superseded.reportId, { ...superseded, supersededBy: reportId });
      const periods = body.counted.get(obligationId) ?? new Map();
      return {
        ...body,
        reports,
        counted: withKey(body.counted, obligationId, withKey(periods, period, reportId)),
      };
    }
    case 'BodiesAbsorbed': {
      const { absorbed, reorganisationId } = event.data;
      return { ...body, absorptions: [...body.absorptions, { on, absorbed, reorganisationId }] };
    }
    case 'BodyTransferred': {
      const { authority, previous } = event.data;
      return { ...body, transfers: withEntry(body.transfers, { from: on, authority, previous }) };
    }
    case 'SeatHoldingCorrected':
    case 'EstablishmentDateCorrected':
    case 'RenameDateCorrected':
    case 'EndDateCorrected':
    case 'BodyNameCorrected':
    case 'SeatRolesCorrected':
    case 'SeatRolesChangeDateCorrected':
    case 'SeatDateCorrected':
    case 'DutyDateCorrected':
    case 'DutyAmendmentDateCorrected':
    case 'ObligationDateCorrected':
      return evolveCorrection(body, event);
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Folds one event into the state: pure, copying on write. */
export function evolve(state: State, event: Event): State {
  switch (event.type) {
    case 'BodyEstablished':
      return state.status === 'unestablished' ? established(event) : state;
    case 'BodyEnded':
      return state.status === 'active' ? ended(state, event) : state;
    case 'BodyRenamed':
    case 'SeatCreated':
    case 'SeatHolderReplaced':
    case 'SeatHolderRelieved':
    case 'SeatRolesChanged':
    case 'SeatAbolished':
    case 'SeatHoldingCorrected':
    case 'DutyAssigned':
    case 'DutyAmended':
    case 'DutyRevoked':
    case 'ReportingObligationImposed':
    case 'ReportingObligationLifted':
    case 'ReportFiled':
    case 'ReportCorrected':
    case 'BodiesAbsorbed':
    case 'BodyTransferred':
    case 'EstablishmentDateCorrected':
    case 'BodyNameCorrected':
    case 'SeatRolesCorrected':
    case 'SeatDateCorrected':
    case 'DutyDateCorrected':
    case 'ObligationDateCorrected':
    case 'RenameDateCorrected':
    case 'EndDateCorrected':
    case 'SeatRolesChangeDateCorrected':
    case 'DutyAmendmentDateCorrected':
      return state.status === 'unestablished' ? state : evolveFacts(state, event);
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

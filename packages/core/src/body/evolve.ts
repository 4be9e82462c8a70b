/**
 * Folds one event into a body's state: pure, total, copy-on-write. Timelines take each change at
 * its valid date, whatever the order events arrive in; a later event about the same date
 * supersedes the earlier one. Events that cannot apply to the state — which decide never
 * produces — leave it unchanged.
 *
 * @see DOMAIN.md rule 11
 */
import type { BodyEnded, BodyEstablished, Event } from './events.js';
import type { ActiveBody, EndedBody, EstablishedBody, Seat, State } from './state.js';
import { withEntry } from './timeline.js';

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
});

function ended(body: ActiveBody, { data }: BodyEnded): EndedBody {
  const on = data.effectiveOn;
  const mapValues = <K, V>(map: ReadonlyMap<K, V>, f: (v: V) => V): ReadonlyMap<K, V> =>
    new Map([...map].map(([k, v]) => [k, f(v)]));
  return {
    ...body,
    status: 'ended',
    endedOn: on,
    endReason: data.reason,
    successors: data.successors,
    ...(data.reorganisationId === undefined ? {} : { reorganisationId: data.reorganisationId }),
    seats: mapValues(body.seats, (s) =>
      s.abolishedOn === undefined ? { ...s, abolishedOn: on } : s,
    ),
    duties: mapValues(body.duties, (d) =>
      d.revokedOn === undefined ? { ...d, revokedOn: on } : d,
    ),
    obligations: mapValues(body.obligations, (o) =>
      o.liftedOn === undefined ? { ...o, liftedOn: on } : o,
    ),
  };
}

/** A copy of `map` with `key` set to `value`. */
const withKey = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> =>
  new Map(map).set(key, value);

/** A copy of `map` with the value at `key` updated, or `map` itself when `key` is absent. */
function updated<K, V>(map: ReadonlyMap<K, V>, key: K, f: (v: V) => V): ReadonlyMap<K, V> {
  const value = map.get(key);
  return value === undefined ? map : withKey(map, key, f(value));
}

/** Folds an event that changes an established body's facts. */
export function evolveFacts<S extends EstablishedBody>(body: S, event: FactEvent): S {
  const on = event.data.effectiveOn;
  const seat = (seatId: Seat['seatId'], f: (seat: Seat) => Seat): S => ({
    ...body,
    seats: updated(body.seats, seatId, f),
  });
  switch (event.type) {
    case 'BodyRenamed':
      return { ...body, names: withEntry(body.names, { from: on, name: event.data.name }) };
    case 'SeatCreated': {
      const { seatId, roles, holder } = event.data;
      if (body.seats.has(seatId)) return body;
      const created: Seat = {
        seatId,
        createdOn: on,
        roles: [{ from: on, roles }],
        holders: [{ from: on, holder }],
      };
      return { ...body, seats: withKey(body.seats, seatId, created) };
    }
    case 'SeatHolderReplaced':
      return seat(event.data.seatId, (s) => ({
        ...s,
        holders: withEntry(s.holders, { from: on, holder: event.data.holder }),
      }));
    case 'SeatHoldingCorrected': {
      const { seatId, holdingFrom, holder } = event.data;
      return seat(seatId, (s) => ({
        ...s,
        holders: withEntry(s.holders, { from: holdingFrom, holder }),
      }));
    }
    case 'SeatHolderRelieved':
      return seat(event.data.seatId, (s) => ({
        ...s,
        holders: withEntry(s.holders, { from: on, holder: null }),
      }));
    case 'SeatRolesChanged': {
      const { roles } = event.data;
      return seat(event.data.seatId, (s) => ({
        ...s,
        roles: withEntry(s.roles, { from: on, roles }),
      }));
    }
    case 'SeatAbolished':
      return seat(event.data.seatId, (s) => ({ ...s, abolishedOn: on }));
    case 'DutyAssigned': {
      const { dutyId, category, text, provenance } = event.data;
      if (body.duties.has(dutyId)) return body;
      const duty = {
        dutyId,
        provenance,
        assignedOn: on,
        categories: [{ from: on, category }],
        texts: [{ from: on, text }],
      };
      return { ...body, duties: withKey(body.duties, dutyId, duty) };
    }
    case 'DutyAmended': {
      const { category, text } = event.data;
      return {
        ...body,
        duties: updated(body.duties, event.data.dutyId, (d) => ({
          ...d,
          categories:
            category === undefined ? d.categories : withEntry(d.categories, { from: on, category }),
          texts: text === undefined ? d.texts : withEntry(d.texts, { from: on, text }),
        })),
      };
    }
    case 'DutyRevoked':
      return {
        ...body,
        duties: updated(body.duties, event.data.dutyId, (d) => ({ ...d, revokedOn: on })),
      };
    case 'ReportingObligationImposed': {
      const { bodyId: _body, effectiveOn: _on, source: _source, ...terms } = event.data;
      if (body.obligations.has(terms.obligationId)) return body;
      return {
        ...body,
        obligations: withKey(body.obligations, terms.obligationId, { ...terms, imposedOn: on }),
      };
    }
    case 'ReportingObligationLifted':
      return {
        ...body,
        obligations: updated(body.obligations, event.data.obligationId, (o) => ({
          ...o,
          liftedOn: on,
        })),
      };
    case 'ReportFiled':
    case 'ReportCorrected': {
      const { reportId, obligationId, period, document } = event.data;
      if (body.reports.has(reportId)) return body;
      const supersedes = event.type === 'ReportCorrected' ? event.data.supersedes : undefined;
      const report = { reportId, obligationId, period, document };
      let reports = withKey(
        body.reports,
        reportId,
        supersedes === undefined ? report : { ...report, supersedes },
      );
      if (supersedes !== undefined)
        reports = updated(reports, supersedes, (r) => ({ ...r, supersededBy: reportId }));
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
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Folds one event into the state. */
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
      return state.status === 'unestablished' ? state : evolveFacts(state, event);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

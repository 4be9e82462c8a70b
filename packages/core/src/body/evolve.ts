/**
 * Folds one event into a body's state: total; pure and copy-on-write as `evolve`. Timelines take
 * each change at its valid date, whatever the order events arrive in; a later event about the same
 * date supersedes the earlier one. Events that cannot apply to the state — which decide never
 * produces — leave it unchanged. Every change goes through a `Writer`, so that a whole history can
 * also be folded in place into a private draft (`fold.ts`).
 *
 * @see DOMAIN.md rule 11
 */
import type { BodyEnded, BodyEstablished, Event } from './events.js';
import type { ActiveBody, EndedBody, EstablishedBody, Seat, State } from './state.js';
import type { Writer } from './writer.js';
import { copying } from './writer.js';

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

/** `map` with the value at `key` updated, or `map` itself when `key` is absent. */
function updated<K, V>(
  write: Writer,
  map: ReadonlyMap<K, V>,
  key: K,
  f: (v: V) => V,
): ReadonlyMap<K, V> {
  const value = map.get(key);
  return value === undefined ? map : write.key(map, key, f(value));
}

/**
 * `object` with `key` set to `value`, or `object` itself when it already holds it (a container
 * the in-place writer changed): a fold in place then copies no enclosing object.
 */
const withField = <O, K extends keyof O>(object: O, key: K, value: O[K]): O =>
  object[key] === value ? object : { ...object, [key]: value };

/** Folds an event that changes an established body's facts, writing through `write`. */
export function evolveFactsWith<S extends EstablishedBody>(
  write: Writer,
  body: S,
  event: FactEvent,
): S {
  const on = event.data.effectiveOn;
  const seat = (seatId: Seat['seatId'], f: (seat: Seat) => Seat): S =>
    withField(body, 'seats', updated(write, body.seats, seatId, f));
  switch (event.type) {
    case 'BodyRenamed':
      return withField(body, 'names', write.entry(body.names, { from: on, name: event.data.name }));
    case 'SeatCreated': {
      const { seatId, roles, holder } = event.data;
      if (body.seats.has(seatId)) return body;
      const created: Seat = {
        seatId,
        createdOn: on,
        roles: [{ from: on, roles }],
        holders: [{ from: on, holder }],
      };
      return withField(body, 'seats', write.key(body.seats, seatId, created));
    }
    case 'SeatHolderReplaced':
      return seat(event.data.seatId, (s) =>
        withField(s, 'holders', write.entry(s.holders, { from: on, holder: event.data.holder })),
      );
    case 'SeatHoldingCorrected': {
      const { seatId, holdingFrom, holder } = event.data;
      return seat(seatId, (s) =>
        withField(s, 'holders', write.entry(s.holders, { from: holdingFrom, holder })),
      );
    }
    case 'SeatHolderRelieved':
      return seat(event.data.seatId, (s) =>
        withField(s, 'holders', write.entry(s.holders, { from: on, holder: null })),
      );
    case 'SeatRolesChanged': {
      const { roles } = event.data;
      return seat(event.data.seatId, (s) =>
        withField(s, 'roles', write.entry(s.roles, { from: on, roles })),
      );
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
      return withField(body, 'duties', write.key(body.duties, dutyId, duty));
    }
    case 'DutyAmended': {
      const { category, text } = event.data;
      return withField(
        body,
        'duties',
        updated(write, body.duties, event.data.dutyId, (d) =>
          withField(
            withField(
              d,
              'categories',
              category === undefined
                ? d.categories
                : write.entry(d.categories, { from: on, category }),
            ),
            'texts',
            text === undefined ? d.texts : write.entry(d.texts, { from: on, text }),
          ),
        ),
      );
    }
    case 'DutyRevoked':
      return withField(
        body,
        'duties',
        updated(write, body.duties, event.data.dutyId, (d) => ({ ...d, revokedOn: on })),
      );
    case 'ReportingObligationImposed': {
      const { bodyId: _body, effectiveOn: _on, source: _source, ...terms } = event.data;
      if (body.obligations.has(terms.obligationId)) return body;
      return withField(
        body,
        'obligations',
        write.key(body.obligations, terms.obligationId, { ...terms, imposedOn: on }),
      );
    }
    case 'ReportingObligationLifted':
      return withField(
        body,
        'obligations',
        updated(write, body.obligations, event.data.obligationId, (o) => ({
          ...o,
          liftedOn: on,
        })),
      );
    case 'ReportFiled':
    case 'ReportCorrected': {
      const { reportId, obligationId, period, document } = event.data;
      if (body.reports.has(reportId)) return body;
      const supersedes = event.type === 'ReportCorrected' ? event.data.supersedes : undefined;
      const report = { reportId, obligationId, period, document };
      let reports = write.key(
        body.reports,
        reportId,
        supersedes === undefined ? report : { ...report, supersedes },
      );
      if (supersedes !== undefined)
        reports = updated(write, reports, supersedes, (r) => ({ ...r, supersededBy: reportId }));
      const periods = body.counted.get(obligationId) ?? new Map();
      return withField(
        withField(body, 'reports', reports),
        'counted',
        write.key(body.counted, obligationId, write.key(periods, period, reportId)),
      );
    }
    case 'BodiesAbsorbed': {
      const { absorbed, reorganisationId } = event.data;
      return withField(
        body,
        'absorptions',
        write.append(body.absorptions, { on, absorbed, reorganisationId }),
      );
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Folds an event that changes an established body's facts, copying on write. */
export const evolveFacts = <S extends EstablishedBody>(body: S, event: FactEvent): S =>
  evolveFactsWith(copying, body, event);

/** Folds one event into the state, writing through `write`. */
export function evolveWith(write: Writer, state: State, event: Event): State {
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
      return state.status === 'unestablished' ? state : evolveFactsWith(write, state, event);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Folds one event into the state: pure, copying on write. */
export const evolve = (state: State, event: Event): State => evolveWith(copying, state, event);

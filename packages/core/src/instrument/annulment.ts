/**
 * Annulment ab initio: a recorded instrument annuls an earlier recorded one, and every change the
 * annulled instrument made is withdrawn — one `EventsWithdrawn` event on each stream holding such a
 * change, naming the withdrawn events, and one `InstrumentAnnulled` event on the registry. Nothing
 * is deleted: as known before the annulment's recording every answer stays as it was; as known
 * from it, each stream's state is the fold of its events without the withdrawn ones.
 *
 * A stream must still hold together without the withdrawn events. The rule judges that by stream
 * order, conservatively: every standing event of a stream rests on the standing events before it,
 * so an annulment is refused when a later standing event that it would not withdraw follows a
 * change it would withdraw; the refusal names those later events (annul their instruments first,
 * latest first). An instrument cannot annul itself, an annulled one, or one signed after it;
 * nothing annuls an instrument twice, and an instrument that annulled another is not annulled (an
 * annulment is not undone).
 *
 * Whoever decides an annulment hands in every stream (but the registry's own) holding an event
 * whose source is the instrument to annul, with all its events by id in stream order.
 *
 * @see docs/reference/domain.md rule 14
 */
import { left, right, type Either } from 'fp-ts/Either';
import {
  instrumentKey,
  instrumentSource,
  standingEvents,
  type EventsWithdrawn,
  type IdentifiedEvent,
  type InstrumentKey,
  type Source,
} from '../kernel/index.js';
import { checkCitation, resolveRelated } from './citation.js';
import type { AnnulInstrument } from './commands.js';
import type { InstrumentAnnulled, StreamWithdrawal } from './events.js';
import {
  annulmentBySelf,
  annulmentHasDependents,
  annulmentOfAnnulment,
  citesAnnulledInstrument,
  relationNotEarlier,
  type AnnulmentRefusal,
  type CitesAnnulledInstrument,
  type DependentEvent,
} from './refusals.js';
import type { Citation } from './relation.js';
import type { RegistryState } from './state.js';

/** What an annulment needs to know of a stream's event: its type and its source document. */
export interface SourcedEvent {
  readonly type: string;
  readonly data: { readonly source: Source };
}

/** A stream holding an event that cites the instrument to annul, with all its events by id. */
export interface CitingStream {
  readonly stream: string;
  readonly events: ReadonlyArray<IdentifiedEvent<SourcedEvent>>;
}

/** What an annulment records: the registry's event, and the withdrawal on each stream. */
export interface Annulment {
  readonly registry: InstrumentAnnulled;
  readonly withdrawals: ReadonlyArray<{ readonly stream: string; readonly event: EventsWithdrawn }>;
}

/** Whether an event's source is the instrument of `key`. */
export const cites = (event: SourcedEvent, key: InstrumentKey): boolean =>
  event.data.source.kind === 'instrument' && instrumentKey(event.data.source.instrument) === key;

/** Refuses a citation of an instrument annulled ab initio; one not recorded is not judged here. */
export function checkNotAnnulled(
  registry: RegistryState,
  cited: Citation,
): Either<CitesAnnulledInstrument, Citation> {
  const annulledBy = registry.instruments.get(instrumentKey(cited))?.annulledBy;
  return annulledBy === undefined ? right(cited) : left(citesAnnulledInstrument(cited, annulledBy));
}

/** The key of an instrument that the one of `key` annulled, if it annulled any. */
const annulledBy = (registry: RegistryState, key: InstrumentKey): InstrumentKey | undefined =>
  [...registry.instruments.values()].find((recorded) => recorded.annulledBy === key)?.key;

/** The events of one stream the annulment of `key` withdraws, and the later ones resting on them. */
function withdrawalOf(
  { stream, events }: CitingStream,
  key: InstrumentKey,
): { readonly withdrawn?: StreamWithdrawal; readonly dependents: ReadonlyArray<DependentEvent> } {
  const standing = standingEvents(events);
  const first = standing.findIndex(({ event }) => cites(event, key));
  if (first < 0) return { dependents: [] };
  const later = standing.slice(first);
  // Stryker disable next-line MethodExpression: equivalent, an event of `later` that does not cite the instrument is a dependent, and any dependent refuses the annulment before the withdrawals are read
  const [head, ...rest] = later.filter(({ event }) => cites(event, key)).map((e) => e.eventId);
  const dependents = later
    .filter(({ event }) => !cites(event, key))
    .map(({ eventId, event }) => ({ stream, eventId, type: event.type }));
  // Stryker disable next-line ConditionalExpression: unreachable, `later` begins with an event citing the instrument, so `head` is defined; the test narrows the type
  return head === undefined
    ? // Stryker disable next-line ObjectLiteral: unreachable, as above
      { dependents }
    : { withdrawn: { stream, events: [head, ...rest] }, dependents };
}

/**
 * Decides an annulment against the registry and the streams citing the instrument to annul: a
 * refusal, or the events to record (on the registry, and a withdrawal on each citing stream).
 */
export function decideAnnulment(
  command: AnnulInstrument,
  registry: RegistryState,
  streams: ReadonlyArray<CitingStream>,
): Either<AnnulmentRefusal, Annulment> {
  const { instrument: cited, basis, effectiveOn } = command.data;
  const target = resolveRelated(registry, cited);
  if (target._tag === 'Left') return target;
  const annulling = checkCitation(registry, basis);
  if (annulling._tag === 'Left') return annulling;
  const key = target.right.key;
  if (instrumentKey(basis) === key) return left(annulmentBySelf(basis));
  for (const citation of [cited, basis]) {
    const standing = checkNotAnnulled(registry, citation);
    if (standing._tag === 'Left') return standing;
  }
  const annulled = target.right.instrument;
  const undone = annulledBy(registry, key);
  if (undone !== undefined) return left(annulmentOfAnnulment(annulled, undone));
  if (annulled.signedOn > basis.signedOn) return left(relationNotEarlier(basis, annulled));
  const perStream = streams.map((stream) => withdrawalOf(stream, key));
  const dependents = perStream.flatMap((part) => part.dependents);
  if (dependents.length > 0) return left(annulmentHasDependents(annulled, dependents));
  const withdrawn = perStream.flatMap((part) =>
    part.withdrawn === undefined ? [] : [part.withdrawn],
  );
  const source = instrumentSource(basis);
  return right({
    registry: {
      type: 'InstrumentAnnulled',
      data: { instrument: annulled, withdrawn, effectiveOn, source },
    },
    withdrawals: withdrawn.map(({ stream, events }) => ({
      stream,
      event: {
        type: 'EventsWithdrawn',
        data: { withdrawn: events, annulled, effectiveOn, source },
      },
    })),
  });
}

/**
 * Whether a stored event fits the stream it was read from: an aggregate's stream belongs to one
 * aggregate — a body, an office, a person — whose establishing event comes first and once, and
 * whose every event names it. An event that contradicts its stream is corrupt, never folded.
 */

/** What an event says about its place in its aggregate's stream. */
export interface StreamPlace {
  /** The aggregate the stream belongs to, by its id. */
  readonly owner: string;
  /** The aggregate the event names, by its id. */
  readonly named: string;
  /** True for the aggregate's establishing event (`BodyEstablished`, …). */
  readonly establishes: boolean;
  /** True when the event is the stream's first (revision 0). */
  readonly first: boolean;
}

/** Why the event contradicts its stream, or `undefined` when it fits. */
export function streamContradiction(place: StreamPlace, noun: string): string | undefined {
  const { owner, named, establishes, first } = place;
  if (named !== owner) return `it names ${noun} ${named}, but the stream holds ${noun} ${owner}`;
  if (establishes && !first) return `it establishes ${noun} ${owner} a second time`;
  if (!establishes && first) return `it comes before ${noun} ${owner} was established`;
  return undefined;
}

/**
 * How the port names a stream and what an append expects of its revision: the words the port
 * and its error vocabulary share.
 */

/** A stream's name, e.g. `body-bp-bcd-cqdt`. */
export type StreamName = string;

/** What an append expects of the stream's current revision. */
export type ExpectedRevision =
  /** Append whatever the stream's revision. */
  | 'any'
  /** The stream must have no events. */
  | 'no-stream'
  /** The stream must have at least one event. */
  | 'stream-exists'
  /** The stream's last event must have exactly this revision. */
  | bigint;

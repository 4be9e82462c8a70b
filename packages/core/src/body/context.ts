/**
 * What the body decider needs from outside its stream.
 *
 * @see docs/reference/domain.md rules 9 and 14
 */
import type { Jurisdiction, RecordedEvents } from '../kernel/index.js';
import type { Event } from './events.js';

/** The facts from outside the stream the body decider needs: who may change what. */
export interface BodyContext {
  readonly jurisdiction: Jurisdiction;
  /** The stream's events by id, which a correction names (rule 14); none when absent. */
  readonly recorded?: RecordedEvents<Event>;
}

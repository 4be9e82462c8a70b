/**
 * Folding a subject's stream for the read models when an annulment may have withdrawn some of its
 * events (rule 14). The events an annulment withdraws from a stream are always its last standing
 * ones (a later standing event resting on them refuses the annulment), so a withdrawal of `n`
 * events takes the stream back to its state before its last `n` standing events. A folded stream
 * is therefore kept as a chain of states, one per standing event, sharing structure with each
 * other as `evolve` copies on write.
 *
 * @see docs/reference/domain.md rule 14
 */
import { isWithdrawal, type EventsWithdrawn } from '@mandate/core';

/** A stream folded so far: its state, and the chain of states before its last standing event. */
export interface FoldedStream<State> {
  readonly state: State;
  readonly previous?: FoldedStream<State>;
}

/** A stream with no events. */
export const unfolded = <State>(initialState: State): FoldedStream<State> => ({
  state: initialState,
});

/** The stream before its last `count` standing events (its start, if it has fewer). */
export function before<State>(folded: FoldedStream<State>, count: number): FoldedStream<State> {
  let at = folded;
  for (let n = 0; n < count && at.previous !== undefined; n++) at = at.previous;
  return at;
}

/**
 * The stream after one more event: a standing event, with the state `evolve` folds it into, or a
 * withdrawal, which takes the stream back to before the events it names.
 */
export function folded<State, Event>(
  stream: FoldedStream<State>,
  event: Event | EventsWithdrawn,
  evolve: (state: State, event: Event) => State,
): FoldedStream<State> {
  return isWithdrawal(event)
    ? before(stream, event.data.withdrawn.length)
    : { state: evolve(stream.state, event), previous: stream };
}

/** Folds a stream's stored events, withdrawals included, with `evolve` from `initialState`. */
export function foldStream<State, Event>(
  decider: { readonly initialState: State; readonly evolve: (state: State, event: Event) => State },
  events: Iterable<Event | EventsWithdrawn>,
): FoldedStream<State> {
  let stream = unfolded(decider.initialState);
  for (const event of events) stream = folded(stream, event, decider.evolve);
  return stream;
}

/** The states the stream's last `count` standing events left (fewer if it has fewer), newest first. */
export function lastStates<State>(stream: FoldedStream<State>, count: number): State[] {
  const states: State[] = [];
  for (let at = stream; states.length < count && at.previous !== undefined; at = at.previous)
    states.push(at.state);
  return states;
}

/**
 * The decider shape (Jérémie Chassaing): commands are decided against the state folded from past
 * events; `decide` returns either a refusal naming the broken rule or the events that record the
 * change (an empty list means there is nothing to do). `evolve` folds one event into the state;
 * a decider may also offer `foldAll`, folding a whole history at once with the same result.
 *
 * Some decisions need facts outside the stream — who has jurisdiction over whom — which enter
 * as a pure `Context` value, never as I/O.
 */
import type { Either } from 'fp-ts/Either';

/** The seven parts of a decider, with an optional context of pure facts from elsewhere. */
export interface Decider<Command, Event, State, Refusal, Context = void> {
  /** The state of a stream with no events. */
  readonly initialState: State;
  /** Decides a command against the current state: a refusal, or the events to record. */
  readonly decide: (
    command: Command,
    state: State,
    context: Context,
  ) => Either<Refusal, ReadonlyArray<Event>>;
  /** Folds one event into the state. Pure and total over valid histories. */
  readonly evolve: (state: State, event: Event) => State;
  /**
   * Folds a history onto `from` (the initial state by default) with the same result as `evolve`
   * in a loop, faster; never changes `from`.
   */
  readonly foldAll?: (events: Iterable<Event>, from?: State) => State;
  /** True when the stream can never accept another event. */
  readonly isTerminal: (state: State) => boolean;
}

/**
 * Folds a history of events into a state, from `from` (the decider's initial state by default),
 * with the decider's `foldAll` when it has one.
 */
export function fold<Event, State>(
  decider: Pick<Decider<never, Event, State, never, never>, 'initialState' | 'evolve' | 'foldAll'>,
  events: Iterable<Event>,
  from: State = decider.initialState,
): State {
  // Stryker disable next-line ConditionalExpression: equivalent, foldAll gives what evolve in a loop gives (its contract, checked by body/fold.prop.test.ts), only faster
  if (decider.foldAll !== undefined) return decider.foldAll(events, from);
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

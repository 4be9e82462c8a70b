/**
 * A runner-independent Given/When/Then for deciders: given past events, when a command is
 * decided, then these events are recorded — or this refusal is returned. Failures throw an
 * `Error` with both sides printed, which every test runner reports.
 *
 * @example
 * const spec = DeciderSpecification.for(Body.decider, { jurisdiction: establisherOnly });
 * spec.given([established]).when(appointHead).then([seatCreated]);
 */
import { isLeft } from 'fp-ts/Either';
import type { Decider } from '../kernel/decider.js';
import { deepEqual, show } from './deep-equal.js';

/** The outcome half of a specification. */
export interface Then<Event, Refusal> {
  /** Asserts the command records exactly these events, in order. */
  readonly then: (expected: ReadonlyArray<Event>) => void;
  /** Asserts the command records nothing (it was already done). */
  readonly thenNothingHappens: () => void;
  /** Asserts the command is refused with this tag (and, when given, these fields). */
  readonly thenRefuses: (tag: string, fields?: Partial<Refusal>) => Refusal;
}

/** The command half of a specification. */
export interface When<Command, Event, Refusal> {
  readonly when: (command: Command) => Then<Event, Refusal>;
}

/** Builds Given/When/Then specifications for one decider and context. */
export const DeciderSpecification = {
  for<Command, Event, State, Refusal extends { readonly _tag: string }, Context>(
    decider: Decider<Command, Event, State, Refusal, Context>,
    context: Context,
  ) {
    return {
      given(events: ReadonlyArray<Event>): When<Command, Event, Refusal> {
        return {
          when(command) {
            const state = events.reduce(decider.evolve, decider.initialState);
            const outcome = decider.decide(command, state, context);
            const accepted = (): ReadonlyArray<Event> => {
              if (isLeft(outcome))
                throw new Error(`Expected events, but refused: ${show(outcome.left)}`);
              return outcome.right;
            };
            return {
              then(expected) {
                const actual = accepted();
                if (!deepEqual(actual, expected))
                  throw new Error(
                    `Events differ.\nExpected: ${show(expected)}\nActual:   ${show(actual)}`,
                  );
              },
              thenNothingHappens() {
                const actual = accepted();
                if (actual.length > 0) throw new Error(`Expected no events, got: ${show(actual)}`);
              },
              thenRefuses(tag, fields = {}) {
                if (!isLeft(outcome))
                  throw new Error(`Expected refusal ${tag}, got events: ${show(outcome.right)}`);
                const refusal = outcome.left;
                if (refusal._tag !== tag)
                  throw new Error(`Expected refusal ${tag}, got: ${show(refusal)}`);
                for (const [key, value] of Object.entries(fields)) {
                  const actual = (refusal as Record<string, unknown>)[key];
                  if (!deepEqual(actual, value))
                    throw new Error(
                      `Refusal ${tag}.${key}: expected ${show(value)}, got ${show(actual)}`,
                    );
                }
                return refusal;
              },
            };
          },
        };
      },
    };
  },
};

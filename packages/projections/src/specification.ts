/**
 * Given/When/Then for projections, independent of any test runner: given stored events, applied
 * to a fresh checkpointed read model, then a question's answer. Every `when` also delivers all
 * the events again, N times, and checks that the answer did not change: an event at or below
 * the checkpoint changes nothing (idempotence).
 *
 * @see docs/reference/domain.md rule 11
 */
import type { StoredEvent } from '@mandate/eventstore';
import { applyOnce, type CheckpointedModel } from './checkpoint.js';
import type { Projection } from './projection.js';

/** The answer under test, and a check that throws when it is not the expected one. */
export interface ProjectionThen<Answer> {
  /** Asserts the answer equals `expected` with the given equality (rejects otherwise). */
  readonly then: (expected: Answer) => Promise<void>;
}

/** The step after `given`: apply events, then ask. */
export interface ProjectionWhen<Queries> {
  readonly when: <Answer>(
    ask: (queries: Queries) => Answer | Promise<Answer>,
  ) => ProjectionThen<Answer>;
}

/** A read model under specification: its checkpointed target and its queries. */
export interface FreshModel<Model, Queries> {
  readonly target: CheckpointedModel<Model>;
  readonly queries: Queries;
}

/** What a specification needs: the projection, a fresh read model, and equality of answers. */
export interface ProjectionSpecificationOptions<Model, Queries> {
  readonly projection: Projection<Model>;
  /** A fresh, empty read model and its queries (opened asynchronously where storage needs it). */
  readonly fresh: () => FreshModel<Model, Queries> | Promise<FreshModel<Model, Queries>>;
  /** True when two answers are equal (e.g. a deep equality). */
  readonly equal: (a: unknown, b: unknown) => boolean;
  /** How many times every event is delivered again (default 3). */
  readonly redeliveries?: number;
}

/** Builds a Given/When/Then for a projection. */
export function ProjectionSpecification<Model, Queries>(
  options: ProjectionSpecificationOptions<Model, Queries>,
): { readonly given: (events: ReadonlyArray<StoredEvent>) => ProjectionWhen<Queries> } {
  const { projection, fresh, equal, redeliveries = 3 } = options;
  return {
    given: (events) => ({
      when: (ask) => ({
        then: async (expected) => {
          const { target, queries } = await fresh();
          for (const event of events) await applyOnce(target, projection, event);
          const first = await ask(queries);
          if (!equal(first, expected))
            throw new Error(
              `Expected ${JSON.stringify(expected)}, got ${JSON.stringify(first)} (${projection.name})`,
            );
          for (let round = 1; round <= redeliveries; round += 1) {
            let applied = 0;
            for (const event of events)
              if (await applyOnce(target, projection, event)) applied += 1;
            if (applied > 0 || !equal(await ask(queries), first))
              throw new Error(`Delivering the events again (round ${round}) changed the answer`);
          }
        },
      }),
    }),
  };
}

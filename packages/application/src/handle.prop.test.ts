/**
 * Rule 10 as a property of the handler, over generated histories mixing valid and invalid
 * commands to the registry, offices, persons and bodies: a failed, refused or unchanged command
 * appends nothing; an accepted one appends exactly its events, all stamped with its command id;
 * and submitting a command id again appends nothing and answers with the first outcome.
 *
 * @see docs/reference/domain.md rule 10
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { EventStore, StoredEvent } from '@mandate/eventstore';
import {
  envelope,
  recordingsOf,
  registerCity,
  registerProvince,
  type CitingCommand,
} from './commands.fixture.js';
import { BodyArbitraries, OfficeArbitraries } from '@mandate/core/testing';
import { createCommandHandler, type CommandResult } from './handle.js';
import type { CommandAccepted } from './result.js';
import { memoryStore, recordCited } from './store.fixture.js';

const { bodyCommands } = BodyArbitraries;
const { authorityHistoryArbitrary, officeHistoryArbitrary, personCommandArbitrary } =
  OfficeArbitraries;

/** One step of a scenario: a new command, or the resubmission of an earlier step's command id. */
type Step = { kind: 'new'; command: unknown } | { kind: 'again'; of: number };

const commands: fc.Arbitrary<ReadonlyArray<unknown>> = fc
  .tuple(
    bodyCommands(10),
    officeHistoryArbitrary(undefined, { maxLength: 6 }),
    authorityHistoryArbitrary,
    fc.array(personCommandArbitrary, { maxLength: 3 }),
  )
  .chain(([body, office, authority, person]) =>
    fc.shuffledSubarray([...body, ...office, ...authority.slice(0, 8), ...person], {
      minLength: 1,
    }),
  );

const scenario: fc.Arbitrary<ReadonlyArray<Step>> = commands.chain((cmds) =>
  fc
    .array(fc.nat(), { maxLength: 6 })
    .map((repeats) => [
      ...cmds.map((command): Step => ({ kind: 'new', command })),
      ...repeats.map((n): Step => ({ kind: 'again', of: n % cmds.length })),
    ]),
);

/** The events appended to `store` after position `after`. */
async function appendedAfter(store: EventStore, after: bigint): Promise<StoredEvent[]> {
  const page = await store.readAll({ after });
  if (E.isLeft(page)) throw new Error(page.left.message);
  return [...page.right];
}

const seen = { accepted: 0, refused: 0, unchanged: 0, duplicates: 0 };

describe('handling generated commands', () => {
  it('appends exactly what it accepts, and a command id once (rule 10)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (steps) => {
        const store = memoryStore();
        const handler = createCommandHandler({ store });
        // The registry is mandatory (rule 15): every instrument the history cites is recorded
        // first. One conflicting with an instrument recorded before it under the same key stays
        // unrecorded, and the commands citing it are refused.
        const citing = steps.flatMap((step) => (step.kind === 'new' ? [step.command] : []));
        await recordCited(handler, registerProvince, registerCity);
        for (const recording of recordingsOf(...(citing as CitingCommand[]))) {
          const recorded = await handler.handle(recording);
          expect(E.isRight(recorded) || recorded.left._tag === 'Refused').toBe(true);
        }
        for (const seed of [registerProvince, registerCity]) {
          expect(
            E.isRight(await handler.handle(envelope(`seed-${seed.data.authorityId}`, seed))),
          ).toBe(true);
        }
        let position = BigInt((await appendedAfter(store, 0n)).length);
        const first = new Map<number, CommandResult>();
        const submitted: unknown[] = [];

        for (const [index, step] of steps.entries()) {
          const number = step.kind === 'new' ? index : step.of;
          const input =
            step.kind === 'new' ? envelope(`cmd-${index}`, step.command) : submitted[step.of];
          if (step.kind === 'new') submitted.push(input);
          const result = await handler.handle(input);
          const appended = await appendedAfter(store, position);

          const earlier = first.get(number);
          if (step.kind === 'again' && earlier !== undefined && E.isRight(earlier)) {
            const { unchanged } = earlier.right;
            if (!unchanged) {
              seen.duplicates += 1;
              expect(result).toEqual(E.right({ ...earlier.right, duplicate: true, events: 0 }));
            }
          }
          if (E.isLeft(result)) {
            // Generated commands always decode: the only failure is the decider's refusal.
            expect(result.left._tag).toBe('Refused');
            seen.refused += 1;
            expect(appended).toEqual([]);
          } else if (result.right.duplicate || result.right.unchanged) {
            if (result.right.unchanged) seen.unchanged += 1;
            expect(appended).toEqual([]);
          } else {
            seen.accepted += 1;
            const accepted: CommandAccepted = result.right;
            expect(appended).toHaveLength(accepted.events);
            expect(appended.every((e) => e.metadata.commandId === `cmd-${number}`)).toBe(true);
            expect(accepted.lastPosition).toBe(appended.at(-1)?.position);
            position = accepted.lastPosition ?? position;
          }
          if (step.kind === 'new') first.set(number, result);
        }
      }),
      { numRuns: 100 },
    );
    // The generators mix valid and invalid commands: both kinds of outcome must have been seen.
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.duplicates).toBeGreaterThan(0);
  });
});

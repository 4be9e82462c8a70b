/**
 * A generated property of read expectations (docs/reference/domain.md rule 17): fast-check makes
 * sequences of appends over a few streams, each writing one or two streams and relying on others,
 * with expected revisions that are right, stale, `no-stream` or `stream-exists`. The oracle is a
 * plain count of events per stream, kept here and never asking the store under test: an append
 * commits exactly when every stream it writes and every stream it relies on is where it says;
 * then the written streams grow and the relied-on ones do not, and otherwise the store answers a
 * `VersionConflict` naming one of the streams that moved, and writes nothing.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { AppendRequest, ExpectedRevision, ReadExpectation, StreamAppend } from '../port.js';
import { show } from './assert.js';
import { eventFactory } from './fixtures.js';
import type { StoreFactory } from './store-under-test.js';

const STREAMS = ['registry', 'office-a', 'person-b', 'body-c', 'body-d'] as const;

/** Where an append says a stream is, relative to where the oracle knows it is. */
type Claim = 'right' | 'stale' | 'no-stream' | 'stream-exists';

interface Step {
  readonly written: ReadonlyArray<{ readonly stream: string; readonly claim: Claim }>;
  readonly relied: ReadonlyArray<{ readonly stream: string; readonly claim: Claim }>;
}

const claim = fc.constantFrom<Claim>(
  'right',
  'right',
  'right',
  'stale',
  'no-stream',
  'stream-exists',
);

/** One append: one or two streams written, up to three others relied on. */
const step: fc.Arbitrary<Step> = fc
  .shuffledSubarray([...STREAMS], { minLength: 1, maxLength: 5 })
  .chain((streams) =>
    fc
      .tuple(
        fc.integer({ min: 1, max: Math.min(2, streams.length) }),
        fc.array(claim, { minLength: streams.length, maxLength: streams.length }),
      )
      .map(([writes, claims]) => {
        const parts = streams.map((stream, i) => ({ stream, claim: claims[i] ?? 'right' }));
        return { written: parts.slice(0, writes), relied: parts.slice(writes, writes + 3) };
      }),
  );

/** What `claim` says of a stream holding `count` events, as an expected revision. */
function expectedOf(claimed: Claim, count: number): Exclude<ExpectedRevision, 'any'> {
  switch (claimed) {
    case 'right':
      return count === 0 ? 'no-stream' : BigInt(count - 1);
    case 'stale':
      return count === 0 ? 0n : count === 1 ? 'no-stream' : BigInt(count - 2);
    case 'no-stream':
    case 'stream-exists':
      return claimed;
    default: {
      const _exhaustive: never = claimed;
      return _exhaustive;
    }
  }
}

/** Whether a stream holding `count` events is where `expected` says. */
const holds = (expected: Exclude<ExpectedRevision, 'any'>, count: number): boolean =>
  expected === 'no-stream'
    ? count === 0
    : expected === 'stream-exists'
      ? count > 0
      : BigInt(count - 1) === expected;

/** Options of {@link checkReadExpectations}. */
export interface ReadExpectationOptions {
  readonly numRuns?: number;
  readonly maxSteps?: number;
}

/**
 * Runs the generated property on fresh stores from `factory`; rejects with the first sequence
 * the store answers differently from the oracle.
 *
 * @see docs/reference/domain.md rule 17
 */
export async function checkReadExpectations(
  factory: StoreFactory,
  { numRuns = 50, maxSteps = 12 }: ReadExpectationOptions = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: maxSteps }), async (steps) => {
      const sut = await factory();
      try {
        const counts = new Map<string, number>(STREAMS.map((stream) => [stream, 0]));
        const events = eventFactory();
        for (const [i, { written, relied }] of steps.entries()) {
          const count = (stream: string) => counts.get(stream) ?? 0;
          const appends: StreamAppend[] = written.map(({ stream, claim: c }) => ({
            stream,
            expectedRevision: expectedOf(c, count(stream)),
            events: events.events(1 + (i % 2)),
          }));
          const expectations: ReadExpectation[] = relied.map(({ stream, claim: c }) => ({
            stream,
            expectedRevision: expectedOf(c, count(stream)),
          }));
          const request: AppendRequest = { appends, expectations };
          const moved = [
            ...appends.map((part) => [part.stream, part.expectedRevision] as const),
            ...expectations.map((part) => [part.stream, part.expectedRevision] as const),
          ].filter(
            ([stream, expected]) =>
              !holds(expected as Exclude<ExpectedRevision, 'any'>, count(stream)),
          );
          const result = await sut.store.append(request);
          if (moved.length === 0) {
            if (E.isLeft(result))
              throw new Error(`${show(request)} should commit, got ${show(result.left)}`);
            for (const part of appends)
              counts.set(part.stream, count(part.stream) + part.events.length);
          } else if (
            E.isRight(result) ||
            result.left._tag !== 'VersionConflict' ||
            !moved.map(([stream]) => stream).includes(result.left.stream)
          ) {
            throw new Error(
              `${show(request)} should conflict on one of ${show(moved.map(([s]) => s))}, got ${show(result)}`,
            );
          }
          for (const stream of STREAMS) {
            const read = await sut.store.readStream(stream);
            const found = E.isRight(read) ? read.right.length : 0;
            if (found !== count(stream))
              throw new Error(
                `After ${show(request)}: ${stream} holds ${found}, expected ${count(stream)}`,
              );
          }
        }
      } finally {
        await sut.cleanup();
      }
    }),
    { numRuns },
  );
}

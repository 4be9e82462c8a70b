/**
 * The model-based conformance test: fast-check generates sequences of appends (right and wrong
 * expected revisions, several streams at once, repeated command ids, now and then an invalid
 * event), reads, clock moves, command look-ups and verifications, runs each on the store under
 * test and on the in-memory reference store, and requires the same answers — events, hashes and
 * errors alike (error messages aside).
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { CommandId, Instant } from '@mandate/core';
import { createInMemoryEventStore } from '../in-memory-store.js';
import type {
  AppendRequest,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
} from '../port.js';
import { sameData, show } from './assert.js';
import { createTestClock, sampleMetadata, TEST_CLOCK_START, type TestClock } from './fixtures.js';
import type { StoreFactory, StoreUnderTest } from './store-under-test.js';

/** The reference store and what the commands share while one sequence runs. */
interface Model {
  readonly store: EventStore;
  readonly clock: TestClock;
  now: Instant;
  eventsMade: number;
}

type Command = fc.AsyncCommand<Model, StoreUnderTest>;

/** How an append states its expected revision, resolved against the model when it runs. */
type ExpectedSpec =
  'right' | 'wrong' | 'any' | 'no-stream' | 'stream-exists' | { readonly exact: bigint };

interface PartSpec {
  readonly stream: string;
  readonly expected: ExpectedSpec;
  readonly events: ReadonlyArray<{ readonly type: string; readonly data: unknown }>;
}

/** An Either with error messages left out: adapters word their errors as they like. */
const comparable = (result: E.Either<{ readonly _tag: string }, unknown>): unknown => {
  if (E.isRight(result)) return { right: result.right };
  const {
    message: _message,
    cause: _cause,
    ...rest
  } = result.left as {
    readonly _tag: string;
    readonly message?: string;
    readonly cause?: unknown;
  };
  return { left: rest };
};

function same(
  what: string,
  expected: E.Either<{ readonly _tag: string }, unknown>,
  actual: E.Either<{ readonly _tag: string }, unknown>,
): void {
  const [want, got] = [comparable(expected), comparable(actual)];
  if (!sameData(got, want)) {
    throw new Error(
      `${what}: the reference store gave ${show(want)}, the store under test ${show(got)}`,
    );
  }
}

async function resolveExpected(model: Model, part: PartSpec): Promise<ExpectedRevision> {
  const { expected } = part;
  if (typeof expected === 'object') return expected.exact;
  if (expected !== 'right' && expected !== 'wrong') return expected;
  const last = await model.store.readStream(part.stream, { direction: 'backwards', maxCount: 1 });
  const revision = E.isRight(last) ? last.right[0]?.revision : undefined;
  if (expected === 'right') return revision ?? 'no-stream';
  return revision === undefined ? 0n : revision + 1n;
}

class AppendCommand implements Command {
  constructor(
    readonly parts: ReadonlyArray<PartSpec>,
    readonly commandId: string | undefined,
  ) {}
  check = () => true;
  async run(model: Model, real: StoreUnderTest): Promise<void> {
    const metadata = sampleMetadata(this.commandId ?? 'cmd-none');
    const appends: StreamAppend[] = [];
    for (const part of this.parts) {
      const expectedRevision = await resolveExpected(model, part);
      const events = part.events.map(({ type, data }) => {
        model.eventsMade += 1;
        return { eventId: `model-${model.eventsMade}`, type, schemaVersion: 1, data, metadata };
      });
      appends.push({ stream: part.stream, expectedRevision, events });
    }
    const request: AppendRequest =
      this.commandId === undefined
        ? { appends }
        : { commandId: this.commandId as CommandId, appends };
    model.clock.set(model.now);
    real.clock.set(model.now);
    same(this.toString(), await model.store.append(request), await real.store.append(request));
  }
  toString = () => `append(${show(this.parts)}, ${this.commandId ?? 'no command id'})`;
}

class ReadStreamCommand implements Command {
  constructor(
    readonly stream: string,
    readonly options: ReadStreamOptions,
  ) {}
  check = () => true;
  async run(model: Model, real: StoreUnderTest): Promise<void> {
    same(
      this.toString(),
      await model.store.readStream(this.stream, this.options),
      await real.store.readStream(this.stream, this.options),
    );
  }
  toString = () => `readStream(${this.stream}, ${show(this.options)})`;
}

class ReadAllCommand implements Command {
  constructor(readonly options: ReadAllOptions) {}
  check = () => true;
  async run(model: Model, real: StoreUnderTest): Promise<void> {
    same(
      this.toString(),
      await model.store.readAll(this.options),
      await real.store.readAll(this.options),
    );
  }
  toString = () => `readAll(${show(this.options)})`;
}

class FindCommandCommand implements Command {
  constructor(readonly commandId: string) {}
  check = () => true;
  async run(model: Model, real: StoreUnderTest): Promise<void> {
    const id = this.commandId as CommandId;
    same(this.toString(), await model.store.findCommand(id), await real.store.findCommand(id));
  }
  toString = () => `findCommand(${this.commandId})`;
}

class MoveClockCommand implements Command {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(model: Model): Promise<void> {
    model.now = new Date(Date.parse(model.now) + this.ms).toISOString() as Instant;
  }
  toString = () => `moveClock(${this.ms})`;
}

class VerifyCommand implements Command {
  check = () => true;
  async run(model: Model, real: StoreUnderTest): Promise<void> {
    same(this.toString(), await model.store.verify(), await real.store.verify());
  }
  toString = () => 'verify()';
}

const STREAMS = ['s-a', 's-b', 's-c'] as const;
const COMMAND_IDS = ['cmd-1', 'cmd-2', 'cmd-3', 'cmd-4'] as const;

const stream = fc.constantFrom(...STREAMS);

const validData: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 2,
    arbitrary: fc.record({
      name: fc.constantFrom('Ban Chỉ đạo', 'Hội đồng'.normalize('NFD'), 'Tổ công tác 🏛️'),
      n: fc.integer(),
    }),
  },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"x":1},"constructor":2}')) },
);

const validEvent = fc.record({
  type: fc.constantFrom('BodyEstablished', 'MemberAppointed'),
  data: validData,
});

/** Events the store must refuse: a bad type name, or data with a lone surrogate. */
const invalidEvent = fc.oneof(
  fc.record({ type: fc.constant('not a type'), data: validData }),
  fc.record({ type: fc.constant('BodyEstablished'), data: fc.constant({ odd: '\uDC00' }) }),
);

const expected: fc.Arbitrary<ExpectedSpec> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<ExpectedSpec>('right') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<ExpectedSpec>('wrong', 'any', 'no-stream', 'stream-exists'),
  },
  { weight: 1, arbitrary: fc.bigInt(0n, 4n).map((exact): ExpectedSpec => ({ exact })) },
);

const partSpec = (event: fc.Arbitrary<PartSpec['events'][number]>): fc.Arbitrary<PartSpec> =>
  fc.record({ stream, expected, events: fc.array(event, { minLength: 1, maxLength: 3 }) });

const parts: fc.Arbitrary<ReadonlyArray<PartSpec>> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.uniqueArray(partSpec(validEvent), {
      minLength: 1,
      maxLength: 3,
      selector: (part) => part.stream,
    }),
  },
  { weight: 1, arbitrary: fc.tuple(partSpec(invalidEvent)) },
);

const append = fc
  .tuple(parts, fc.option(fc.constantFrom(...COMMAND_IDS), { nil: undefined, freq: 2 }))
  .map(([spec, commandId]) => new AppendCommand(spec, commandId));

const commands = (maxCommands: number) =>
  fc.commands(
    [
      // Appends are listed three times: fast-check picks among the arbitraries evenly.
      append,
      append,
      append,
      fc
        .record(
          {
            direction: fc.constantFrom<'forwards' | 'backwards'>('forwards', 'backwards'),
            fromRevision: fc.bigInt(0n, 6n),
            maxCount: fc.integer({ min: 1, max: 4 }),
          },
          { requiredKeys: [] },
        )
        .chain((options) => stream.map((name) => new ReadStreamCommand(name, options))),
      fc
        .record(
          { after: fc.bigInt(0n, 12n), maxCount: fc.integer({ min: 1, max: 5 }) },
          { requiredKeys: [] },
        )
        .map((options) => new ReadAllCommand(options)),
      fc.constantFrom(...COMMAND_IDS).map((id) => new FindCommandCommand(id)),
      fc.integer({ min: -60_000, max: 3_600_000 }).map((ms) => new MoveClockCommand(ms)),
      fc.constant(new VerifyCommand()),
    ],
    { maxCommands, size: 'max' },
  );

/** Options of {@link checkAgainstModel}. */
export interface ModelBasedOptions {
  /** How many command sequences to run (default 30). */
  readonly numRuns?: number;
  /** The longest sequence (default 25). */
  readonly maxCommands?: number;
  /** Replays a reported failure. */
  readonly seed?: number;
  /** Replays a reported failure (with `seed`). */
  readonly path?: string;
}

/**
 * Runs random command sequences on fresh stores from `factory` and on the in-memory reference
 * store; rejects with fast-check's report (seed, path, shrunk sequence) on the first difference.
 */
export async function checkAgainstModel(
  factory: StoreFactory,
  options: ModelBasedOptions = {},
): Promise<void> {
  const property = fc.asyncProperty(commands(options.maxCommands ?? 25), async (sequence) => {
    const real = await factory();
    const clock = createTestClock(TEST_CLOCK_START);
    const model: Model = {
      store: createInMemoryEventStore({ clock: clock.now }),
      clock,
      now: TEST_CLOCK_START,
      eventsMade: 0,
    };
    try {
      await fc.asyncModelRun(() => ({ model, real }), sequence);
    } finally {
      await model.store.close();
      await real.cleanup();
    }
  });
  await fc.assert(property, {
    numRuns: options.numRuns ?? 30,
    includeErrorInReport: true,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
}

/**
 * Test fixtures: an in-memory event store with a clock the test moves, command submission through
 * the application's handler, and reading the whole log.
 */
import * as E from 'fp-ts/Either';
import {
  LegalBasis,
  decodeWith,
  epochMillisecondsOf,
  instantOf,
  type Instant,
} from '@mandate/core';
import { createCommandHandler, type CommandHandler } from '@mandate/application';
import {
  createInMemoryEventStore,
  type EventStore,
  type StoredEvent,
  type StreamName,
} from '@mandate/eventstore';

/** A minute, in milliseconds: the unit generated histories advance the clock by. */
export const MINUTE = 60_000;

/** The instant from which generated histories are recorded. */
export const RECORDING_START = '2018-06-01T00:00:00.000Z' as Instant;

/** A store clock that stands still until the test advances it. */
export interface ManualClock {
  readonly now: () => Instant;
  readonly advance: (milliseconds: number) => void;
}

/** A manual clock starting at `start`. */
export function manualClock(start: Instant): ManualClock {
  let now = epochMillisecondsOf(start);
  return {
    now: () => instantOf(now),
    advance: (milliseconds) => {
      now += milliseconds;
    },
  };
}

/**
 * The id the handler of {@link memoryWorld} gives the `n`-th event it records (from 1): a
 * scramble of `n` (a bijection on 32-bit integers, so no two alike), never the event's position
 * in the log, so a test that took one for the other would see it.
 */
export const nthEventId = (n: number): string =>
  `event-${(Math.imul(n, 0x9e3779b1) >>> 0).toString(36)}`;

/** A fresh in-memory store on a manual clock, and a command handler over it. */
export function memoryWorld(start: Instant): {
  readonly store: EventStore;
  readonly clock: ManualClock;
  readonly handler: CommandHandler;
} {
  const clock = manualClock(start);
  const store = createInMemoryEventStore({ clock: clock.now });
  let nextId = 0;
  const handler = createCommandHandler({ store, newEventId: () => nthEventId(++nextId) });
  return { store, clock, handler };
}

/** Every event of the log, in position order. */
export async function wholeLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? 0n });
    if (E.isLeft(page)) throw new Error(`readAll failed: ${page.left.message}`);
    if (page.right.length === 0) return events;
    events.push(...page.right);
  }
}

/** Wraps a command in an envelope. */
export const envelope = (commandId: string, command: unknown) => ({
  commandId,
  actor: 'clerk@ubnd-binh-phuoc',
  command,
});

/** The instrument a command cites as its `basis`, if it cites one. */
const basisOf = (command: unknown): Readonly<Record<string, unknown>> | undefined => {
  const data = (command as { readonly data?: { readonly basis?: unknown } } | null)?.data;
  const basis = data?.basis;
  return typeof basis === 'object' && basis !== null
    ? (basis as Readonly<Record<string, unknown>>)
    : undefined;
};

/**
 * Records, through `handler`, each instrument `commands` cite, once, in order of first citation,
 * under the command ids `<prefix>-1`, `<prefix>-2`, … — the registry is mandatory (rule 15);
 * instruments the commands record themselves (`RecordInstrument`) are left to them. An
 * instrument conflicting with one recorded before it under the same key is refused and stays
 * unrecorded, so the commands citing it are refused too; any other failure is a test failure.
 */
export async function recordCitedInstruments(
  handler: CommandHandler,
  commands: ReadonlyArray<unknown>,
  prefix = 'instrument',
): Promise<void> {
  const distinct = new Map<string, Readonly<Record<string, unknown>>>();
  for (const command of commands) {
    const basis = basisOf(command);
    const recordsItself = (command as { readonly type?: unknown }).type === 'RecordInstrument';
    if (basis !== undefined && !recordsItself) distinct.set(JSON.stringify(basis), basis);
  }
  for (const [i, basis] of [...distinct.values()].entries()) {
    const recorded = await handler.handle(
      envelope(`${prefix}-${i + 1}`, {
        type: 'RecordInstrument',
        data: { basis, effectiveOn: basis['signedOn'], relations: [] },
      }),
    );
    if (E.isLeft(recorded) && recorded.left._tag !== 'Refused')
      throw new Error(`Recording an instrument failed: ${recorded.left.message}`);
  }
}

/**
 * What a generated correction names as `corrects` until it is submitted: the `index`-th event of
 * `stream` (from 0), whose id only the store knows (see {@link withEventIds}).
 */
export const eventOf = (stream: string, index: number): string => `event-of:${stream}:${index}`;

/**
 * `command` with a `corrects` made by {@link eventOf} replaced by the id of that event in
 * `store` (left as it is when the stream has no such event, so the command is refused as naming
 * no event): generated corrections name events whose ids only the store knows.
 */
export async function withEventIds(store: EventStore, command: unknown): Promise<unknown> {
  const data = (command as { readonly data?: Readonly<Record<string, unknown>> } | null)?.data;
  const named = /^event-of:(.+):(\d+)$/u.exec(String(data?.['corrects']));
  if (named === null) return command;
  const [, stream = '', index = '0'] = named;
  const events = await store.readStream(stream as StreamName);
  const id = E.isRight(events) ? events.right[Number(index)]?.eventId : undefined;
  return id === undefined ? command : { ...(command as object), data: { ...data, corrects: id } };
}

/** A decision of the province's People's Committee, signed by its chairman, as command JSON. */
export const instrument = (number: string, signedOn: string) => ({
  type: 'decision',
  number,
  issuer: 'ubnd-tinh-binh-phuoc',
  signer: { name: 'Nguyễn Văn Trăm' },
  signedOn,
});

/** The legal basis `json` decodes to; a test instrument that does not decode is a broken test. */
export const legalBasis = (json: unknown): LegalBasis => {
  const decoded = decodeWith(LegalBasis, json);
  if (E.isLeft(decoded)) throw new Error('test instrument does not decode');
  return decoded.right;
};

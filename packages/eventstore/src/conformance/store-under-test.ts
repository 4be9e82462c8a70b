/**
 * What an adapter hands to the conformance suite: the store, the clock it was created with, raw
 * access to its log for tampering, and cleanup.
 */
import type { EventStore } from '../port.js';
import type { RawStoredEvent } from '../raw-event.js';
import type { TestClock } from './fixtures.js';

/** A fresh, empty store under test and the handles the suite needs. */
export interface StoreUnderTest {
  /** The store, empty, created with `clock.now` as its clock. */
  readonly store: EventStore;
  /** The clock the store reads `recordedAt` from. */
  readonly clock: TestClock;
  /**
   * Replaces the stored events by `transform(rows)` (rows in position order), bypassing every
   * check, trigger and hash computation: the suite uses it to edit, remove, insert and reorder
   * events and to write JSON that does not parse. The rows it writes keep positions unique and
   * `(stream, revision)` pairs unique; other tables (stream heads, commands) are left alone.
   */
  readonly rewriteLog: (
    transform: (rows: ReadonlyArray<RawStoredEvent>) => ReadonlyArray<RawStoredEvent>,
  ) => Promise<void>;
  /**
   * For durable stores: closes `store` and opens the same storage again (with the same clock).
   * Required when the suite runs with `{ durable: true }`.
   */
  readonly reopen?: () => Promise<EventStore>;
  /** Closes whatever is still open (the store may already be closed) and removes its storage. */
  readonly cleanup: () => Promise<void>;
}

/** Makes a fresh store under test for one case. */
export type StoreFactory = () => Promise<StoreUnderTest>;

/** One conformance case: a name and a body that throws a plain `Error` when the store fails it. */
export interface ConformanceCase {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** Wraps a case body: makes a fresh store, runs the body, always cleans up. */
export const withStore =
  (factory: StoreFactory, body: (sut: StoreUnderTest) => Promise<void>) =>
  async (): Promise<void> => {
    const sut = await factory();
    try {
      await body(sut);
    } finally {
      await sut.cleanup();
    }
  };

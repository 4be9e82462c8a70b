/**
 * Test fixtures for the SQLite adapter's integration tests: scratch directories on the real file
 * system (removed afterwards), valid events, and opening a store that must open.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import {
  EventMetadataCodec,
  type EventMetadata,
  type NewEvent,
  type StoreError,
} from '@mandate/eventstore';
import {
  createSqliteEventStore,
  type SqliteEventStore,
  type SqliteEventStoreOptions,
} from './store.js';

/** A fresh directory under the system's temporary directory. */
export interface ScratchDirectory {
  readonly path: string;
  /** The path of a file in the directory. */
  readonly file: (name?: string) => string;
  /** Removes the directory and everything in it. */
  readonly remove: () => Promise<void>;
}

/** Creates a {@link ScratchDirectory}. */
export async function scratchDirectory(): Promise<ScratchDirectory> {
  const path = await mkdtemp(join(tmpdir(), 'mandate-sqlite-'));
  return {
    path,
    file: (name = 'events.db') => join(path, name),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** Valid metadata for a test event, decoded by the store's own codec. */
export function sampleMetadata(commandId = 'cmd-1'): EventMetadata {
  const decoded = EventMetadataCodec.decode({
    validDate: '2018-03-01',
    commandId,
    correlationId: 'corr-1',
    causationId: commandId,
    actor: 'test',
  });
  if (E.isLeft(decoded)) throw new Error('The sample metadata does not decode');
  return decoded.right;
}

/** A valid new event with the given id and data. */
export const sampleEvent = (
  eventId: string,
  data: unknown = {},
  type = 'ThingHappened',
): NewEvent => ({
  eventId,
  type,
  schemaVersion: 1,
  data,
  metadata: sampleMetadata(),
});

/** Opens a store that must open, throwing (a test failure) otherwise. */
export async function openStore(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
  const opened = await createSqliteEventStore(options);
  if (E.isLeft(opened)) throw new Error(`The store did not open: ${opened.left.message}`);
  return opened.right;
}

/** The right value of an outcome that must succeed, throwing (a test failure) otherwise. */
export function successOf<A>(outcome: E.Either<StoreError, A>): A {
  if (E.isLeft(outcome))
    throw new Error(`Expected success, got ${outcome.left._tag}: ${outcome.left.message}`);
  return outcome.right;
}

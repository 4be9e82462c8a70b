/**
 * Fixtures for the integration tests on real SQLite files: scratch directories (removed
 * afterwards), opening a store that must open, the command script several processes race on,
 * and a summary of each outcome that can cross a process boundary as JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createSqliteEventStore, type SqliteEventStore } from '@mandate/adapter-sqlite';
import {
  createSeat,
  defaultFixtureCommands,
  envelope,
  establishBody,
  mergeBodies,
  registerCity,
  registerPerson,
  recordingsOf,
  registerProvince,
  renameBody,
} from './commands.fixture.js';
import type { CommandResult } from './handle.js';

/** A fresh directory under the system's temporary directory. */
export interface ScratchDirectory {
  /** The path of a file in the directory. */
  readonly file: (name?: string) => string;
  /** Removes the directory and everything in it. */
  readonly remove: () => Promise<void>;
}

/** Creates a {@link ScratchDirectory}. */
export async function scratchDirectory(): Promise<ScratchDirectory> {
  const path = await mkdtemp(join(tmpdir(), 'mandate-application-'));
  return {
    file: (name = 'events.db') => join(path, name),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** Opens a SQLite store that must open, throwing (a test failure) otherwise. */
export async function openSqlite(path: string): Promise<SqliteEventStore> {
  const opened = await createSqliteEventStore({ path, pollIntervalMs: 50 });
  if (E.isLeft(opened)) throw new Error(`The store did not open: ${opened.left.message}`);
  return opened.right;
}

/**
 * The commands every racing process submits, in the same order and with the same ids: most of
 * them would be refused if decided twice (an authority, a person or a body registered twice, a
 * seat created twice, bodies merged twice), so a second application shows as a refusal.
 */
export const raceScript: ReadonlyArray<ReturnType<typeof envelope>> = [
  ...recordingsOf(...defaultFixtureCommands()),
  envelope('race-province', registerProvince),
  envelope('race-city', registerCity),
  envelope('race-person', registerPerson()),
  ...['bcd-1', 'bcd-2', 'bcd-3', 'bcd-4'].flatMap((bodyId) => [
    envelope(`race-establish-${bodyId}`, establishBody(bodyId)),
    envelope(`race-seat-${bodyId}`, createSeat(bodyId, 'uy-vien-1', 'giam-doc-so-tc')),
    envelope(`race-rename-${bodyId}`, renameBody(bodyId, `Tên mới ${bodyId}`)),
  ]),
  envelope('race-merge', mergeBodies('hop-nhat', ['bcd-1', 'bcd-2', 'bcd-3'], 'bcd-moi')),
];

/** An outcome as plain JSON. */
export interface OutcomeSummary {
  readonly commandId: string;
  readonly outcome: string;
  readonly duplicate?: boolean;
  readonly events?: number;
  readonly lastPosition?: string;
}

/** Summarises the result of handling `commandId`. */
export const summarise = (commandId: string, result: CommandResult): OutcomeSummary =>
  E.isLeft(result)
    ? { commandId, outcome: `${result.left._tag}: ${result.left.message}` }
    : {
        commandId,
        outcome: result.right.unchanged ? 'unchanged' : 'accepted',
        duplicate: result.right.duplicate,
        events: result.right.events,
        lastPosition: String(result.right.lastPosition),
      };

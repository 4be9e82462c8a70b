/**
 * The one place where SQLite's failures become the event store's error vocabulary.
 *
 * better-sqlite3 throws a `SqliteError` whose `code` is SQLite's extended result code name
 * (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_CONSTRAINT_UNIQUE`, …). Errors are recognised by that code and
 * by the constraint named in the message, never by `instanceof`. The mapping:
 *
 * - `SQLITE_BUSY*` / `SQLITE_LOCKED*`: another connection holds the lock. Retried inside the
 *   adapter, surfaced only as `StoreUnavailable` with `retryable: true` once the retry budget is
 *   spent;
 * - `SQLITE_CORRUPT`, `SQLITE_NOTADB`, `SQLITE_IOERR`, `SQLITE_FULL`, `SQLITE_READONLY`,
 *   `SQLITE_CANTOPEN` and every other failure: `StoreUnavailable` with `retryable: false`;
 * - a unique violation on `events(stream, revision)`: a writer the adapter did not serialise got
 *   there first, which the append reports as `VersionConflict`;
 * - a unique violation on `commands(command_id)`: the command was recorded meanwhile, which the
 *   append answers as a duplicate;
 * - a stored row that does not read back: `CorruptEvent` naming its stream and revision (built by
 *   `parseRawEvent` of `@mandate/eventstore`).
 */
import { storeUnavailable, type StoreUnavailable } from '@mandate/eventstore';

/** The SQLite result code name carried by a driver error (`SQLITE_BUSY`, …), if it has one. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code: unknown = error.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

const hasPrimaryCode = (code: string | undefined, primary: string): boolean =>
  code !== undefined && (code === primary || code.startsWith(`${primary}_`));

/** True when the error says another connection holds a lock, so trying again may succeed. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return hasPrimaryCode(code, 'SQLITE_BUSY') || hasPrimaryCode(code, 'SQLITE_LOCKED');
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Maps a failure met while doing `action` (e.g. `append to the log`) to `StoreUnavailable`:
 * retryable only when the file was busy or locked.
 */
export function unavailable(action: string, error: unknown): StoreUnavailable {
  const code = sqliteCode(error);
  const because = code === undefined ? messageOf(error) : `${code}: ${messageOf(error)}`;
  return storeUnavailable(`SQLite store could not ${action} (${because})`, isBusy(error), error);
}

/** `StoreUnavailable`, not retryable, for a failure that has no driver error behind it. */
export const refusedBySqlite = (action: string, reason: string): StoreUnavailable =>
  storeUnavailable(`SQLite store could not ${action}: ${reason}`, false);

/** The error every operation returns once the store has been closed. */
export const storeClosed = (): StoreUnavailable =>
  storeUnavailable('The SQLite store is closed', false);

/** Which unique key a constraint violation hit, if it is one the append handles. */
export type UniqueViolation = 'stream-revision' | 'command-id';

/**
 * The unique key a failed INSERT violated: `(stream, revision)` of `events`, or `command_id` of
 * `commands`; `undefined` for any other failure.
 * @see docs/reference/domain.md rule 10
 */
export function uniqueViolation(error: unknown): UniqueViolation | undefined {
  if (!hasPrimaryCode(sqliteCode(error), 'SQLITE_CONSTRAINT')) return undefined;
  const message = messageOf(error);
  if (message.includes('events.stream, events.revision')) return 'stream-revision';
  if (message.includes('commands.command_id')) return 'command-id';
  return undefined;
}

/** A file whose schema is newer than this version of the adapter knows how to read. */
export interface SchemaTooNew {
  readonly _tag: 'SchemaTooNew';
  /** The schema version recorded in the file. */
  readonly fileVersion: number;
  /** The newest schema version this adapter knows. */
  readonly knownVersion: number;
  readonly message: string;
}

/** Builds a {@link SchemaTooNew} for a file at `fileVersion` when the code knows `knownVersion`. */
export const schemaTooNew = (fileVersion: number, knownVersion: number): SchemaTooNew => ({
  _tag: 'SchemaTooNew',
  fileVersion,
  knownVersion,
  message: `The file's event store schema is version ${fileVersion}, newer than version ${knownVersion} known to this adapter: upgrade @mandate/adapter-sqlite`,
});

/** Why a store could not be opened: the file is unusable, or written by a newer adapter. */
export type OpenError = StoreUnavailable | SchemaTooNew;

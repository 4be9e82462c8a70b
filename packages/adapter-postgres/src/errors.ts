/**
 * The one place where PostgreSQL's and the `pg` driver's failures become the event store's error
 * vocabulary.
 *
 * The server reports failures with a SQLSTATE in the error's `code` (`40001`, `57014`, …); the
 * driver and Node's sockets report a lost connection with a Node error code (`ECONNRESET`, …) or
 * with a plain message ("Connection terminated unexpectedly"). Errors are recognised by those
 * codes and messages, never by `instanceof`. The mapping:
 *
 * - `40001` serialization failure, `40P01` deadlock, `55P03` lock not available, `53xxx`
 *   insufficient resources: `StoreUnavailable`, retryable (the same request may succeed now);
 * - a lost or refused connection (`08xxx`, `57P01`–`57P05` shutdowns, `ECONNREFUSED`,
 *   `ECONNRESET`, `EPIPE`, `ETIMEDOUT`, the driver's "Connection terminated"): `StoreUnavailable`,
 *   retryable, its message saying the server is unreachable — an append that lost its connection
 *   while committing may or may not have committed, which an append with a command id answers
 *   safely when repeated;
 * - `57014` query canceled, which is what a `statement_timeout` reports: `StoreUnavailable`,
 *   retryable, its message naming the statement timeout;
 * - every other failure (a missing table, permissions, a read-only replica, a full disk):
 *   `StoreUnavailable`, not retryable;
 * - a unique violation (`23505`) on `events (stream, revision)` or `commands (command_id)` is
 *   recognised by {@link uniqueViolation} and handled by the append (a conflict, a duplicate).
 */
import { storeUnavailable, type StoreUnavailable } from '@mandate/eventstore';

/** The SQLSTATE or Node error code a failure carries, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code: unknown = error.code;
  return typeof code === 'string' ? code : undefined;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** How a failure is classified before it becomes a {@link StoreUnavailable}. */
export type FailureKind = 'conflict' | 'connection' | 'statement-timeout' | 'resources' | 'other';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '57P05',
]);

/** Classifies a failure by its SQLSTATE, its Node error code or the driver's message. */
export function failureKind(error: unknown): FailureKind {
  const code = errorCode(error);
  if (code === '40001' || code === '40P01' || code === '55P03') return 'conflict';
  if (code === '57014') return 'statement-timeout';
  if (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'))) {
    return 'connection';
  }
  if (code !== undefined && code.startsWith('53')) return 'resources';
  const message = messageOf(error);
  if (
    code === undefined &&
    /Connection terminated|connection is closed|Client has encountered a connection error|Connection ended|timeout exceeded when trying to connect/i.test(
      message,
    )
  ) {
    return 'connection';
  }
  return 'other';
}

const DESCRIPTIONS: Readonly<Record<FailureKind, string>> = {
  conflict: 'a concurrent transaction conflicted (serialization failure or deadlock)',
  connection: 'the server is unreachable or the connection was lost',
  'statement-timeout': 'the statement timeout expired',
  resources: 'the server is out of resources',
  other: 'the server refused the operation',
};

/**
 * Maps a failure met while doing `action` (e.g. `append`) to `StoreUnavailable`: retryable for a
 * conflict, a lost connection, a statement timeout or exhausted resources; otherwise not.
 */
export function unavailable(action: string, error: unknown): StoreUnavailable {
  const kind = failureKind(error);
  const code = errorCode(error);
  const detail = code === undefined ? messageOf(error) : `${code}: ${messageOf(error)}`;
  return storeUnavailable(
    `PostgreSQL store could not ${action}: ${DESCRIPTIONS[kind]} (${detail})`,
    kind !== 'other',
    error,
  );
}

/** `StoreUnavailable`, not retryable, for a failure that has no driver error behind it. */
export const refusedByPostgres = (action: string, reason: string): StoreUnavailable =>
  storeUnavailable(`PostgreSQL store could not ${action}: ${reason}`, false);

/** The error every operation returns once the store has been closed. */
export const storeClosed = (): StoreUnavailable =>
  storeUnavailable('The PostgreSQL store is closed', false);

/** Which unique key a failed INSERT violated, if it is one the append handles. */
export type UniqueViolation = 'stream-revision' | 'command-id';

/**
 * The unique key a failed INSERT violated, by the constraint name the server reports:
 * `(stream, revision)` of `events`, or `command_id` of `commands`; `undefined` otherwise.
 * @see docs/reference/domain.md rule 10
 */
export function uniqueViolation(error: unknown): UniqueViolation | undefined {
  if (errorCode(error) !== '23505') return undefined;
  const constraint =
    typeof error === 'object' && error !== null && 'constraint' in error
      ? error.constraint
      : undefined;
  if (constraint === 'events_stream_revision_key') return 'stream-revision';
  if (constraint === 'commands_pkey') return 'command-id';
  return undefined;
}

/** A schema whose migrations are newer than this version of the adapter knows how to read. */
export interface SchemaTooNew {
  readonly _tag: 'SchemaTooNew';
  /** The schema version recorded in the database. */
  readonly storedVersion: number;
  /** The newest schema version this adapter knows. */
  readonly knownVersion: number;
  readonly message: string;
}

/** Builds a {@link SchemaTooNew} for a schema at `storedVersion` when the code knows `knownVersion`. */
export const schemaTooNew = (storedVersion: number, knownVersion: number): SchemaTooNew => ({
  _tag: 'SchemaTooNew',
  storedVersion,
  knownVersion,
  message: `The event store schema is version ${storedVersion}, newer than version ${knownVersion} known to this adapter: upgrade @mandate/adapter-postgres`,
});

/** Why a store could not be opened: the server is unusable, or migrated by a newer adapter. */
export type OpenError = StoreUnavailable | SchemaTooNew;

/**
 * The append transaction's answer to a command id recorded by another writer between its check
 * and its insert. With `BEGIN IMMEDIATE` no writer of this adapter can do that, so the race is
 * staged on a scripted connection: the command insert fails on the unique key, the transaction is
 * rolled back, and the append answers with the recorded result as a duplicate.
 *
 * @see docs/reference/domain.md rule 10
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CommandId, Instant } from '@mandate/core';
import { validateAppend, type ValidatedAppend } from '@mandate/eventstore';
import { appendOnce } from './append.js';
import type { SharedConnection } from './connection.js';
import { encodeAppendResult } from './rows.js';
import { sampleEvent } from './store.fixture.js';

const NOW = '2019-07-01T03:00:00.000Z' as Instant;
const recorded = {
  streams: [{ stream: 's', nextExpectedRevision: 4n }],
  lastPosition: 9n,
  duplicate: false,
};

function validated(): ValidatedAppend {
  const valid = validateAppend({
    commandId: 'cmd-race' as CommandId,
    appends: [{ stream: 's', expectedRevision: 'any', events: [sampleEvent('e')] }],
  });
  if (E.isLeft(valid)) throw new Error(valid.left.message);
  return valid.right;
}

/** A connection whose command insert loses the race to another writer. */
function racedConnection(insertFailure: Error) {
  const executed: string[] = [];
  let inTransaction = false;
  let otherWriterCommitted = false;
  const connection = {
    path: '/scripted.db',
    listeners: new Set(),
    db: {
      get inTransaction() {
        return inTransaction;
      },
      exec: (sql: string) => {
        executed.push(sql);
        inTransaction = sql === 'BEGIN IMMEDIATE';
      },
    },
    statements: {
      command: {
        get: () => (otherWriterCommitted ? { result: encodeAppendResult(recorded) } : undefined),
      },
      lastEvent: { get: () => undefined },
      stream: { get: () => undefined },
      insertEvent: { run: () => undefined },
      putStream: { run: () => undefined },
      putCommand: {
        run: () => {
          otherWriterCommitted = true;
          throw insertFailure;
        },
      },
    },
  };
  return { connection: connection as unknown as SharedConnection, executed };
}

describe('a command id recorded by another writer meanwhile', () => {
  it('rolls back and answers with the recorded result as a duplicate', () => {
    const failure = Object.assign(new Error('UNIQUE constraint failed: commands.command_id'), {
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    const { connection, executed } = racedConnection(failure);
    expect(appendOnce(connection, validated(), NOW)).toEqual(
      E.right({ ...recorded, duplicate: true }),
    );
    expect(executed).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
  });

  it('rethrows, after rolling back, a failure that is not that unique key', () => {
    const failure = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    const { connection, executed } = racedConnection(failure);
    expect(() => appendOnce(connection, validated(), NOW)).toThrow(failure);
    expect(executed).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
  });
});

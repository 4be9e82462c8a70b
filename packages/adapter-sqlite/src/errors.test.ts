/**
 * The error mapping, on driver errors shaped as better-sqlite3 throws them (a `code` naming
 * SQLite's extended result code). The same mapping is exercised on real failures by the
 * integration tests.
 */
import { describe, expect, it } from 'vitest';
import { isBusy, schemaTooNew, sqliteCode, unavailable, uniqueViolation } from './errors.js';

const sqliteError = (code: string, message = 'failed') =>
  Object.assign(new Error(message), { name: 'SqliteError', code });

describe('mapping SQLite failures', () => {
  it.each([
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_BUSY_RECOVERY',
    'SQLITE_LOCKED',
    'SQLITE_LOCKED_SHAREDCACHE',
  ])('%s is busy: retryable', (code) => {
    expect(isBusy(sqliteError(code))).toBe(true);
    expect(unavailable('append', sqliteError(code))).toMatchObject({
      _tag: 'StoreUnavailable',
      retryable: true,
    });
  });

  it.each([
    'SQLITE_CORRUPT',
    'SQLITE_NOTADB',
    'SQLITE_IOERR_WRITE',
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_CANTOPEN',
    'SQLITE_BUSYNESS',
    'SQLITE_ERROR',
  ])('%s is not busy: unavailable, not retryable, code in the message', (code) => {
    const error = sqliteError(code);
    expect(isBusy(error)).toBe(false);
    expect(unavailable('read the log', error)).toEqual({
      _tag: 'StoreUnavailable',
      retryable: false,
      message: `SQLite store could not read the log (${code}: failed)`,
      cause: error,
    });
  });

  it('maps failures without a SQLite code as not retryable', () => {
    expect(
      sqliteCode(new TypeError('Cannot open database because the directory does not exist')),
    ).toBeUndefined();
    expect(sqliteCode({ code: 'ENOENT' })).toBeUndefined();
    expect(sqliteCode('SQLITE_BUSY')).toBeUndefined();
    expect(unavailable('open x', new Error('ENOENT'))).toMatchObject({ retryable: false });
  });

  it('tells which unique key a constraint violation hit', () => {
    expect(
      uniqueViolation(
        sqliteError(
          'SQLITE_CONSTRAINT_UNIQUE',
          'UNIQUE constraint failed: events.stream, events.revision',
        ),
      ),
    ).toBe('stream-revision');
    expect(
      uniqueViolation(
        sqliteError(
          'SQLITE_CONSTRAINT_PRIMARYKEY',
          'UNIQUE constraint failed: commands.command_id',
        ),
      ),
    ).toBe('command-id');
    expect(
      uniqueViolation(
        sqliteError('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: events.position'),
      ),
    ).toBeUndefined();
    expect(
      uniqueViolation(sqliteError('SQLITE_ERROR', 'UNIQUE constraint failed: commands.command_id')),
    ).toBeUndefined();
  });

  it('describes a schema that is too new', () => {
    expect(schemaTooNew(7, 1)).toMatchObject({
      _tag: 'SchemaTooNew',
      fileVersion: 7,
      knownVersion: 1,
    });
  });
});

/**
 * The classification behind the mapping, on the shapes the driver produces that the integration
 * test cannot provoke at will: Node socket errors, the driver's message-only connection errors,
 * every server shutdown code, and values that are not errors at all.
 */
import { describe, expect, it } from 'vitest';
import { errorCode, failureKind, uniqueViolation, unavailable } from './errors.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('failureKind', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006'])(
    '%s is a lost connection, retryable',
    (code) => {
      expect(failureKind(withCode(code))).toBe('connection');
      expect(unavailable('append', withCode(code)).retryable).toBe(true);
    },
  );

  it('reads the driver’s message-only connection errors as lost connections', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
      'timeout exceeded when trying to connect',
    ]) {
      expect(failureKind(new Error(message))).toBe('connection');
    }
  });

  it('names conflicts, timeouts and exhausted resources, and nothing else', () => {
    expect(failureKind(withCode('40001'))).toBe('conflict');
    expect(failureKind(withCode('40P01'))).toBe('conflict');
    expect(failureKind(withCode('57014'))).toBe('statement-timeout');
    expect(failureKind(withCode('53300'))).toBe('resources');
    expect(failureKind(withCode('42501'))).toBe('other');
    expect(unavailable('append', withCode('42501')).retryable).toBe(false);
    expect(failureKind(new TypeError('x is undefined'))).toBe('other');
  });

  it('accepts values that are not errors', () => {
    expect(errorCode('a string')).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode({ code: 42 })).toBeUndefined();
    expect(uniqueViolation({ code: '23505', constraint: 'some_other_key' })).toBeUndefined();
    expect(unavailable('read', 'plain text').message).toContain('plain text');
  });
});

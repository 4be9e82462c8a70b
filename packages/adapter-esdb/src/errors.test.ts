/**
 * The client error mapping: recognised by the client's `type` only — an empty message, a
 * misleading message or a lying expected state inside a wrong-version error change nothing.
 */
import { describe, expect, it } from 'vitest';
import { classifyClientError, unexpected } from './errors.js';

/** A client error as both clients shape it: a `type`, a message, maybe more fields. */
const clientError = (type: string, message = '', extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { type, ...extra });

describe('classifyClientError', () => {
  it('recognises a wrong expected version by its type, whatever its message and fields say', () => {
    for (const error of [
      clientError('wrong-expected-version'),
      clientError('wrong-expected-version', 'stream not found', {
        expectedVersion: 7n,
        actualVersion: 7n,
      }),
      { type: 'wrong-expected-version' },
    ]) {
      expect(classifyClientError(error)).toEqual({ _tag: 'WrongExpectedVersion' });
    }
  });

  it('never reads the message: a message naming another error does not change the mapping', () => {
    expect(classifyClientError(clientError('unknown', 'wrong-expected-version'))._tag).toBe(
      'Unavailable',
    );
    expect(classifyClientError(new Error('WrongExpectedVersion'))._tag).toBe('Unavailable');
  });

  it('maps stream not found and deleted streams', () => {
    expect(classifyClientError(clientError('stream-not-found'))).toEqual({
      _tag: 'StreamNotFound',
    });
    expect(classifyClientError(clientError('stream-deleted'))).toEqual({ _tag: 'StreamDeleted' });
  });

  it('maps unavailable, not-leader, deadline, timeout and cancellation to a retryable StoreUnavailable', () => {
    for (const type of ['unavailable', 'not-leader', 'deadline-exceeded', 'timeout', 'cancelled']) {
      const failure = classifyClientError(clientError(type));
      expect(failure._tag === 'Unavailable' && failure.error).toMatchObject({
        _tag: 'StoreUnavailable',
        retryable: true,
      });
    }
  });

  it('maps anything else, typed or not, to a StoreUnavailable that is not retryable, keeping the cause', () => {
    const denied = clientError('access-denied');
    for (const error of [denied, new Error('boom'), 'a string', undefined, null, { type: 42 }]) {
      const failure = classifyClientError(error);
      expect(failure._tag).toBe('Unavailable');
      if (failure._tag !== 'Unavailable') continue;
      expect(failure.error.retryable).toBe(false);
      if (error !== undefined) expect(failure.error.cause).toBe(error);
    }
  });
});

describe('unexpected', () => {
  it('turns a failure the adapter did not expect into a StoreUnavailable', () => {
    expect(unexpected({ _tag: 'WrongExpectedVersion' }, 'Appending')).toMatchObject({
      _tag: 'StoreUnavailable',
      retryable: true,
    });
    expect(unexpected({ _tag: 'StreamNotFound' }, 'Reading').retryable).toBe(false);
    expect(unexpected({ _tag: 'StreamDeleted' }, 'Completing').retryable).toBe(false);
    const unavailable = classifyClientError(clientError('unavailable'));
    expect(unexpected(unavailable, 'Reading')).toBe(
      unavailable._tag === 'Unavailable' ? unavailable.error : undefined,
    );
  });
});

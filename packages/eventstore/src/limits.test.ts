/** Unit tests of append validation against the documented limits. */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CommandId } from '@mandate/core';
import { appendTo, eventFactory } from './conformance/index.js';
import { APPEND_LIMITS, validateAppend } from './limits.js';
import type { AppendRequest, ExpectedRevision, NewEvent } from './port.js';

const { event, events } = eventFactory();

const refusal = (request: unknown): string => {
  const result = validateAppend(request as AppendRequest);
  if (E.isRight(result)) throw new Error('expected an InvalidAppend');
  expect(result.left._tag).toBe('InvalidAppend');
  return result.left.message;
};

describe('validateAppend', () => {
  it('encodes every event once, as canonical JSON, keeping only the event fields', () => {
    const forged = {
      ...event({ data: { b: 1, a: 'Chỉ' } }),
      recordedAt: '1999-01-01T00:00:00.000Z',
    };
    const result = validateAppend({
      commandId: 'cmd-9' as CommandId,
      appends: [{ stream: 'a', expectedRevision: 'any', events: [forged] }],
    });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const [part] = result.right.appends;
    expect(result.right.commandId).toBe('cmd-9');
    expect(result.right.eventCount).toBe(1);
    expect(part?.events[0]?.dataJson).toBe('{"a":"Chỉ","b":1}');
    expect(part?.events[0]?.metadataJson).toMatch(/^\{"actor":/);
    expect(Object.keys(part?.events[0]?.event ?? {}).sort()).toEqual([
      'data',
      'eventId',
      'metadata',
      'schemaVersion',
      'type',
    ]);
  });

  it('treats __proto__ and constructor keys as data', () => {
    const data: unknown = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    const result = validateAppend(appendTo('a', 'any', [event({ data })]));
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right.appends[0]?.events[0]?.dataJson).toBe(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('names the stream and event at fault', () => {
    const bad = { ...event(), schemaVersion: 0 } as NewEvent;
    expect(refusal(appendTo('body-1', 'any', [event(), bad]))).toBe(
      'stream "body-1", event 1: schemaVersion must be a whole number from 1',
    );
  });

  it('counts events over all streams of one append', () => {
    const half = Math.ceil((APPEND_LIMITS.maxEventsPerAppend + 1) / 2);
    const request = {
      appends: [
        { stream: 'a', expectedRevision: 'any', events: events(half) },
        { stream: 'b', expectedRevision: 'any', events: events(half) },
      ],
    };
    expect(refusal(request)).toMatch(/at most 1000 events/);
  });

  it('limits the streams of one append', () => {
    const appends = Array.from(
      { length: APPEND_LIMITS.maxStreamsPerAppend + 1 },
      (_, i) => appendTo(`s-${i}`, 'any', [event()]).appends[0],
    );
    expect(refusal({ appends })).toMatch(/at most 100 streams/);
  });

  it('measures data in UTF-8 bytes', () => {
    const limits = { ...APPEND_LIMITS, maxEventDataBytes: 20 };
    const fits = validateAppend(appendTo('a', 'any', [event({ data: 'ệệệệệệ' })]), limits);
    expect(E.isRight(fits)).toBe(true);
    const tooBig = validateAppend(appendTo('a', 'any', [event({ data: 'ệệệệệệệ' })]), limits);
    expect(tooBig).toMatchObject(
      E.left({ message: expect.stringMatching(/larger than 20 bytes/) }),
    );
  });

  it('limits metadata size', () => {
    const metadata = { ...event().metadata, actor: 'x'.repeat(256) };
    const limits = { ...APPEND_LIMITS, maxMetadataBytes: 300 };
    expect(validateAppend(appendTo('a', 'any', [{ ...event(), metadata }]), limits)).toMatchObject(
      E.left({ message: expect.stringMatching(/metadata is larger than 300 bytes/) }),
    );
  });

  it.each([
    ['not an object', 42],
    ['appends not an array', { appends: 'a' }],
    ['a stream append not an object', { appends: [null] }],
    ['events not an array', { appends: [{ stream: 'a', expectedRevision: 'any', events: {} }] }],
    [
      'an event not an object',
      { appends: [{ stream: 'a', expectedRevision: 'any', events: [7] }] },
    ],
    ['a stream name too long', appendTo('s'.repeat(201), 'any', [event()])],
    ['a stream name starting with $', appendTo('$all', 'any', [event()])],
    ['an unknown expected revision', appendTo('a', 'latest' as ExpectedRevision, [event()])],
    [
      'a metadata trace with a control character',
      appendTo('a', 'any', [{ ...event(), metadata: { ...event().metadata, actor: 'a\u0007' } }]),
    ],
    [
      'an empty actor',
      appendTo('a', 'any', [{ ...event(), metadata: { ...event().metadata, actor: '' } }]),
    ],
  ])('refuses %s without throwing', (_what, request) => {
    expect(refusal(request).length).toBeGreaterThan(0);
  });
});

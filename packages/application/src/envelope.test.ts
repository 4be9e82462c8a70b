/**
 * Decoding untrusted envelopes: every problem is a `DecodeFailure` whose issues name the path
 * where it was found; prototype-polluting keys are dropped; oversized or too deeply nested input
 * is refused before decoding; and nothing decoded is appended.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { DecodeFailure } from '@mandate/core';
import {
  createSeat,
  envelope,
  establishBody,
  registerCity,
  registerProvince,
} from './commands.fixture.js';
import { COMMAND_TYPES } from './command.js';
import { MAX_ACTOR_LENGTH, decodeEnvelope } from './envelope.js';
import { createCommandHandler } from './handle.js';
import { acceptedOf, failureOf, memoryStore, recordCited, wholeLog } from './store.fixture.js';

const failureFor = (input: unknown): DecodeFailure => {
  const decoded = decodeEnvelope(input);
  if (E.isRight(decoded)) throw new Error(`Expected a decode failure for ${JSON.stringify(input)}`);
  return decoded.left;
};
const pathsOf = (input: unknown) => failureFor(input).issues.map((issue) => issue.path);

describe('decoding an envelope', () => {
  it('refuses hostile objects with a DecodeFailure, never a throw', () => {
    const valid = envelope('cmd-1', registerProvince);
    const trapped = new Proxy(valid, {
      ownKeys: () => {
        throw new Error('trap');
      },
      get: () => {
        throw new Error('trap');
      },
    });
    const getter = Object.defineProperty({ ...valid }, 'actor', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    for (const hostile of [trapped, getter]) {
      expect(failureFor(hostile)._tag).toBe('DecodeFailure');
    }
  });

  it('refuses an object whose fields are inherited, which the size guard cannot count', () => {
    const inherited = Object.create(envelope('cmd-1', registerProvince) as object) as unknown;
    expect(failureFor(inherited).message).toContain('not plain data');
    expect(
      failureFor({ ...envelope('cmd-1', registerProvince), command: inherited }).message,
    ).toContain('not plain data');
  });

  it('decodes a valid envelope, with the actor in NFC and optional ids absent', () => {
    const decoded = decodeEnvelope({
      ...envelope('cmd-1', registerProvince),
      actor: 'Tra\u0306m', // NFD
    });
    expect(E.isRight(decoded) && decoded.right).toEqual({
      commandId: 'cmd-1',
      actor: 'Tr\u0103m',
      command: registerProvince,
    });
  });

  it.each([
    ['a missing command id', { actor: 'a', command: registerProvince }, 'commandId'],
    ['a command id with a space', envelope('cmd 1', registerProvince), 'commandId'],
    ['a missing actor', { commandId: 'c', command: registerProvince }, 'actor'],
    ['a blank actor', { ...envelope('c', registerProvince), actor: '  ' }, 'actor'],
    ['an actor with a line break', { ...envelope('c', registerProvince), actor: 'a\nb' }, 'actor'],
    [
      'an actor with a right-to-left override',
      { ...envelope('c', registerProvince), actor: 'clerk\u202E' },
      'actor',
    ],
    [
      'an actor with a zero-width space',
      { ...envelope('c', registerProvince), actor: 'cl\u200Berk' },
      'actor',
    ],
    [
      'an actor with a line separator',
      { ...envelope('c', registerProvince), actor: 'a\u2028b' },
      'actor',
    ],
    [
      'an actor too long',
      { ...envelope('c', registerProvince), actor: 'a'.repeat(MAX_ACTOR_LENGTH + 1) },
      'actor',
    ],
    [
      'an empty correlation id',
      envelope('c', registerProvince, { correlationId: '' }),
      'correlationId',
    ],
    [
      'an explicitly undefined causation id',
      envelope('c', registerProvince, { causationId: undefined }),
      'causationId',
    ],
    ['a missing command', { commandId: 'c', actor: 'a' }, 'command'],
  ])('refuses %s, naming its path', (_, input, path) => {
    expect(pathsOf(input)).toEqual([path]);
  });

  it('accepts an actor of exactly the longest length', () => {
    const input = { ...envelope('c', registerProvince), actor: 'a'.repeat(MAX_ACTOR_LENGTH) };
    expect(E.isRight(decodeEnvelope(input))).toBe(true);
  });

  it('refuses dates that name no real day, naming their paths', () => {
    const command = establishBody('bcd-a');
    const input = envelope('c', {
      ...command,
      data: {
        ...command.data,
        effectiveOn: '2019-02-29',
        basis: { ...command.data.basis, signedOn: '2018-13-01' },
      },
    });
    expect(pathsOf(input).sort()).toEqual([
      'command.data.basis.signedOn',
      'command.data.effectiveOn',
    ]);
  });

  it('refuses a command without its basis or effective date (rule 8)', () => {
    const { basis: _basis, ...withoutBasis } = createSeat('bcd-a', 's', 'o').data;
    expect(pathsOf(envelope('c', { type: 'AmendBody', data: withoutBasis }))).toEqual([
      'command.data.basis',
    ]);
  });

  it.each(['Teleport', '__proto__', 'constructor', 'toString', 42, null])(
    'refuses the unknown command type %s, naming the types it knows',
    (type) => {
      const failure = failureFor(envelope('c', { type, data: {} }));
      expect(failure.issues).toHaveLength(1);
      expect(failure.issues[0]?.path).toBe('command.type');
      expect(failure.issues[0]?.message).toContain(COMMAND_TYPES.join(', '));
    },
  );

  it('names only the command the input claims to be', () => {
    const failure = failureFor(envelope('c', { type: 'RegisterPerson', data: { personId: 'p' } }));
    expect(failure.issues.map((issue) => issue.path).sort()).toEqual([
      'command.data.basis',
      'command.data.effectiveOn',
      'command.data.name',
    ]);
  });

  it.each([null, 42, 'envelope', [], [envelope('c', registerProvince)]])(
    'refuses a non-object input %j',
    (input) => {
      expect(failureFor(input)._tag).toBe('DecodeFailure');
    },
  );

  it('drops __proto__ keys without polluting any prototype', () => {
    const input: unknown = JSON.parse(
      JSON.stringify(envelope('c', registerProvince)).replace(
        '{',
        '{"__proto__":{"polluted":true},',
      ),
    );
    const withData = JSON.parse(
      JSON.stringify(envelope('c', registerProvince)).replace(
        '"data":{',
        '"data":{"__proto__":{"polluted":true},',
      ),
    ) as unknown;

    for (const candidate of [input, withData]) {
      const decoded = decodeEnvelope(candidate);
      expect(E.isRight(decoded)).toBe(true);
      if (E.isLeft(decoded)) continue;
      expect(Object.getPrototypeOf(decoded.right)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(decoded.right, '__proto__')).toBe(false);
      expect(Object.prototype.hasOwnProperty.call(decoded.right.command.data, '__proto__')).toBe(
        false,
      );
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an envelope longer than the limit before decoding it', () => {
    const command = establishBody('bcd-a');
    const huge = envelope('c', {
      ...command,
      data: { ...command.data, purpose: { vi: 'x'.repeat(300_000) } },
    });
    expect(failureFor(huge)).toMatchObject({
      issues: [{ path: '', message: expect.stringContaining('longer than') }],
    });
    const many = envelope('c', {
      type: 'AmendBody',
      data: { changes: new Array(300_000).fill(0) },
    });
    expect(failureFor(many).message).toContain('longer than');
  });

  it('refuses an envelope nested deeper than the limit, even a cyclic one', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { deeper: deep };
    expect(failureFor(envelope('c', deep)).message).toContain('deeper than');
    const cyclic: Record<string, unknown> = { type: 'AmendBody' };
    cyclic['data'] = cyclic;
    expect(failureFor(envelope('c', cyclic))._tag).toBe('DecodeFailure');
  });
});

describe('handling bad input', () => {
  it('returns the decode failure and appends nothing', async () => {
    const store = memoryStore();
    const handler = createCommandHandler({ store });
    await recordCited(handler, registerProvince, registerCity);
    acceptedOf(await handler.handle(envelope('p', registerProvince)));
    const before = await wholeLog(store);

    for (const input of [
      undefined,
      {},
      envelope('c', { ...registerCity, data: { ...registerCity.data, effectiveOn: '2018-02-30' } }),
      envelope('c', { type: 'Teleport', data: {} }),
      envelope('c', {
        ...registerCity,
        data: { ...registerCity.data, name: { vi: 'x'.repeat(300_000) } },
      }),
    ]) {
      expect(failureOf(await handler.handle(input))._tag).toBe('DecodeFailure');
    }
    expect(await wholeLog(store)).toEqual(before);
  });
});

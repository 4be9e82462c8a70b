import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnyCommand, COMMAND_TYPES } from '@mandate/application';
import {
  commandReference,
  exampleOf,
  REFERENCE_PATH,
  refusalsIn,
  refusalsOf,
} from './command-reference.js';
import type { Walkable } from './event-catalogue.js';

describe('the command reference', () => {
  it('is current: run `pnpm docs:commands` after changing a command or a refusal', async () => {
    expect(readFileSync(REFERENCE_PATH, 'utf8')).toBe(await commandReference());
  });

  it('documents every command type the application accepts', async () => {
    const reference = await commandReference();
    for (const type of COMMAND_TYPES) expect(reference).toContain(`### ${type}\n`);
  });

  it('gives examples the command codec accepts', () => {
    const examples = [...readFileSync(REFERENCE_PATH, 'utf8').matchAll(/```json\n([^`]*)```/g)];
    expect(examples).toHaveLength(COMMAND_TYPES.length);
    for (const [, json = ''] of examples)
      expect(AnyCommand.decode(JSON.parse(json))._tag).toBe('Right');
  });

  it('reads each refusal with its rule and its summary', () => {
    expect(refusalsOf('body')).toContainEqual({
      tag: 'AlreadyEstablished',
      rule: '1',
      summary: 'The body was already established; it is established once.',
    });
    expect(refusalsIn('kernel/withdrawn-identity.ts')).toEqual([
      expect.objectContaining({ tag: 'IdentityWithdrawn', rule: '14' }),
      expect.objectContaining({ tag: 'EstablishmentWithdrawn', rule: '14' }),
    ]);
  });

  it('refuses to invent an example for a codec it does not know', () => {
    expect(() =>
      exampleOf({ name: 'Unknown', _tag: 'UnknownType' } as unknown as Walkable),
    ).toThrow('No example for the codec Unknown');
  });
});

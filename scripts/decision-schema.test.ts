/**
 * The published JSON Schema of decision files: current with the codecs, accepting every shipped
 * example file and an example of every command written as a change, and refusing what `apply`
 * refuses — checked with a real JSON Schema validator (Ajv, draft 2020-12).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '@mandate/application';
import { Authority, Body, Instrument, Office, Person, Reorganisation } from '@mandate/core';
import { parseSourceText, readDecision } from '@mandate/decisions';
import { exampleOf } from './command-reference.js';
import { SCHEMA_PATH, decisionSchemaText } from './decision-schema.js';
import type { Walkable } from './event-catalogue.js';

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const EXAMPLES = fileURLToPath(new URL('../examples/binh-phuoc-2018/decisions/', import.meta.url));
const exampleFiles = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));

const instrument = {
  type: 'decision',
  number: '1/QĐ-UBND',
  issuer: 'authority-1',
  signer: { name: 'Nguyễn Văn Trăm' },
  signedOn: '2018-01-02',
};

/** The command reference's example of a command, as a change of a decision file. */
function changeOf(command: Walkable): { type: string; data: Record<string, unknown> } {
  const example = exampleOf(command) as { type: string; data: Record<string, unknown> };
  const { basis: _basis, ...data } = example.data;
  return { type: example.type, data };
}

const commands = [
  ...Authority.Command.types,
  Instrument.AnnulInstrument,
  ...Office.Command.types,
  ...Person.Command.types,
  ...Body.Command.types,
  ...Reorganisation.Command.types,
] as ReadonlyArray<Walkable>;

describe('the decision-file schema', () => {
  it('is current: run `pnpm docs:schema` after changing a command or the file format', async () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await decisionSchemaText());
  });

  it('has a change for every command the application accepts but the instrument record', () => {
    const titles = (
      schema as { properties: { changes: { items: { anyOf: { title: string }[] } } } }
    ).properties.changes.items.anyOf.map(({ title }) => title);
    expect(titles).toEqual(COMMAND_TYPES.filter((type) => type !== 'RecordInstrument'));
  });

  it.each(exampleFiles)('accepts the shipped example %s', (name) => {
    const parsed = parseSourceText(name, readFileSync(`${EXAMPLES}${name}`, 'utf8'));
    const value = parsed._tag === 'Right' ? parsed.right.value : parsed.left;
    expect(validate(value) ? [] : validate.errors).toEqual([]);
  });

  it.each(commands.map((command) => [String(changeOf(command).type), command] as const))(
    'accepts %s as a change, and so does apply',
    (_, command) => {
      const file = { instrument, changes: [changeOf(command)] };
      expect(validate(file) ? [] : validate.errors).toEqual([]);
      const read = readDecision('example.json', JSON.stringify(file));
      expect(read._tag === 'Right' ? [] : read.left.message).toEqual([]);
    },
  );

  it.each([
    [
      'an unknown key',
      { instrument: { ...instrument, numbr: '1' }, changes: [changeOf(commands[0] as Walkable)] },
    ],
    ['no changes', { instrument, changes: [] }],
    [
      'a basis inside a change',
      { instrument, changes: [{ ...changeOf(commands[0] as Walkable), basis: instrument }] },
    ],
    ['an unknown command', { instrument, changes: [{ type: 'AbolishEverything', data: {} }] }],
    [
      'a date that is not a date',
      {
        instrument: { ...instrument, signedOn: '4/12/2018' },
        changes: [changeOf(commands[0] as Walkable)],
      },
    ],
  ])('refuses %s, as apply does', (_, file) => {
    expect(validate(file)).toBe(false);
    expect(readDecision('bad.json', JSON.stringify(file))._tag).toBe('Left');
  });
});

/**
 * The JSON Schema of decision files, generated from the io-ts codecs themselves — the file's shape
 * and every command the application accepts, each change without its `basis` — so it cannot drift
 * from what `apply` decodes: `schema.json` beside the package is this schema, and a test fails
 * when it is stale. A codec the walker cannot describe is a defect, caught by that test, rather
 * than a hole in the schema. Editors (VS Code's YAML and JSON support, and others) validate as you
 * type against it.
 */
import type * as t from 'io-ts';
import { Body, MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '@mandate/core';
import { CHANGE_COMMANDS, commandTypeOf, type Walkable } from './command-codecs.js';
import { Change, DecisionFile, InstrumentSection, MAX_CHANGE_ID_LENGTH } from './format.js';

/** A JSON Schema (2020-12) node. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where the published schema says it lives (its `$id`). */
export const DECISION_SCHEMA_ID =
  'https://github.com/mandate-governance/mandate/blob/main/packages/decisions/schema.json';

const ID = `^[A-Za-z0-9][A-Za-z0-9._:-]{0,${MAX_ID_LENGTH - 1}}$`;

/** The branded scalars, by codec name: what JSON Schema can say of them (the codec says more). */
const scalars: Readonly<Record<string, JsonSchema>> = {
  CalendarDate: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'A day, YYYY-MM-DD',
  },
  Name: { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH },
  Text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_LENGTH },
  DocumentNumber: { type: 'string', minLength: 1, maxLength: 100 },
  Url: { type: 'string', pattern: '^https?://\\S+$' },
  PeriodLabel: {
    type: 'string',
    pattern: '^\\d{4}(-H[12]|-Q[1-4]|-\\d{2}(-\\d{2})?)?$',
    description: 'YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD (quote it in YAML)',
  },
  RoleSet: {
    type: 'array',
    items: { enum: [...Body.Role.literals] },
    minItems: 1,
    uniqueItems: true,
  },
  CommandType: { type: 'string' },
  ChangeId: {
    type: 'string',
    pattern: `^[A-Za-z0-9][A-Za-z0-9._:-]{0,${MAX_CHANGE_ID_LENGTH - 1}}$`,
  },
  ChangeData: { type: 'object' },
  string: { type: 'string' },
};

/** Builds schemas for codecs, naming each object and union once under `$defs`. */
function createWalker() {
  const defs = new Map<string, { codec: t.Mixed; schema: JsonSchema }>();

  const define = (codec: Walkable, build: () => JsonSchema): JsonSchema => {
    const known = defs.get(codec.name);
    if (known !== undefined) {
      if (known.codec !== codec) throw new Error(`Two codecs are named ${codec.name}`);
      return { $ref: `#/$defs/${codec.name}` };
    }
    const entry = { codec, schema: {} as JsonSchema };
    defs.set(codec.name, entry);
    entry.schema = build();
    return { $ref: `#/$defs/${codec.name}` };
  };

  const object = (required: t.Props, optional: t.Props): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(
      [...Object.entries(required), ...Object.entries(optional)].map(([key, inner]) => [
        key,
        walk(inner as Walkable),
      ]),
    ),
    required: Object.keys(required),
    additionalProperties: false,
  });

  function walk(codec: Walkable): JsonSchema {
    const scalar = scalars[codec.name];
    if (scalar !== undefined) return scalar;
    if (codec.name.endsWith('Id') && codec.required === undefined)
      return { type: 'string', pattern: ID };
    if (codec.required !== undefined && codec.optional !== undefined) {
      const { required, optional } = codec;
      return define(codec, () => object(required, optional));
    }
    if (codec.literals !== undefined) return { enum: [...codec.literals] };
    if (codec.item !== undefined)
      return { type: 'array', items: walk(codec.item as Walkable), minItems: 1 };
    if (codec.min !== undefined && codec.max !== undefined)
      return { type: 'integer', minimum: codec.min, maximum: codec.max };
    switch (codec._tag) {
      case 'UnionType':
        return define(codec, () => ({
          anyOf: (codec.types ?? []).map((inner) => walk(inner as Walkable)),
        }));
      case 'LiteralType':
        return { const: codec.value };
      case 'ArrayType':
      case 'ReadonlyArrayType':
        return { type: 'array', items: walk(codec.type as Walkable) };
      case 'NullType':
        return { type: 'null' };
      default:
        throw new Error(`No JSON Schema for the codec ${codec.name}`);
    }
  }

  return {
    walk,
    object,
    defs: () =>
      Object.fromEntries(
        [...defs.entries()]
          .sort(([a], [b]) => a.localeCompare(b, 'en'))
          .map(([name, { schema }]) => [name, schema]),
      ),
  };
}

/** The JSON Schema of a decision file. */
export function decisionFileSchema(): JsonSchema {
  const walker = createWalker();
  const changes = CHANGE_COMMANDS.map((command) => {
    const type = commandTypeOf(command);
    const data = command.required?.['data'] as Walkable;
    const { basis: _basis, ...required } = data.required ?? {};
    const optional = data.optional ?? {};
    return {
      type: 'object',
      title: type,
      properties: {
        type: { const: type },
        id: walker.walk(Change.optional.id as Walkable),
        data: walker.object(required, optional),
      },
      required: ['type', 'data'],
      additionalProperties: false,
    };
  });
  const file = DecisionFile as Walkable;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: DECISION_SCHEMA_ID,
    title: 'Mandate decision file',
    description:
      'One legal instrument and the ordered changes it makes. Each change is a command of the application without its basis: the file’s instrument is the basis of every change.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      instrument: walker.walk(InstrumentSection as Walkable),
      illustrative: {
        ...scalars['Text'],
        description: 'Why this file is an illustration rather than a stated fact',
      },
      changes: { type: 'array', minItems: 1, items: { anyOf: changes } },
    },
    required: Object.keys(file.required ?? {}),
    additionalProperties: false,
    $defs: walker.defs(),
  };
}

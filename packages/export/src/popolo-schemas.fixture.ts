/**
 * The Popolo JSON Schemas (draft-03, copied unchanged into `test/fixtures/popolo`, see its
 * ATTRIBUTION.md) loaded into one `jsonschema` validator — a validator that implements draft-03
 * (`required` as a per-property boolean, `type` arrays with `null`, `extends`, `disallow`) — each
 * registered under its own `id`, so that their `$ref`s resolve with nothing fetched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator, type Schema } from 'jsonschema';
import type { PopoloExport } from './popolo.js';

const FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'popolo');

const schemas = new Map<string, Schema>(
  readdirSync(FOLDER)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [
      file.replace(/\.json$/u, ''),
      JSON.parse(readFileSync(join(FOLDER, file), 'utf8')) as Schema,
    ]),
);

const validator = new Validator();
for (const schema of schemas.values()) validator.addSchema(schema, schema.id);

const schemaOf = (name: string): Schema => {
  const schema = schemas.get(name);
  if (schema === undefined) throw new Error(`no Popolo schema ${name}`);
  if (schema.$schema !== 'http://json-schema.org/draft-03/schema#')
    throw new Error(`${name} is not the draft-03 schema the fixtures hold`);
  return schema;
};

/** Which Popolo schema each collection of an export is checked against. */
const COLLECTIONS = {
  organizations: 'organization',
  posts: 'post',
  persons: 'person',
  memberships: 'membership',
} as const;

/** Every schema violation of a Popolo document, as `collection[i].path: message` lines. */
export function popoloViolations(document: PopoloExport): ReadonlyArray<string> {
  return Object.entries(COLLECTIONS).flatMap(([collection, schema]) =>
    (document[collection as keyof typeof COLLECTIONS] as ReadonlyArray<unknown>).flatMap(
      (item, i) =>
        validator
          .validate(item, schemaOf(schema), { nestedErrors: true })
          .errors.map(
            (error) =>
              `${collection}[${i}]${error.property.slice('instance'.length)}: ${error.message}`,
          ),
    ),
  );
}

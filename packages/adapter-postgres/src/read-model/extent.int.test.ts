/**
 * The database places a subject on the valid axis of the extents exactly where the model does:
 * the function the schema creates gives the same stretch as `validBase` for any subject, so a
 * query can probe the extent index for subjects it finds in other rows (a seat's office).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validBase } from './extent.js';
import { postgresSchemaStatements, postgresTables } from './schema.js';
import { postgresForTests } from './server.fixture.js';

const { pool, schema } = postgresForTests(1);
const tables = postgresTables('extent_v1', schema);
beforeAll(async () => {
  for (const statement of postgresSchemaStatements(tables)) await pool.query(statement);
});

/** Subjects of any characters PostgreSQL text holds (every code point but NUL and surrogates). */
const subject = fc.string({
  unit: fc.oneof(
    fc.constantFrom('o', 'f', 'i', 'c', 'e', '-', '1'),
    fc
      .integer({ min: 1, max: 0x10ffff })
      .filter((code) => code < 0xd800 || code > 0xdfff)
      .map((code) => String.fromCodePoint(code)),
  ),
  minLength: 1,
  maxLength: 16,
});

describe("the database's subject base", () => {
  it('equals validBase for any subject', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(subject, { minLength: 1, maxLength: 20 }), async (subjects) => {
        const { rows } = await pool.query<{ base: string }>(
          `SELECT ${tables.subjectBase}(subject)::text AS base FROM unnest($1::text[]) AS subject`,
          [subjects],
        );
        expect(rows.map((row) => Number(row.base))).toEqual(subjects.map(validBase));
      }),
      { numRuns: 50 },
    );
  });
});

/**
 * Writes `packages/decisions/schema.json`, the published JSON Schema of decision files, from the
 * codecs (`decisionFileSchema`). `pnpm docs:schema` rewrites it; `schema.test.ts` in the package
 * fails when the committed copy is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { decisionFileSchema } from '@mandate/decisions';

/** Where the schema lives in the repository. */
export const SCHEMA_PATH = fileURLToPath(
  new URL('../packages/decisions/schema.json', import.meta.url),
);

/** The schema as the repository's Prettier settings format it. */
export async function decisionSchemaText(): Promise<string> {
  const options = await resolveConfig(SCHEMA_PATH);
  return format(JSON.stringify(decisionFileSchema()), { ...options, filepath: SCHEMA_PATH });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, await decisionSchemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}

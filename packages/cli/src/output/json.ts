/**
 * `--json` output: one JSON document per command on stdout, two-space indented, with every
 * `bigint` (log positions, revisions) written as a decimal string, so that any JSON reader takes
 * it without losing digits.
 */

const replaceBigints = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/** The JSON text of `value`, bigints as decimal strings. */
export const toJson = (value: unknown): string => JSON.stringify(value, replaceBigints, 2);

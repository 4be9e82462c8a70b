/**
 * The type parsers the store reads rows with, fixed here instead of taken from `pg`'s
 * process-wide ones: another library in the same process may change those (Emmett's `dumbo` sets
 * `int8` to `BigInt` and `json`/`jsonb` to its own parser), and the store's rows must not change
 * shape with it. Text, `bigint` and every type not listed arrive as the text the server sent
 * (bigints as decimal strings, read with `BigInt` where needed); `integer` and `smallint` as
 * numbers, `boolean` as a boolean, `json` and `jsonb` parsed with `JSON.parse`.
 */
import type { CustomTypesConfig } from 'pg';

/** Type OIDs of the server (`pg_type.oid`) the store reads as something other than text. */
const OID = { bool: 16, int2: 21, int4: 23, json: 114, jsonb: 3802 } as const;

const asText = (text: string): string => text;
const asNumber = (text: string): number => Number(text);
const asBoolean = (text: string): boolean => text === 't';
const asJson = (text: string): unknown => JSON.parse(text);

const PARSERS: ReadonlyMap<number, (text: string) => unknown> = new Map<
  number,
  (text: string) => unknown
>([
  [OID.bool, asBoolean],
  [OID.int2, asNumber],
  [OID.int4, asNumber],
  [OID.json, asJson],
  [OID.jsonb, asJson],
]);

/** The `types` option of the store's pools: the parsers above, whatever `pg.types` holds. */
export const STORE_TYPES: CustomTypesConfig = {
  // The store only uses the text format (`pg`'s default), so one parser per type suffices.
  getTypeParser: ((oid: number) =>
    PARSERS.get(oid) ?? asText) as CustomTypesConfig['getTypeParser'],
};

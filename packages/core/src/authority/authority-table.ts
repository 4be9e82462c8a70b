/**
 * The registry's records, kept so that an event costs little however many authorities there are
 * (Vietnam counts some ten thousand communes). A table spreads records over a fixed number of
 * buckets by a hash of their id; recording a change copies only the buckets it touches and the
 * short list of buckets, never the whole table, and never mutates an earlier table.
 */
import type { AuthorityId } from '../kernel/index.js';

const BUCKETS = 128;

/** What a table holds: records that each name their authority. */
interface Keyed {
  readonly authorityId: AuthorityId;
}

/** Records by authority id, in copy-on-write buckets. */
export interface AuthorityTable<R extends Keyed> {
  /** How many authorities the table holds. */
  readonly size: number;
  readonly buckets: ReadonlyArray<ReadonlyMap<AuthorityId, R>>;
}

const NO_RECORDS: ReadonlyMap<AuthorityId, never> = new Map<AuthorityId, never>();

/** A table with no authority. */
export const emptyTable: AuthorityTable<never> = {
  size: 0,
  buckets: Array.from({ length: BUCKETS }, () => NO_RECORDS),
};

/** The bucket of an id: a 32-bit FNV-1a hash of its characters, modulo the bucket count. */
function bucketOf(authorityId: AuthorityId): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < authorityId.length; i++)
    hash = Math.imul(hash ^ authorityId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

/** The record of an authority, if the table holds it. */
export function recordIn<R extends Keyed>(
  table: AuthorityTable<R>,
  authorityId: AuthorityId,
): R | undefined {
  // Stryker disable next-line OptionalChaining: equivalent, `bucketOf` gives an index of the table's fixed list of buckets, each a map
  return table.buckets[bucketOf(authorityId)]?.get(authorityId);
}

/** The table with these records added or replaced; the given table is left as it was. */
export function withRecords<R extends Keyed>(
  table: AuthorityTable<R>,
  records: ReadonlyArray<R>,
): AuthorityTable<R> {
  const buckets = [...table.buckets];
  const copied = new Set<number>();
  let size = table.size;
  for (const record of records) {
    const index = bucketOf(record.authorityId);
    const bucket = copied.has(index)
      ? (buckets[index] as Map<AuthorityId, R>)
      : new Map(buckets[index]);
    copied.add(index);
    if (!bucket.has(record.authorityId)) size++;
    buckets[index] = bucket.set(record.authorityId, record);
  }
  return { size, buckets };
}

/** Every record of the table, in order of id. */
export function recordsIn<R extends Keyed>(table: AuthorityTable<R>): ReadonlyArray<R> {
  const records = table.buckets.flatMap((bucket) => [...bucket.values()]);
  // Stryker disable next-line EqualityOperator: equivalent, the ids are keys of the table, so no two are equal
  return records.sort((a, b) => (a.authorityId < b.authorityId ? -1 : 1));
}

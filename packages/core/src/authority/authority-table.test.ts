/** The copy-on-write authority table: persistent, sized, ordered, and sharing untouched buckets. */
import { describe, expect, it } from 'vitest';
import type { AuthorityId } from '../kernel/index.js';
import { emptyTable, recordIn, recordsIn, withRecords } from './authority-table.js';

const record = (id: string, note = '') => ({ authorityId: id as AuthorityId, note });

describe('AuthorityTable', () => {
  it('adds and replaces records without touching the table it started from', () => {
    const one = withRecords(emptyTable, [record('b'), record('a')]);
    const two = withRecords(one, [record('a', 'renamed'), record('c')]);
    expect(one.size).toBe(2);
    expect(two.size).toBe(3);
    expect(recordIn(one, 'a' as AuthorityId)?.note).toBe('');
    expect(recordIn(two, 'a' as AuthorityId)?.note).toBe('renamed');
    expect(recordIn(one, 'c' as AuthorityId)).toBeUndefined();
    expect(recordIn(emptyTable, 'a' as AuthorityId)).toBeUndefined();
    expect(recordsIn(two).map((r) => r.authorityId)).toEqual(['a', 'b', 'c']);
  });

  it('copies only the buckets a change touches', () => {
    let table = withRecords(
      emptyTable,
      Array.from({ length: 5000 }, (_, i) => record(`xa-${i}`)),
    );
    const before = table;
    table = withRecords(table, [record('xa-42', 'changed')]);
    const changed = table.buckets.filter((bucket, i) => bucket !== before.buckets[i]);
    expect(changed).toHaveLength(1);
    expect(table.size).toBe(5000);
    // Ids spread over the buckets: none holds more than a few times its share.
    expect(Math.max(...table.buckets.map((bucket) => bucket.size))).toBeLessThan(
      (3 * 5000) / table.buckets.length,
    );
  });
});

/**
 * A bounded cache that forgets the least recently used entries once over its capacity: read
 * models keep the folded states of the streams they touched lately, not of every stream in the
 * log, so that a rebuild over millions of events runs in bounded memory. Entries may weigh
 * differently (an estimate of their size): the capacity then bounds their total weight, so that
 * a few long streams take the room of many short ones.
 */

/** A map of entries whose total weight stays within a capacity, least recently used evicted first. */
export interface BoundedCache<K, V> {
  /** The value of `key`, now the most recently used; `undefined` when absent. */
  readonly get: (key: K) => V | undefined;
  /**
   * Sets `key` (the most recently used) and weighs it again, evicting the least recently used
   * entries while the total is over capacity; the entry just set is always kept.
   */
  readonly set: (key: K, value: V) => void;
  readonly clear: () => void;
  readonly size: () => number;
}

/**
 * Creates an empty cache holding at most `capacity` (a whole number from 1) of weight, each
 * entry weighing what `weigh` says (1 when absent, so that `capacity` counts entries).
 */
export function boundedCache<K, V>(
  capacity: number,
  weigh: (value: V) => number = () => 1,
): BoundedCache<K, V> {
  if (!Number.isSafeInteger(capacity) || capacity < 1)
    throw new RangeError('A cache holds at least one entry');
  const entries = new Map<K, { readonly value: V; readonly weight: number }>();
  let total = 0;
  // The most recently used key: touching it again moves nothing (the common case, a stream's
  // events one after another), sparing the map a deletion and an insertion.
  let newest: { readonly key: K } | undefined;
  const remove = (key: K): void => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    total -= entry.weight;
  };
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (newest?.key !== key) {
        entries.delete(key);
        entries.set(key, entry);
        newest = { key };
      }
      return entry.value;
    },
    set: (key, value) => {
      const weight = weigh(value);
      const previous = entries.get(key);
      if (previous !== undefined && newest?.key === key) total -= previous.weight;
      else {
        remove(key);
        newest = { key };
      }
      entries.set(key, { value, weight });
      total += weight;
      if (total <= capacity) return;
      for (const oldest of entries.keys()) {
        if (total <= capacity || oldest === key) break;
        remove(oldest);
      }
    },
    clear: () => {
      entries.clear();
      newest = undefined;
      total = 0;
    },
    size: () => entries.size,
  };
}

/**
 * A bounded cache that forgets the least recently used entry once full: read models keep the
 * folded states of the streams they touched lately, not of every stream in the log, so that a
 * rebuild over millions of events runs in bounded memory.
 */

/** A map of at most `capacity` entries, least recently used evicted first. */
export interface BoundedCache<K, V> {
  /** The value of `key`, now the most recently used; `undefined` when absent. */
  readonly get: (key: K) => V | undefined;
  /** Sets `key` (the most recently used), evicting the least recently used when over capacity. */
  readonly set: (key: K, value: V) => void;
  readonly clear: () => void;
  readonly size: () => number;
}

/** Creates an empty cache holding at most `capacity` entries (a whole number from 1). */
export function boundedCache<K, V>(capacity: number): BoundedCache<K, V> {
  if (!Number.isSafeInteger(capacity) || capacity < 1)
    throw new RangeError('A cache holds at least one entry');
  const entries = new Map<K, V>();
  return {
    get: (key) => {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key) as V;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set: (key, value) => {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) {
        const { value: oldest, done } = entries.keys().next();
        if (done !== true) entries.delete(oldest);
      }
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}

/**
 * Writers: the few ways evolve changes a body's state — set a field of an object, set a key in a
 * map, insert an entry into a timeline, append to a list — each in two implementations. The copying
 * writer leaves its arguments untouched (the pure `evolve`); the in-place writer mutates objects
 * and containers the caller owns (a fold into a private draft), so that folding a long history is
 * linear and allocates nothing per event beyond the event's own new entries.
 *
 * @see DOMAIN.md rule 11
 */
import type { Dated } from './timeline.js';
import { insertEntry, withEntry } from './timeline.js';

/** How evolve writes into the containers of a state. */
export interface Writer {
  /** `object` with its field `key` set to `value`. */
  readonly field: <O extends object, K extends keyof O>(object: O, key: K, value: O[K]) => O;
  /** `map` with `key` set to `value`. */
  readonly key: <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => ReadonlyMap<K, V>;
  /** `timeline` with `entry` inserted in date order, replacing any entry of the same date. */
  readonly entry: <E extends Dated>(timeline: ReadonlyArray<E>, entry: E) => ReadonlyArray<E>;
  /** `list` with `item` appended. */
  readonly append: <A>(list: ReadonlyArray<A>, item: A) => ReadonlyArray<A>;
}

/** The copy-on-write writer: every write returns a new container. */
export const copying: Writer = {
  field: <O extends object, K extends keyof O>(object: O, key: K, value: O[K]) =>
    ({ ...object, [key]: value }) as O,
  key: (map, key, value) => new Map(map).set(key, value),
  entry: withEntry,
  append: (list, item) => [...list, item],
};

/** The in-place writer: every write mutates and returns the object or container it is given. */
export const inPlace: Writer = {
  field: <O extends object, K extends keyof O>(object: O, key: K, value: O[K]) => {
    (object as { -readonly [P in keyof O]: O[P] })[key] = value;
    return object;
  },
  key: <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => (map as Map<K, V>).set(key, value),
  entry: <E extends Dated>(timeline: ReadonlyArray<E>, entry: E) => {
    insertEntry(timeline as E[], entry);
    return timeline;
  },
  append: <A>(list: ReadonlyArray<A>, item: A) => {
    (list as A[]).push(item);
    return list;
  },
};

/**
 * Writers: the few ways evolve changes a body's containers — set a key in a map, insert an entry
 * into a timeline, append to a list — each in two implementations. The copying writer leaves its
 * arguments untouched (the pure `evolve`); the in-place writer mutates containers the caller owns
 * (a fold into a private draft), so that folding a long history is linear.
 *
 * @see DOMAIN.md rule 11
 */
import type { Dated } from './timeline.js';
import { insertEntry, withEntry } from './timeline.js';

/** How evolve writes into the containers of a state. */
export interface Writer {
  /** `map` with `key` set to `value`. */
  readonly key: <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => ReadonlyMap<K, V>;
  /** `timeline` with `entry` inserted in date order, replacing any entry of the same date. */
  readonly entry: <E extends Dated>(timeline: ReadonlyArray<E>, entry: E) => ReadonlyArray<E>;
  /** `list` with `item` appended. */
  readonly append: <A>(list: ReadonlyArray<A>, item: A) => ReadonlyArray<A>;
}

/** The copy-on-write writer: every write returns a new container. */
export const copying: Writer = {
  key: (map, key, value) => new Map(map).set(key, value),
  entry: withEntry,
  append: (list, item) => [...list, item],
};

/** The in-place writer: every write mutates and returns the container it is given. */
export const inPlace: Writer = {
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

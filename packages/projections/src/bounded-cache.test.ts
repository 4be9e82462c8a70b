import { describe, expect, it } from 'vitest';
import { boundedCache } from './bounded-cache.js';

describe('boundedCache', () => {
  it('evicts the least recently used entry once over capacity', () => {
    const cache = boundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size()]).toEqual([
      1,
      undefined,
      3,
      2,
    ]);
    cache.set('a', 4);
    expect(cache.get('a')).toBe(4);
    cache.clear();
    expect(cache.size()).toBe(0);
  });

  it('bounds the total weight, keeping the entry just set however heavy', () => {
    const cache = boundedCache<string, number>(10, (value) => value);
    cache.set('a', 4);
    cache.set('b', 5);
    expect(cache.size()).toBe(2);
    cache.set('c', 2);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 5, 2]);
    cache.set('b', 1);
    cache.set('d', 7);
    expect([cache.get('b'), cache.get('c'), cache.get('d'), cache.size()]).toEqual([1, 2, 7, 3]);
    cache.set('e', 50);
    expect([cache.get('d'), cache.get('e'), cache.size()]).toEqual([undefined, 50, 1]);
  });

  it('refuses a capacity below one', () => {
    expect(() => boundedCache(0)).toThrow(RangeError);
  });
});

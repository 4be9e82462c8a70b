/**
 * The bodies whose streams a reorganisation reads and writes (the originals first, then the
 * results), and those whose streams it begins (none for an absorption).
 */
import { describe, expect, it } from 'vitest';
import { bodiesStarted, bodiesTouched, type Command } from './index.js';

const successor = (bodyId: string) => ({ bodyId });
const touched = (command: { type: string; data: object }) =>
  bodiesTouched(command as unknown as Command);
const started = (command: { type: string; data: object }) =>
  bodiesStarted(command as unknown as Command);

describe('bodiesTouched', () => {
  it('lists the merged bodies, then their successor', () => {
    expect(
      touched({ type: 'MergeBodies', data: { bodies: ['a', 'b'], successor: successor('c') } }),
    ).toEqual(['a', 'b', 'c']);
  });

  it('lists the absorbed bodies, then the body absorbing them', () => {
    expect(touched({ type: 'AbsorbBodies', data: { bodies: ['a', 'b'], into: 'c' } })).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('lists the split body, then its successors', () => {
    expect(
      touched({
        type: 'SplitBody',
        data: { body: 'a', successors: [successor('b'), successor('c')] },
      }),
    ).toEqual(['a', 'b', 'c']);
  });

  it('lists the succeeded body, then its successor', () => {
    expect(
      touched({ type: 'SucceedBody', data: { body: 'a', successor: successor('b') } }),
    ).toEqual(['a', 'b']);
  });
});

describe('bodiesStarted', () => {
  it('lists the new bodies of a merger, a split and a succession, and none of an absorption', () => {
    expect(
      started({ type: 'MergeBodies', data: { bodies: ['a', 'b'], successor: successor('c') } }),
    ).toStrictEqual(['c']);
    expect(
      started({
        type: 'SplitBody',
        data: { body: 'a', successors: [successor('b'), successor('c')] },
      }),
    ).toStrictEqual(['b', 'c']);
    expect(
      started({ type: 'SucceedBody', data: { body: 'a', successor: successor('b') } }),
    ).toStrictEqual(['b']);
    expect(
      started({ type: 'AbsorbBodies', data: { bodies: ['a', 'b'], into: 'c' } }),
    ).toStrictEqual([]);
  });
});

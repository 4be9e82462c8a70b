/**
 * Properties of the Merkle tree, checked against an independent implementation written here from
 * RFC 9162: the recursive MTH definition for roots, and the verification algorithms of §2.1.3.2
 * (inclusion) and §2.1.4.2 (consistency) for proofs.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot, merkleTree } from './merkle.js';

// ---------------------------------------------------------------------------------------------
// The independent implementation
// ---------------------------------------------------------------------------------------------

const sha = (...parts: ReadonlyArray<Uint8Array>): Buffer => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};
const leaf = (hex: string) => sha(Uint8Array.of(0), Buffer.from(hex, 'hex'));
const node = (l: Uint8Array, r: Uint8Array) => sha(Uint8Array.of(1), l, r);

function mth(leaves: ReadonlyArray<string>): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaf(leaves[0] as string);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.2. */
function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: ReadonlyArray<Uint8Array>,
  root: Uint8Array,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = node(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: ReadonlyArray<Uint8Array>,
): boolean {
  if (first === second) return proof.length === 0 && Buffer.from(firstRoot).equals(secondRoot);
  if (first === 0) return proof.length === 0;
  let path = [...proof];
  if ((first & (first - 1)) === 0) path = [firstRoot, ...path];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  const [head, ...rest] = path;
  if (head === undefined) return false;
  let fr: Buffer = Buffer.from(head);
  let sr: Buffer = Buffer.from(head);
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const eventHashes = fc.array(fc.stringMatching(/^[0-9a-f]{64}$/), { minLength: 1, maxLength: 70 });

describe('the Merkle tree', () => {
  it('has the root RFC 9162 defines, at every size, built whole or extended one event at a time', () => {
    fc.assert(
      fc.property(eventHashes, (hashes) => {
        const tree = merkleTree(hashes);
        let frontier = EMPTY_FRONTIER;
        expect(Buffer.from(frontierRoot(frontier))).toEqual(mth([]));
        for (let n = 1; n <= hashes.length; n++) {
          frontier = extendFrontier(frontier, [hashes[n - 1] as string]);
          const expected = mth(hashes.slice(0, n));
          expect(Buffer.from(frontierRoot(frontier))).toEqual(expected);
          expect(Buffer.from(tree.root(n))).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives inclusion proofs the RFC 9162 verifier accepts, and that fail for another leaf', () => {
    fc.assert(
      fc.property(eventHashes, fc.nat(), fc.nat(), (hashes, i, s) => {
        const tree = merkleTree(hashes);
        const size = 1 + (s % hashes.length);
        const index = i % size;
        const proof = tree.inclusionProof(index, size);
        const root = mth(hashes.slice(0, size));
        const own = leaf(hashes[index] as string);
        expect(verifyInclusion(index, size, own, proof, root)).toBe(true);
        const other = leaf('f'.repeat(64));
        if (!other.equals(own))
          expect(verifyInclusion(index, size, other, proof, root)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives consistency proofs the RFC 9162 verifier accepts, and that fail for another history', () => {
    fc.assert(
      fc.property(eventHashes, fc.nat(), fc.nat(), (hashes, a, b) => {
        const tree = merkleTree(hashes);
        const to = 1 + (b % hashes.length);
        const from = 1 + (a % to);
        const proof = tree.consistencyProof(from, to);
        const firstRoot = mth(hashes.slice(0, from));
        const secondRoot = mth(hashes.slice(0, to));
        expect(verifyConsistency(from, to, firstRoot, secondRoot, proof)).toBe(true);
        const forged = mth(['e'.repeat(64), ...hashes.slice(1, from)]);
        if (!forged.equals(firstRoot)) {
          expect(verifyConsistency(from, to, forged, secondRoot, proof)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses proofs for sizes and indexes outside the tree', () => {
    const tree = merkleTree(['a'.repeat(64), 'b'.repeat(64)]);
    expect(() => tree.inclusionProof(2, 2)).toThrow(RangeError);
    expect(() => tree.inclusionProof(0, 3)).toThrow(RangeError);
    expect(() => tree.consistencyProof(3, 2)).toThrow(RangeError);
    expect(() => tree.root(3)).toThrow(RangeError);
  });
});

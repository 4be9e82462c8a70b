/**
 * The Merkle tree over the whole log in global order, hashed as RFC 6962 / RFC 9162 define it: a
 * leaf is an event's 32-byte hash, hashed as `SHA-256(0x00 ‖ leaf)`, an inner node as
 * `SHA-256(0x01 ‖ left ‖ right)`, and the tree of `n` leaves splits at the largest power of two
 * smaller than `n`.
 *
 * Two shapes: a {@link MerkleFrontier} (a compact range: one subtree root per set bit of the size)
 * which a checkpointer extends by a few hashes per appended event and which gives the root at any
 * size, and a {@link MerkleTree} built from every leaf, which answers inclusion and consistency
 * proofs (RFC 9162 §2.1.3 and §2.1.4).
 *
 * @see docs/reference/domain.md rule 13
 */
import { hash as digest } from 'node:crypto';

/** The root of the empty tree: SHA-256 of no bytes. */
export const EMPTY_ROOT: Uint8Array = digest('sha256', Buffer.alloc(0), 'buffer');

// One buffer per shape, reused: hashing a leaf or a node allocates only its digest.
const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65).fill(1, 0, 1);

/** The leaf hash of an event: `SHA-256(0x00 ‖ event hash bytes)`; `eventHash` is 64 hex digits. */
export const leafHash = (eventHash: string): Uint8Array => {
  if (eventHash.length !== 64 || leafInput.write(eventHash, 1, 'hex') !== 32) {
    throw new TypeError('An event hash is 64 hex digits');
  }
  return digest('sha256', leafInput, 'buffer');
};

/** The RFC 6962 hash of a leaf holding `bytes`: `SHA-256(0x00 ‖ bytes)`. */
export const leafHashOfBytes = (bytes: Uint8Array): Uint8Array =>
  digest('sha256', Buffer.concat([leafInput.subarray(0, 1), bytes]), 'buffer');

/** The hash of an inner node: `SHA-256(0x01 ‖ left ‖ right)`. */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array => {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return digest('sha256', nodeInput, 'buffer');
};

/** The largest power of two strictly smaller than `n` (n ≥ 2). */
const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

// ---------------------------------------------------------------------------------------------
// The compact range
// ---------------------------------------------------------------------------------------------

/** A compact range over the first `size` leaves: the roots of its perfect subtrees, largest first. */
export interface MerkleFrontier {
  readonly size: number;
  /** One root per set bit of `size`, from the highest bit (leftmost subtree) to the lowest. */
  readonly peaks: ReadonlyArray<Uint8Array>;
}

/** The frontier of the empty log. */
export const EMPTY_FRONTIER: MerkleFrontier = { size: 0, peaks: [] };

/** The frontier after appending the events whose hashes (hex) are `eventHashes`, in order. */
export function extendFrontier(
  frontier: MerkleFrontier,
  eventHashes: Iterable<string>,
): MerkleFrontier {
  const peaks = [...frontier.peaks];
  let size = frontier.size;
  for (const eventHash of eventHashes) {
    let node = leafHash(eventHash);
    // Each trailing set bit of the old size is a peak of equal height to merge with.
    for (let bits = size; (bits & 1) === 1; bits >>>= 1) {
      node = nodeHash(peaks.pop() as Uint8Array, node);
    }
    peaks.push(node);
    size += 1;
  }
  return { size, peaks };
}

/** The root hash of the tree the frontier covers ({@link EMPTY_ROOT} for the empty log). */
export function frontierRoot(frontier: MerkleFrontier): Uint8Array {
  let root: Uint8Array | undefined;
  for (let i = frontier.peaks.length - 1; i >= 0; i--) {
    const peak = frontier.peaks[i] as Uint8Array;
    root = root === undefined ? peak : nodeHash(peak, root);
  }
  return root ?? EMPTY_ROOT;
}

// ---------------------------------------------------------------------------------------------
// The whole tree, for proofs
// ---------------------------------------------------------------------------------------------

/** A tree over every leaf of a log, answering roots and proofs for any size up to its own. */
export interface MerkleTree {
  readonly size: number;
  /** The root of the first `size` leaves (default: all). */
  readonly root: (size?: number) => Uint8Array;
  /** The audit path of leaf `index` (from 0) in the tree of the first `size` leaves. */
  readonly inclusionProof: (index: number, size?: number) => ReadonlyArray<Uint8Array>;
  /** The consistency proof from the tree of the first `from` leaves to that of the first `to`. */
  readonly consistencyProof: (from: number, to?: number) => ReadonlyArray<Uint8Array>;
}

const checkRange = (name: string, value: number, min: number, max: number): void => {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}`);
  }
};

/** Builds the tree over the events whose hashes (hex) are `eventHashes`, in global order. */
export const merkleTree = (eventHashes: Iterable<string>): MerkleTree =>
  merkleTreeOfLeaves(Array.from(eventHashes, leafHash));

/** Builds the tree whose leaves have the given leaf hashes (32 bytes each), in order. */
export function merkleTreeOfLeaves(leafHashes: ReadonlyArray<Uint8Array>): MerkleTree {
  // levels[h][i] is the root of the perfect subtree of 2^h leaves starting at leaf i·2^h.
  const levels: Uint8Array[][] = [[...leafHashes]];
  for (let below = levels[0] as Uint8Array[]; below.length > 1;) {
    const above: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) {
      above.push(nodeHash(below[i] as Uint8Array, below[i + 1] as Uint8Array));
    }
    levels.push(above);
    below = above;
  }
  const size = (levels[0] as Uint8Array[]).length;

  /** MTH(D[lo:hi]) of RFC 9162 §2.1.1; the left part of every split is a stored perfect subtree. */
  const subtree = (lo: number, hi: number): Uint8Array => {
    const n = hi - lo;
    if (n === 0) return EMPTY_ROOT;
    if ((n & (n - 1)) === 0 && lo % n === 0) {
      return (levels[Math.log2(n)] as Uint8Array[])[lo / n] as Uint8Array;
    }
    const k = splitPoint(n);
    return nodeHash(subtree(lo, lo + k), subtree(lo + k, hi));
  };

  /** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, leaf-to-root order. */
  const path = (m: number, lo: number, hi: number): Uint8Array[] => {
    if (hi - lo <= 1) return [];
    const k = splitPoint(hi - lo);
    return m < lo + k
      ? [...path(m, lo, lo + k), subtree(lo + k, hi)]
      : [...path(m, lo + k, hi), subtree(lo, lo + k)];
  };

  /** SUBPROOF(m, D[lo:hi], b) of RFC 9162 §2.1.4.1. */
  const subproof = (m: number, lo: number, hi: number, whole: boolean): Uint8Array[] => {
    const n = hi - lo;
    if (m === n) return whole ? [] : [subtree(lo, hi)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, lo, lo + k, whole), subtree(lo + k, hi)]
      : [...subproof(m - k, lo + k, hi, false), subtree(lo, lo + k)];
  };

  return {
    size,
    root: (n = size) => {
      checkRange('size', n, 0, size);
      return subtree(0, n);
    },
    inclusionProof: (index, n = size) => {
      checkRange('size', n, 1, size);
      checkRange('index', index, 0, n - 1);
      return path(index, 0, n);
    },
    consistencyProof: (from, to = size) => {
      checkRange('to', to, 0, size);
      checkRange('from', from, 0, to);
      return from === 0 ? [] : subproof(from, 0, to, true);
    },
  };
}

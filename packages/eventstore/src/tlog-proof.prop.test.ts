/**
 * Inclusion proofs as C2SP `tlog-proof@v1` texts, read back by a parser written here from the
 * spec's grammar (not the code under test) and checked with RFC 9162's verification algorithm.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signCheckpoint } from './checkpoint.js';
import { merkleTree } from './merkle.js';
import { tlogProof } from './tlog-proof.js';

const { privateKey } = generateKeyPairSync('ed25519');
const sha = (...parts: ReadonlyArray<Uint8Array>) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

/** The spec's lines: header, optional `extra`, `index N`, base64 hashes, a blank line, the note. */
function parse(text: string): { index: bigint; path: Buffer[]; note: string } {
  const [header, ...rest] = text.split('\n');
  expect(header).toBe('c2sp.org/tlog-proof@v1');
  if (rest[0]?.startsWith('extra ')) rest.shift();
  const index = /^index (0|[1-9]\d*)$/.exec(rest.shift() ?? '');
  expect(index).not.toBeNull();
  const path: Buffer[] = [];
  while (rest.length > 0 && rest[0] !== '') {
    const line = rest.shift() ?? '';
    expect(line).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    path.push(Buffer.from(line, 'base64'));
  }
  expect(rest.shift()).toBe('');
  return { index: BigInt(index?.[1] ?? '-1'), path, note: rest.join('\n') };
}

/** RFC 9162 §2.1.3.2. */
function rootFromPath(index: bigint, size: bigint, leaf: Buffer, path: Buffer[]): Buffer | null {
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return null;
    if (fn % 2n === 1n || fn === sn) {
      r = sha(Uint8Array.of(1), p, r);
      while (fn % 2n === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else r = sha(Uint8Array.of(1), r, p);
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : null;
}

describe('tlog-proof texts', () => {
  it('carry the index, the audit path and the checkpoint verbatim, and lead to its root', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        (leaves, at) => {
          const hashes = leaves.map((bytes) => Buffer.from(bytes).toString('hex'));
          const tree = merkleTree(hashes);
          const index = at % hashes.length;
          const { note } = signCheckpoint(
            { origin: 'mandate.test/log', size: BigInt(hashes.length), rootHash: tree.root() },
            { name: 'test-key', privateKey },
          );
          const parsed = parse(tlogProof(index, tree.inclusionProof(index), note));
          expect(parsed.index).toBe(BigInt(index));
          expect(parsed.note).toBe(note);
          const leaf = sha(Uint8Array.of(0), Buffer.from(hashes[index] ?? '', 'hex'));
          const root = rootFromPath(parsed.index, BigInt(hashes.length), leaf, parsed.path);
          expect(root?.toString('base64')).toBe(note.split('\n')[2]);
        },
      ),
    );
  });
});

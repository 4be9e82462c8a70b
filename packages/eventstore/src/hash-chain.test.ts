/** Unit tests of the canonical encoding and the hash chain. */
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@mandate/core';
import { sampleMetadata } from './conformance/index.js';
import { MAX_JSON_DEPTH, canonicalJson, tryCanonicalJson } from './canonical-json.js';
import { GENESIS_HASH, chainEvents, computeHash, computeRawHash } from './hash-chain.js';
import { parseRawEvent } from './raw-event.js';

const at = '2019-07-01T03:00:00.000Z' as Instant;

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('sorts keys by UTF-16 code units, digits and capitals first', () => {
    expect(canonicalJson({ b: 0, B: 0, '1': 0, é: 0, a: 0 })).toBe(
      '{"1":0,"B":0,"a":0,"b":0,"é":0}',
    );
  });

  it('writes numbers as JavaScript does, -0 as 0', () => {
    expect(canonicalJson([0, -0, 1.5, -2e-7, 1e21, 123456789012345])).toBe(
      '[0,0,1.5,-2e-7,1e+21,123456789012345]',
    );
  });

  it('escapes strings like JSON.stringify and keeps NFD text as given', () => {
    const nfd = 'Chỉ đạo'.normalize('NFD');
    const text = `"\\\n\t\u0001 ${nfd} 𝄞`;
    expect(canonicalJson({ text })).toBe(`{"text":${JSON.stringify(text)}}`);
    expect(JSON.parse(canonicalJson(nfd))).toBe(nfd);
  });

  it('encodes __proto__ and constructor keys as data', () => {
    const data: unknown = JSON.parse('{"constructor":{"prototype":1},"__proto__":{"x":1}}');
    expect(canonicalJson(data)).toBe('{"__proto__":{"x":1},"constructor":{"prototype":1}}');
    expect(Object.keys(JSON.parse(canonicalJson(data)) as object)).toContain('__proto__');
  });

  it('accepts null-prototype objects', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
  });

  it.each([
    ['undefined', undefined],
    ['an undefined property', { a: undefined }],
    ['a hole in an array', [1, , 3]],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 1n],
    ['NaN', Number.NaN],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a Date', new Date(0)],
    ['a class instance', new (class Point {})()],
    ['a lone high surrogate', 'a\uD800'],
    ['a lone low surrogate key', { '\uDC00': 1 }],
  ])('refuses %s', (_what, value) => {
    expect(E.isLeft(tryCanonicalJson(value))).toBe(true);
    expect(() => canonicalJson(value)).toThrow();
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} and cycles, without overflowing`, () => {
    let deep: unknown = 0;
    for (let i = 0; i < MAX_JSON_DEPTH; i++) deep = [deep];
    expect(E.isRight(tryCanonicalJson(deep))).toBe(true);
    expect(tryCanonicalJson([deep])).toEqual(E.left(`nesting deeper than ${MAX_JSON_DEPTH}`));
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(E.isLeft(tryCanonicalJson(cycle))).toBe(true);
  });
});

describe('the hash chain', () => {
  const metadata = sampleMetadata('cmd-1');
  const encoded = (n: number) => ({
    event: { eventId: `e-${n}`, type: 'BodyEstablished', schemaVersion: 1, data: { n }, metadata },
    dataJson: canonicalJson({ n }),
    metadataJson: canonicalJson(metadata),
  });

  it('GENESIS_HASH is 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('hashes the JCS envelope with previousHash as a field (pinned format)', () => {
    const envelope =
      `{"data":{"n":1},"eventId":"e-1","metadata":${canonicalJson(metadata)},"position":"7",` +
      `"previousHash":"${GENESIS_HASH}","recordedAt":"${at}","revision":"0","schemaVersion":1,` +
      `"stream":"body-1","type":"BodyEstablished"}`;
    const expected = createHash('sha256').update(envelope, 'utf8').digest('hex');
    const [row] = chainEvents({
      stream: 'body-1',
      events: [encoded(1)],
      head: undefined,
      firstPosition: 7n,
      recordedAt: at,
    });
    expect(row?.hash).toBe(expected);
  });

  it('numbers revisions and positions on from the head and links each event to the previous', () => {
    const rows = chainEvents({
      stream: 's',
      events: [encoded(1), encoded(2), encoded(3)],
      head: { revision: 4n, hash: 'a'.repeat(64) },
      firstPosition: 10n,
      recordedAt: at,
    });
    expect(rows.map((r) => [r.revision, r.position])).toEqual([
      [5n, 10n],
      [6n, 11n],
      [7n, 12n],
    ]);
    expect(rows.map((r) => r.previousHash)).toEqual(['a'.repeat(64), rows[0]?.hash, rows[1]?.hash]);
    for (const row of rows) {
      const { hash, ...unhashed } = row;
      expect(computeRawHash(unhashed)).toBe(hash);
      const stored = parseRawEvent(row);
      if (E.isLeft(stored)) throw new Error(stored.left.message);
      const { hash: storedHash, ...unhashedStored } = stored.right;
      expect(computeHash(unhashedStored)).toBe(storedHash);
    }
  });

  it('gives a different hash when any hashed field changes', () => {
    const [row] = chainEvents({
      stream: 's',
      events: [encoded(1)],
      head: undefined,
      firstPosition: 1n,
      recordedAt: at,
    });
    if (row === undefined) throw new Error('no row');
    const { hash, ...base } = row;
    const variants = [
      { ...base, eventId: 'e-2' },
      { ...base, stream: 't' },
      { ...base, revision: 1n },
      { ...base, position: 2n },
      { ...base, type: 'Other' },
      { ...base, schemaVersion: 2 },
      { ...base, dataJson: '{"n":2}' },
      { ...base, metadataJson: canonicalJson({ ...metadata, actor: 'x' }) },
      { ...base, recordedAt: '2019-07-01T03:00:00.001Z' },
      { ...base, previousHash: 'f'.repeat(64) },
    ];
    const hashes = new Set(variants.map(computeRawHash));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(hash)).toBe(false);
  });
});

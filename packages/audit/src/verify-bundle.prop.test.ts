/**
 * The standalone verifier on bundles the store writes: it accepts untouched bundles of every
 * scope, and rejects every generated alteration — an edited field, a dropped, swapped or repeated
 * event, a changed proof hash, a changed byte of the checkpoint note, another key.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditBundle,
  createInMemoryEventStore,
  merkleTree,
  signCheckpoint,
  verifierKey,
  type AuditBundle,
  type AuditScope,
} from '@mandate/eventstore';
import { appendTo, eventFactory } from '@mandate/eventstore/conformance';
import { verifyAuditBundle } from './verify-bundle.js';

const { privateKey } = generateKeyPairSync('ed25519');
const key = verifierKey('auditor-test', privateKey);
const bundles = new Map<string, AuditBundle>();
const instrumentSource = (number: string, signedOn: string, signer: string) => ({
  kind: 'instrument',
  instrument: {
    type: 'decision',
    number,
    issuer: 'ubnd-binh-phuoc',
    signer: { name: signer },
    signedOn,
  },
});
const sampleSource = instrumentSource('1234/QĐ-UBND', '2018-05-02', 'Nguyễn Văn Trăm');
const otherSource = instrumentSource('99/QĐ-UBND', '2019-01-02', 'Trần Tuệ Hiền');

beforeAll(async () => {
  const store = createInMemoryEventStore();
  const { events } = eventFactory('audit');
  for (let i = 0; i < 20; i++) {
    await store.append(
      appendTo(
        ['body-a', 'body-b', 'office-c'][i % 3] as string,
        'any',
        // Every other command cites another instrument, so an instrument's bundle is not the log.
        events(1 + (i % 2)).map((event) => ({
          ...event,
          data: { n: i, source: i % 2 === 0 ? sampleSource : otherSource },
        })),
        `cmd-${i}`,
      ),
    );
  }
  const page = await store.readAll();
  if (E.isLeft(page)) throw new Error(page.left.message);
  const signed = signCheckpoint(
    {
      origin: 'mandate.test/audit',
      size: BigInt(page.right.length),
      rootHash: merkleTree(page.right.map((e) => e.hash)).root(),
    },
    { name: 'auditor-test', privateKey },
  );
  const scopes: ReadonlyArray<AuditScope> = [
    { kind: 'all' },
    { kind: 'stream', stream: 'body-b' },
    { kind: 'instrument', issuer: 'ubnd-binh-phuoc', number: '1234/QĐ-UBND', year: 2018 },
  ];
  for (const scope of scopes) {
    const bundle = await createAuditBundle(store, scope, signed);
    if (E.isLeft(bundle)) throw new Error(bundle.left.message);
    // Bundles travel as JSON text.
    bundles.set(scope.kind, JSON.parse(JSON.stringify(bundle.right)) as AuditBundle);
  }
});

type Json = Record<string, unknown>;

const alteration = fc.oneof(
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        'data',
        'eventId',
        'metadata',
        'position',
        'previousHash',
        'recordedAt',
        'revision',
        'schemaVersion',
        'stream',
        'type',
        'hash',
      ),
    )
    .map(([i, field]) => (b: Json) => {
      const events = [...(b['events'] as Json[])];
      const at = i % events.length;
      const event = events[at] as Json;
      const value = event[field];
      events[at] = {
        ...event,
        [field]:
          typeof value === 'string'
            ? /^[0-9]+$/.test(value)
              ? String(BigInt(value) + 1n)
              : /^[0-9a-f]{64}$/.test(value)
                ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`
                : `${value}x`
            : typeof value === 'number'
              ? value + 1
              : { ...(value as Json), forged: true },
      };
      return { ...b, events };
    }),
  fc.nat().map((i) =>
    Object.assign(
      (b: Json) => {
        const events = b['events'] as Json[];
        return { ...b, events: events.filter((_, j) => j !== i % events.length) };
      },
      { drops: i },
    ),
  ),
  fc.nat().map((i) => (b: Json) => {
    const events = [...(b['events'] as Json[])];
    const at = i % (events.length - 1);
    [events[at], events[at + 1]] = [events[at + 1] as Json, events[at] as Json];
    return { ...b, events };
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, p]) => (b: Json) => {
    const events = [...(b['events'] as Json[])];
    const at = i % events.length;
    const proof = [...((events[at] as Json)['proof'] as string[])];
    if (proof.length === 0) return { ...b, events: events.slice(1) };
    const h = p % proof.length;
    proof[h] = Buffer.from(
      Buffer.from(proof[h] as string, 'base64').map((x, k) => (k === 0 ? x ^ 1 : x)),
    ).toString('base64');
    events[at] = { ...(events[at] as Json), proof };
    return { ...b, events };
  }),
  fc.nat().map((i) => (b: Json) => {
    const note = b['checkpoint'] as string;
    const at = i % note.length;
    return {
      ...b,
      checkpoint: note.slice(0, at) + (note[at] === 'A' ? 'B' : 'A') + note.slice(at + 1),
    };
  }),
  fc.constantFrom('all', 'stream', 'instrument').map((kind) => (b: Json) => ({
    ...b,
    scope:
      kind === 'stream'
        ? { kind, stream: 'body-a' }
        : kind === 'all'
          ? { kind }
          : { kind, issuer: 'x', number: '1', year: 2018 },
  })),
);

describe('verifyAuditBundle', () => {
  it('accepts the untouched bundles of every scope, and says what they prove', () => {
    for (const bundle of bundles.values()) expect(verifyAuditBundle(bundle, key).ok).toBe(true);
    const all = verifyAuditBundle(bundles.get('all'), key);
    expect(all).toMatchObject({ ok: true, proof: { size: 30n, events: 30, complete: true } });
  });

  it("holds in an instrument's bundle exactly the events whose data cites it", () => {
    const cited = (bundles.get('instrument')?.events ?? []).map((event) => event.data);
    expect(cited).toHaveLength(10);
    for (const data of cited) expect(data).toMatchObject({ source: sampleSource });
  });

  it('rejects every altered bundle', () => {
    fc.assert(
      fc.property(fc.constantFrom('all', 'stream', 'instrument'), alteration, (kind, alter) => {
        const bundle = bundles.get(kind) as unknown as Json;
        const altered = alter(bundle);
        fc.pre(JSON.stringify(altered) !== JSON.stringify(bundle));
        // Dropping the newest events of a stream, or any of an instrument's, leaves a smaller bundle
        // that is still true: only a whole-log bundle proves nothing is missing.
        if ('drops' in alter) {
          const count = (bundle['events'] as Json[]).length;
          fc.pre(kind === 'all' || (kind === 'stream' && alter.drops % count !== count - 1));
        }
        const result = verifyAuditBundle(altered, key);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('rejects a bundle checked with another key', () => {
    const other = verifierKey('auditor-test', generateKeyPairSync('ed25519').privateKey);
    expect(verifyAuditBundle(bundles.get('all'), other)).toMatchObject({ ok: false });
  });

  it('is a command: prints what a bundle proves, or why it is rejected', () => {
    const directory = mkdtempSync(join(tmpdir(), 'mandate-audit-'));
    try {
      const file = join(directory, 'bundle.json');
      writeFileSync(file, JSON.stringify(bundles.get('stream')));
      const cli = join(import.meta.dirname, 'cli.ts');
      const out = execFileSync(process.execPath, ['--import', 'tsx', cli, file, key], {
        encoding: 'utf8',
      });
      expect(out).toContain('Verified.');
      expect(out).toContain('Stream "body-b"');
      writeFileSync(file, JSON.stringify({ ...bundles.get('stream'), checkpoint: 'forged\n' }));
      expect(() =>
        execFileSync(process.execPath, ['--import', 'tsx', cli, file, key], { stdio: 'pipe' }),
      ).toThrow(/Rejected/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

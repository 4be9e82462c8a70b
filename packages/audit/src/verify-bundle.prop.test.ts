/**
 * The standalone verifier on bundles the store writes: it accepts untouched bundles of every
 * scope (the whole log, a stream, an instrument, and a stream and an instrument with no event), and
 * rejects every generated alteration — an edited field, any dropped, swapped or repeated event (so
 * a stream's or instrument's bundle proves that nothing of its scope is left out), a changed byte
 * of an inclusion proof or of the completeness proof, a changed byte of the checkpoint note,
 * another key.
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
  createCheckpointer,
  createInMemoryEventStore,
  verifierKey,
  type AuditBundle,
  type AuditScope,
  type SignedCheckpoint,
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
// The same instrument spelt with the look-alike eth and a stray space: one instrument key.
const lookAlikeSource = instrumentSource('1234/QÐ-UBND ', '2018-05-02', 'Nguyễn Văn Trăm');

const scopes: ReadonlyMap<string, AuditScope> = new Map<string, AuditScope>([
  ['all', { kind: 'all' }],
  ['stream', { kind: 'stream', stream: 'body-b' }],
  [
    'instrument',
    { kind: 'instrument', issuer: 'ubnd-binh-phuoc', number: '1234/QĐ-UBND', year: 2018 },
  ],
  [
    'instrument spelt otherwise',
    { kind: 'instrument', issuer: 'ubnd-binh-phuoc', number: '1234/qÐ-UBND', year: 2018 },
  ],
  ['no stream', { kind: 'stream', stream: 'body-aa' }],
  [
    'no instrument',
    { kind: 'instrument', issuer: 'ubnd-binh-phuoc', number: '1234/QĐ-UBND', year: 2020 },
  ],
]);

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
          data: {
            n: i,
            source: i % 2 === 1 ? otherSource : i % 4 === 0 ? sampleSource : lookAlikeSource,
          },
        })),
        `cmd-${i}`,
      ),
    );
  }
  let signed: SignedCheckpoint | undefined;
  const checkpointer = createCheckpointer({
    store,
    origin: 'mandate.test/audit',
    signer: { name: 'auditor-test', privateKey },
    sink: {
      write: async (checkpoint) => {
        signed = checkpoint;
      },
      latest: async () => signed?.note,
    },
  });
  const written = await checkpointer.checkpoint();
  if (E.isLeft(written)) throw new Error(written.left.message);
  for (const [name, scope] of scopes) {
    const bundle = await createAuditBundle(store, scope, written.right);
    if (E.isLeft(bundle)) throw new Error(bundle.left.message);
    // Bundles travel as JSON text.
    bundles.set(name, JSON.parse(JSON.stringify(bundle.right)) as AuditBundle);
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
      if (events.length === 0) return b;
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
  fc.nat().map((i) => (b: Json) => {
    const events = b['events'] as Json[];
    return { ...b, events: events.filter((_, j) => j !== i % events.length) };
  }),
  fc.nat().map((i) => (b: Json) => {
    const events = [...(b['events'] as Json[])];
    if (events.length < 2) return b;
    const at = i % (events.length - 1);
    [events[at], events[at + 1]] = [events[at + 1] as Json, events[at] as Json];
    return { ...b, events };
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, p]) => (b: Json) => {
    const events = [...(b['events'] as Json[])];
    if (events.length === 0) return b;
    const at = i % events.length;
    const proof = (events[at] as Json)['proof'] as string;
    const c = p % proof.length;
    const changed = proof.slice(0, c) + (proof[c] === 'A' ? 'B' : 'A') + proof.slice(c + 1);
    events[at] = { ...(events[at] as Json), proof: changed };
    return { ...b, events };
  }),
  fc.nat().map((p) => (b: Json) => {
    const text = JSON.stringify(b['completeness'] ?? null);
    const c = p % text.length;
    const swap = text[c] === 'A' ? 'B' : text[c] === '0' ? '1' : text[c] === 'a' ? 'b' : undefined;
    if (swap === undefined) return { ...b, completeness: undefined };
    const changed = text.slice(0, c) + swap + text.slice(c + 1);
    return { ...b, completeness: JSON.parse(changed) as unknown };
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
          : { kind, issuer: 'ubnd-binh-phuoc', number: '1234/QĐ-UBND', year: 2018 },
  })),
);

describe('verifyAuditBundle', () => {
  it('accepts the untouched bundles of every scope, and says what they prove', () => {
    for (const bundle of bundles.values()) expect(verifyAuditBundle(bundle, key).ok).toBe(true);
    const all = verifyAuditBundle(bundles.get('all'), key);
    expect(all).toMatchObject({ ok: true, proof: { size: 30n, events: 30, complete: true } });
    expect(verifyAuditBundle(bundles.get('stream'), key)).toMatchObject({
      ok: true,
      proof: { events: 11, streams: [{ stream: 'body-b', revisions: 11 }] },
    });
    expect(verifyAuditBundle(bundles.get('instrument'), key)).toMatchObject({
      ok: true,
      proof: { events: 10 },
    });
    expect(bundles.get('no stream')?.events).toEqual([]);
    expect(bundles.get('no instrument')?.events).toEqual([]);
  });

  it('rejects a stream or instrument bundle with any event of its scope removed', () => {
    for (const name of ['stream', 'instrument']) {
      const bundle = bundles.get(name) as AuditBundle;
      for (let i = 0; i < bundle.events.length; i++) {
        const removed = { ...bundle, events: bundle.events.filter((_, j) => j !== i) };
        expect(verifyAuditBundle(removed, key)).toMatchObject({ ok: false });
      }
      expect(verifyAuditBundle({ ...bundle, events: [] }, key)).toMatchObject({ ok: false });
      const { completeness: _, ...unproven } = bundle;
      expect(verifyAuditBundle(unproven, key)).toMatchObject({ ok: false });
      // An absence proof of another scope does not stand in for this one's head.
      const absent = bundles.get(`no ${name}`) as AuditBundle;
      expect(verifyAuditBundle({ ...absent, scope: bundle.scope, events: [] }, key)).toMatchObject({
        ok: false,
      });
    }
  });

  it("holds in an instrument's bundle exactly the events whose data cites it", () => {
    const cited = (bundles.get('instrument')?.events ?? []).map((event) => event.data);
    expect(cited).toHaveLength(10);
    for (const data of cited) {
      expect([sampleSource, lookAlikeSource]).toContainEqual((data as Json)['source']);
    }
    // Asked with another spelling of its number, the bundle is the same.
    expect(bundles.get('instrument spelt otherwise')?.events).toEqual(
      bundles.get('instrument')?.events,
    );
  });

  it('rejects every altered bundle', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bundles.keys()), alteration, (name, alter) => {
        const bundle = bundles.get(name) as unknown as Json;
        const altered = alter(bundle);
        fc.pre(JSON.stringify(altered) !== JSON.stringify(bundle));
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

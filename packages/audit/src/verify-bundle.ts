/**
 * The standalone audit-bundle verifier. Written apart from the store's code, on audited pure-JS
 * primitives (`@noble/hashes` SHA-256, `@noble/curves` Ed25519, `canonicalize` for RFC 8785), so
 * it runs in a browser and recomputes everything itself:
 *
 * 1. the checkpoint note opens with the auditor's verifier key (C2SP signed note, Ed25519);
 * 2. each event's hash is the SHA-256 of its JCS envelope;
 * 3. each event's inclusion proof leads from its leaf to the checkpoint's root (RFC 9162 §2.1.3.2);
 * 4. each event belongs to the bundle's scope; a stream's events link by `previousHash` from
 *    revision 0 without a gap, and a whole-log bundle holds every position of the checkpoint.
 *
 * @see docs/reference/domain.md rule 13
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/** Standard base64, through the `atob`/`btoa` every browser and Node have. */
const base64 = {
  decode: (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)),
  encode: (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)),
};
const hex = { decode: hexToBytes, encode: bytesToHex };
const utf8 = { decode: utf8ToBytes };

/** Why a bundle was rejected. */
export interface BundleRejected {
  readonly _tag: 'BundleRejected';
  readonly message: string;
}

/** What a bundle proves, once verified. */
export interface BundleProof {
  readonly origin: string;
  readonly size: bigint;
  readonly rootHash: string;
  readonly keyName: string;
  readonly scope: string;
  readonly events: number;
  /** Each stream of the bundle with the revisions it proves, from 0 and without gaps. */
  readonly streams: ReadonlyArray<{ readonly stream: string; readonly revisions: number }>;
  /** True when the bundle holds every event of the checkpoint's log. */
  readonly complete: boolean;
}

/** The outcome of {@link verifyAuditBundle}: what the bundle proves, or why it is rejected. */
export type BundleVerification =
  | { readonly ok: true; readonly proof: BundleProof }
  | { readonly ok: false; readonly problem: BundleRejected };

const reject = (message: string): BundleVerification => ({
  ok: false,
  problem: { _tag: 'BundleRejected', message },
});

const concat = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

const node = (left: Uint8Array, right: Uint8Array) => sha256(concat(Uint8Array.of(1), left, right));

/** RFC 9162 §2.1.3.2: does `proof` lead from leaf `index` of a tree of `size` to `root`? */
function includes(
  index: bigint,
  size: bigint,
  leaf: Uint8Array,
  proof: ReadonlyArray<Uint8Array>,
  root: Uint8Array,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if (fn % 2n === 1n || fn === sn) {
      r = node(p, r);
      while (fn % 2n === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = node(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equal(r, root);
}

const tryDecode = <A>(decode: () => A): A | undefined => {
  try {
    return decode();
  } catch {
    return undefined;
  }
};

interface OpenedCheckpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Uint8Array;
  readonly keyName: string;
}

/** Opens a C2SP signed note with a verifier key `<name>+<id hex>+<base64(0x01 ‖ key)>`. */
function openNote(note: string, key: string): OpenedCheckpoint | string {
  const first = key.indexOf('+');
  const second = key.indexOf('+', first + 1);
  if (first <= 0 || second < 0) return 'the verifier key is not <name>+<id>+<key>';
  const name = key.slice(0, first);
  const id = tryDecode(() => hex.decode(key.slice(first + 1, second)));
  const raw = tryDecode(() => base64.decode(key.slice(second + 1)));
  if (id?.length !== 4 || raw?.length !== 33 || raw[0] !== 1) {
    return 'the verifier key is not an Ed25519 key';
  }
  const publicKey = raw.subarray(1);
  if (
    !equal(sha256(concat(utf8.decode(name), Uint8Array.of(0x0a, 1), publicKey)).subarray(0, 4), id)
  ) {
    return "the verifier key's id does not match its key";
  }
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return 'the checkpoint is not a signed note';
  const body = note.slice(0, split + 1);
  const signed = note
    .slice(split + 2, -1)
    .split('\n')
    .some((line) => {
      const match = /^— (\S+) (\S+)$/.exec(line);
      if (match === null || match[1] !== name) return false;
      const bytes = tryDecode(() => base64.decode(match[2] ?? ''));
      if (bytes?.length !== 68 || !equal(bytes.subarray(0, 4), id)) return false;
      return (
        tryDecode(() => ed25519.verify(bytes.subarray(4), utf8.decode(body), publicKey)) === true
      );
    });
  if (!signed) return `the checkpoint has no valid signature by ${name}`;
  const [origin, size, root] = body.slice(0, -1).split('\n');
  const rootBytes = tryDecode(() => base64.decode(root ?? ''));
  if (
    origin === undefined ||
    origin === '' ||
    !/^(0|[1-9][0-9]*)$/.test(size ?? '') ||
    rootBytes?.length !== 32
  ) {
    return 'the checkpoint body is not origin, size and root hash';
  }
  return { origin, size: BigInt(size ?? '0'), root: rootBytes, keyName: name };
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const DECIMAL = /^(0|[1-9][0-9]*)$/;
const HASH = /^[0-9a-f]{64}$/;
const ENVELOPE_FIELDS = [
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
] as const;

const describeScope = (scope: unknown): string | undefined => {
  if (!isRecord(scope)) return undefined;
  if (scope['kind'] === 'all') return 'the whole log';
  if (scope['kind'] === 'stream' && typeof scope['stream'] === 'string') {
    return `stream ${JSON.stringify(scope['stream'])}`;
  }
  if (
    scope['kind'] === 'instrument' &&
    typeof scope['number'] === 'string' &&
    typeof scope['issuer'] === 'string' &&
    typeof scope['year'] === 'number'
  ) {
    return `instrument ${scope['number']} of ${scope['issuer']} (${scope['year']})`;
  }
  return undefined;
};

const inScope = (scope: Record<string, unknown>, event: Record<string, unknown>): boolean => {
  if (scope['kind'] === 'all') return true;
  if (scope['kind'] === 'stream') return event['stream'] === scope['stream'];
  const data = event['data'];
  const source = isRecord(data) ? data['source'] : undefined;
  const instrument = isRecord(source) ? source['instrument'] : undefined;
  return (
    isRecord(source) &&
    source['kind'] === 'instrument' &&
    isRecord(instrument) &&
    instrument['number'] === scope['number'] &&
    instrument['issuer'] === scope['issuer'] &&
    typeof instrument['signedOn'] === 'string' &&
    instrument['signedOn'].startsWith(`${String(scope['year'])}-`)
  );
};

/**
 * Verifies a parsed audit bundle against the auditor's verifier key; resolves what it proves, or
 * the first reason to reject it. Never throws on bad input.
 */
export function verifyAuditBundle(bundle: unknown, key: string): BundleVerification {
  if (!isRecord(bundle) || bundle['format'] !== 'mandate-audit-bundle/1') {
    return reject('it is not a mandate-audit-bundle/1');
  }
  const scope = bundle['scope'];
  const scopeText = describeScope(scope);
  if (scopeText === undefined || !isRecord(scope))
    return reject('its scope is not one Mandate writes');
  if (typeof bundle['checkpoint'] !== 'string') return reject('it has no checkpoint note');
  const checkpoint = openNote(bundle['checkpoint'], key);
  if (typeof checkpoint === 'string') return reject(checkpoint);
  const events = bundle['events'];
  if (!Array.isArray(events)) return reject('it has no list of events');

  const streams = new Map<string, { revisions: number; hash: string }>();
  let lastPosition = 0n;
  for (const [i, event] of events.entries()) {
    const where = `event ${i}`;
    if (!isRecord(event) || ENVELOPE_FIELDS.some((field) => !(field in event))) {
      return reject(`${where} is not an event envelope`);
    }
    const { position, revision, stream, previousHash, hash, proof } = event;
    if (
      typeof position !== 'string' ||
      !DECIMAL.test(position) ||
      typeof revision !== 'string' ||
      !DECIMAL.test(revision)
    ) {
      return reject(`${where} has no decimal position and revision`);
    }
    if (
      typeof stream !== 'string' ||
      typeof hash !== 'string' ||
      !HASH.test(hash) ||
      typeof previousHash !== 'string'
    ) {
      return reject(`${where} has no stream or hash`);
    }
    const envelope = Object.fromEntries(ENVELOPE_FIELDS.map((field) => [field, event[field]]));
    const text = tryDecode(() => canonicalize(envelope));
    if (text === undefined || hex.encode(sha256(utf8.decode(text))) !== hash) {
      return reject(`${where} (${stream}@${revision}) does not hash to its hash (edited)`);
    }
    const at = BigInt(position);
    if (at <= lastPosition) return reject(`${where} is out of position order`);
    lastPosition = at;
    const path = Array.isArray(proof)
      ? proof.map((p) => (typeof p === 'string' ? tryDecode(() => base64.decode(p)) : undefined))
      : [];
    if (!Array.isArray(proof) || path.some((p) => p?.length !== 32)) {
      return reject(`${where} has no inclusion proof`);
    }
    const leaf = sha256(concat(Uint8Array.of(0), hex.decode(hash)));
    if (!includes(at - 1n, checkpoint.size, leaf, path as Uint8Array[], checkpoint.root)) {
      return reject(
        `${where} (${stream}@${revision}) is not in the checkpoint's log at position ${position}`,
      );
    }
    if (!inScope(scope, event)) return reject(`${where} is outside the bundle's scope`);
    const seen = streams.get(stream);
    const expected = seen?.revisions ?? 0;
    if (BigInt(expected) !== BigInt(revision) || previousHash !== (seen?.hash ?? '0'.repeat(64))) {
      if (scope['kind'] !== 'instrument') {
        return reject(
          `${where} (${stream}@${revision}) does not follow revision ${expected - 1} of its stream`,
        );
      }
    }
    streams.set(stream, { revisions: (seen?.revisions ?? 0) + 1, hash });
  }
  const complete = BigInt(events.length) === checkpoint.size;
  if (scope['kind'] === 'all' && !complete) {
    return reject(`it holds ${events.length} events of a log of ${checkpoint.size}`);
  }
  return {
    ok: true,
    proof: {
      origin: checkpoint.origin,
      size: checkpoint.size,
      rootHash: base64.encode(checkpoint.root),
      keyName: checkpoint.keyName,
      scope: scopeText,
      events: events.length,
      streams: [...streams].map(([stream, { revisions }]) => ({ stream, revisions })),
      complete,
    },
  };
}

/** What a verified bundle proves, in plain sentences for the command line. */
export function describeProof(proof: BundleProof): ReadonlyArray<string> {
  return [
    `The log ${JSON.stringify(proof.origin)} had ${proof.size} events with root ${proof.rootHash}, signed by ${proof.keyName}.`,
    `This bundle (${proof.scope}) holds ${proof.events} of those events; each hashes to its recorded hash and is proven at its position in that log.`,
    ...proof.streams.map(
      ({ stream, revisions }) =>
        `Stream ${JSON.stringify(stream)}: ${revisions} event(s) proven in the bundle.`,
    ),
    proof.complete
      ? 'The bundle holds the whole log of the checkpoint.'
      : 'Events outside the bundle are not shown.',
  ];
}

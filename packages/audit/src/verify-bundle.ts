/**
 * The standalone audit-bundle verifier. Written apart from the store's code, on audited pure-JS
 * primitives (`@noble/hashes` SHA-256, `@noble/curves` Ed25519, `canonicalize` for RFC 8785), so
 * it runs in a browser and recomputes everything itself:
 *
 * 1. the checkpoint note opens with the auditor's verifier key (C2SP signed note, Ed25519);
 * 2. each event's hash is the SHA-256 of its JCS envelope;
 * 3. each event's inclusion proof, a C2SP `tlog-proof` carrying that same note, leads from its
 *    leaf to the checkpoint's root (RFC 9162 §2.1.3.2);
 * 4. each event belongs to the bundle's scope; a stream's events link by `previousHash` from
 *    revision 0 without a gap;
 * 5. nothing of the scope is left out: a whole-log bundle holds every position of the checkpoint;
 *    a stream's bundle ends at the stream's head, and an instrument's holds as many events, with
 *    the same digest, as its tally — each leaf proven in the scope tree whose root the checkpoint
 *    signs in an extension line; a scope with no event is proven absent by the two adjacent
 *    leaves around where it would sort.
 *
 * @see docs/reference/domain.md rule 13
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { canonicalNumber } from './canonical-number.js';

const encodeBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/**
 * Standard base64, through the `atob`/`btoa` every browser and Node have. Only the canonical
 * spelling decodes (padded, unused bits zero), so one hash has one text and a changed character
 * is never a no-op.
 */
const base64 = {
  decode: (text: string): Uint8Array => {
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    if (encodeBase64(bytes) !== text) throw new TypeError('not canonical base64');
    return bytes;
  },
  encode: encodeBase64,
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

/** The size and root of a scope tree signed in the checkpoint. */
interface TreeHead {
  readonly size: bigint;
  readonly root: Uint8Array;
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
  /** The scope trees of the extension lines, by name (`streams`, `instruments`). */
  readonly scopes: ReadonlyMap<string, TreeHead>;
}

/** Reads `mandate/<name> <leaves> <base64 root>` extension lines; others are not Mandate's. */
function scopeTrees(lines: ReadonlyArray<string>): ReadonlyMap<string, TreeHead> | string {
  const trees = new Map<string, TreeHead>();
  for (const line of lines) {
    const match = /^mandate\/(streams|instruments) (0|[1-9][0-9]*) (\S+)$/.exec(line);
    if (match === null) {
      if (line.startsWith('mandate/'))
        return `the checkpoint's line ${JSON.stringify(line)} does not read`;
      continue;
    }
    const root = tryDecode(() => base64.decode(match[3] ?? ''));
    const name = match[1] ?? '';
    if (root?.length !== 32 || trees.has(name)) {
      return `the checkpoint's ${name} line does not read`;
    }
    trees.set(name, { size: BigInt(match[2] ?? '0'), root });
  }
  return trees;
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
  const [origin, size, root, ...extensions] = body.slice(0, -1).split('\n');
  const rootBytes = tryDecode(() => base64.decode(root ?? ''));
  if (
    origin === undefined ||
    origin === '' ||
    !/^(0|[1-9][0-9]*)$/.test(size ?? '') ||
    rootBytes?.length !== 32
  ) {
    return 'the checkpoint body is not origin, size and root hash';
  }
  const scopes = scopeTrees(extensions);
  if (typeof scopes === 'string') return scopes;
  return { origin, size: BigInt(size ?? '0'), root: rootBytes, keyName: name, scopes };
}

/** A C2SP `tlog-proof@v1`: the leaf index, the audit path and the checkpoint note it carries. */
interface TlogProof {
  readonly index: bigint;
  readonly path: ReadonlyArray<Uint8Array>;
  readonly note: string;
}

/** Reads a `tlog-proof@v1` text (c2sp.org/tlog-proof), or says why it does not read. */
function parseTlogProof(text: string): TlogProof | string {
  const lines = text.split('\n');
  let at = 0;
  if (lines[at++] !== 'c2sp.org/tlog-proof@v1') return 'is not a c2sp.org/tlog-proof@v1';
  if (lines[at]?.startsWith('extra ') === true) at += 1;
  const index = /^index (0|[1-9][0-9]*)$/.exec(lines[at++] ?? '')?.[1];
  if (index === undefined) return 'has no index line';
  const path: Uint8Array[] = [];
  for (; at < lines.length && lines[at] !== ''; at++) {
    const hash = tryDecode(() => base64.decode(lines[at] ?? ''));
    if (hash?.length !== 32) return 'has a proof line that is not a base64 SHA-256 hash';
    path.push(hash);
  }
  if (at >= lines.length) return 'has no checkpoint';
  return { index: BigInt(index), path, note: lines.slice(at + 1).join('\n') };
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

/** The instrument an event's payload names as its source: issuer, canonical number, year signed. */
const citedInstrument = (
  event: Record<string, unknown>,
): { issuer: unknown; number: unknown; year: number } | undefined => {
  const data = event['data'];
  const source = isRecord(data) ? data['source'] : undefined;
  const instrument = isRecord(source) ? source['instrument'] : undefined;
  if (!isRecord(source) || source['kind'] !== 'instrument' || !isRecord(instrument)) {
    return undefined;
  }
  const signedOn = instrument['signedOn'];
  const year = typeof signedOn === 'string' ? /^([0-9]{4})-/.exec(signedOn)?.[1] : undefined;
  if (typeof instrument['issuer'] !== 'string' || typeof instrument['number'] !== 'string') {
    return undefined;
  }
  return year === undefined
    ? undefined
    : {
        issuer: instrument['issuer'],
        number: canonicalNumber(instrument['number']),
        year: Number(year),
      };
};

const inScope = (scope: Record<string, unknown>, event: Record<string, unknown>): boolean => {
  if (scope['kind'] === 'all') return true;
  if (scope['kind'] === 'stream') return event['stream'] === scope['stream'];
  const cited = citedInstrument(event);
  return (
    cited !== undefined &&
    cited.issuer === scope['issuer'] &&
    cited.number === scope['number'] &&
    cited.year === scope['year']
  );
};

/** A scope leaf's sort key: the stream name, or the JCS text of the instrument. */
const scopeKey = (kind: 'stream' | 'instrument', value: unknown): string | undefined => {
  if (kind === 'stream') return typeof value === 'string' ? value : undefined;
  if (!isRecord(value)) return undefined;
  return tryDecode(() =>
    canonicalize({ issuer: value['issuer'], number: value['number'], year: value['year'] }),
  );
};

/** A scope leaf proven in its tree: its value, or why it is not proven. */
function provenLeaf(
  given: unknown,
  kind: 'stream' | 'instrument',
  tree: TreeHead,
):
  | { readonly leaf: Record<string, unknown>; readonly index: bigint; readonly key: string }
  | string {
  if (!isRecord(given) || !isRecord(given['leaf']) || !Array.isArray(given['proof'])) {
    return 'is not a leaf with its proof';
  }
  const { leaf, index, proof } = given as {
    leaf: Record<string, unknown>;
    index: unknown;
    proof: unknown[];
  };
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
    return 'has no leaf index';
  }
  const fields =
    kind === 'stream' ? ['hash', 'revision', 'stream'] : ['digest', 'events', 'instrument'];
  if (Object.keys(leaf).sort().join() !== fields.join()) return `is not a ${kind} leaf`;
  const key = scopeKey(kind, leaf[kind]);
  const text = tryDecode(() => canonicalize(leaf));
  const path = proof.map((p) =>
    typeof p === 'string' ? tryDecode(() => base64.decode(p)) : undefined,
  );
  if (key === undefined || text === undefined || path.some((p) => p?.length !== 32)) {
    return `is not a ${kind} leaf with its proof`;
  }
  const hash = sha256(concat(Uint8Array.of(0), utf8.decode(text)));
  if (!includes(BigInt(index), tree.size, hash, path as Uint8Array[], tree.root)) {
    return `is not in the checkpoint's ${kind} tree`;
  }
  return { leaf, index: BigInt(index), key };
}

interface ScopedEvent {
  readonly stream: string;
  readonly revision: string;
  readonly hash: string;
}

/**
 * Checks that `events` (verified, in position order) are the whole of a stream or instrument
 * scope, against the scope tree the checkpoint signs; returns why not, if not.
 */
function checkComplete(
  scope: Record<string, unknown>,
  kind: 'stream' | 'instrument',
  completeness: unknown,
  events: ReadonlyArray<ScopedEvent>,
  tree: TreeHead | undefined,
): string | undefined {
  if (tree === undefined) {
    return 'its checkpoint commits to no scope trees, so the bundle cannot be proven complete';
  }
  if (!isRecord(completeness)) return 'it carries no proof that its scope is complete';
  const wanted = scopeKey(kind, kind === 'stream' ? scope['stream'] : scope);
  if (wanted === undefined) return 'its scope has no key';
  if (completeness['kind'] === 'present') {
    const proven = provenLeaf(completeness, kind, tree);
    if (typeof proven === 'string') return `its completeness leaf ${proven}`;
    if (proven.key !== wanted) return 'its completeness leaf is of another scope';
    const last = events.at(-1);
    if (kind === 'stream') {
      const { hash, revision } = proven.leaf;
      return last !== undefined && last.revision === revision && last.hash === hash
        ? undefined
        : `the stream's head is revision ${String(revision)}, which the bundle does not end at (events left out)`;
    }
    let digest = '0'.repeat(64);
    for (const event of events) digest = hex.encode(sha256(utf8.decode(digest + event.hash)));
    return proven.leaf['events'] === String(events.length) && proven.leaf['digest'] === digest
      ? undefined
      : `the instrument's tally counts ${String(proven.leaf['events'])} events, not these ${events.length} (events left out)`;
  }
  if (completeness['kind'] !== 'absent') return 'its completeness proof is of no known kind';
  if (events.length > 0) return 'it proves its scope empty, yet holds events';
  const before =
    completeness['before'] === undefined
      ? undefined
      : provenLeaf(completeness['before'], kind, tree);
  const after =
    completeness['after'] === undefined ? undefined : provenLeaf(completeness['after'], kind, tree);
  if (typeof before === 'string') return `its absence proof's leaf before ${before}`;
  if (typeof after === 'string') return `its absence proof's leaf after ${after}`;
  const adjacent =
    (before === undefined ? -1n : before.index) + 1n === (after?.index ?? tree.size) &&
    (before === undefined || before.key < wanted) &&
    (after === undefined || wanted < after.key);
  return adjacent
    ? undefined
    : 'its absence proof does not show two adjacent leaves around its scope';
}

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
  const scoped: ScopedEvent[] = [];
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
    const parsed = typeof proof === 'string' ? parseTlogProof(proof) : 'is not a tlog-proof text';
    if (typeof parsed === 'string') return reject(`${where}'s inclusion proof ${parsed}`);
    if (parsed.note !== bundle['checkpoint']) {
      return reject(`${where}'s inclusion proof carries another checkpoint`);
    }
    const leaf = sha256(concat(Uint8Array.of(0), hex.decode(hash)));
    if (
      parsed.index !== at - 1n ||
      !includes(parsed.index, checkpoint.size, leaf, parsed.path, checkpoint.root)
    ) {
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
    scoped.push({ stream, revision, hash });
  }
  const whole = BigInt(events.length) === checkpoint.size;
  if (scope['kind'] === 'all' && !whole) {
    return reject(`it holds ${events.length} events of a log of ${checkpoint.size}`);
  }
  if (scope['kind'] === 'stream' || scope['kind'] === 'instrument') {
    const kind = scope['kind'];
    const incomplete = checkComplete(
      scope,
      kind,
      bundle['completeness'],
      scoped,
      checkpoint.scopes.get(kind === 'stream' ? 'streams' : 'instruments'),
    );
    if (incomplete !== undefined) return reject(incomplete);
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
      complete: whole,
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
      : `The bundle holds every event of its scope in that log (proven against the scope's signed head); events outside it are not shown.`,
  ];
}

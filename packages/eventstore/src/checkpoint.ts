/**
 * Signed checkpoints: the log's size and Merkle root, signed with the caller's Ed25519 key in the
 * C2SP `tlog-checkpoint` body of a C2SP `signed-note`, so any tool that reads transparency-log
 * checkpoints checks them:
 *
 * ```text
 * <origin>\n<size>\n<base64 root hash>\n[extension lines]\n— <key name> <base64(key id ‖ signature)>\n
 * ```
 *
 * The extension lines (allowed by `tlog-checkpoint` after the root hash) commit to the scope
 * trees of scope-index.ts: `mandate/streams <leaves> <base64 root>` and
 * `mandate/instruments <leaves> <base64 root>`.
 *
 * The key id is the first four bytes of `SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)`; a verifier key
 * is written `<name>+<key id hex>+<base64(0x01 ‖ public key)>`. The private key stays the
 * caller's: nothing here stores it.
 *
 * @see docs/reference/domain.md rule 13
 */
import {
  createPublicKey,
  hash as digest,
  sign,
  verify as verifySignature,
  type KeyObject,
} from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { ScopeRoots, TreeHead } from './scope-index.js';

/** What a checkpoint commits to: the log named `origin` had `size` events with this root. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: bigint;
  /** The RFC 6962 root of the first `size` events (32 bytes). */
  readonly rootHash: Uint8Array;
  /** The scope trees over the same events, when the checkpoint commits to them. */
  readonly scopes?: ScopeRoots;
}

/** A checkpoint together with its signed note, as kept outside the store. */
export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The C2SP signed note: the checkpoint body, a blank line and the signature line. */
  readonly note: string;
}

/** The caller's signing key: a key name and an Ed25519 private key, never stored by Mandate. */
export interface CheckpointSigner {
  readonly name: string;
  readonly privateKey: KeyObject;
}

/** A checkpoint note that does not open: malformed, unsigned by the key, or of another log. */
export interface InvalidCheckpoint {
  readonly _tag: 'InvalidCheckpoint';
  readonly message: string;
}

/** Builds an {@link InvalidCheckpoint}. */
export const invalidCheckpoint = (reason: string): InvalidCheckpoint => ({
  _tag: 'InvalidCheckpoint',
  message: `The checkpoint does not open: ${reason}`,
});

const ED25519 = 0x01;
const KEY_NAME = /^[^\s+]+$/;
const SIZE = /^(0|[1-9][0-9]*)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const rawPublicKey = (key: KeyObject): Buffer => {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('The key is not Ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
};

const keyId = (name: string, publicKey: Uint8Array): Buffer =>
  digest(
    'sha256',
    Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, ED25519]), publicKey]),
    'buffer',
  ).subarray(0, 4);

const STREAMS_LINE = 'mandate/streams';
const INSTRUMENTS_LINE = 'mandate/instruments';

const treeLine = (name: string, head: TreeHead): string =>
  `${name} ${head.size} ${Buffer.from(head.rootHash).toString('base64')}\n`;

/**
 * The checkpoint's note body: origin, size and base64 root hash, one line each, then the scope
 * roots' extension lines when it has them.
 */
export const checkpointBody = (checkpoint: Checkpoint): string =>
  `${checkpoint.origin}\n${checkpoint.size}\n${Buffer.from(checkpoint.rootHash).toString('base64')}\n` +
  (checkpoint.scopes === undefined
    ? ''
    : treeLine(STREAMS_LINE, checkpoint.scopes.streams) +
      treeLine(INSTRUMENTS_LINE, checkpoint.scopes.instruments));

/** Reads the scope roots from a note's extension lines: none, both, or an error. */
const scopeRootsOf = (
  lines: ReadonlyArray<string>,
): E.Either<InvalidCheckpoint, ScopeRoots | undefined> => {
  const heads = new Map<string, TreeHead>();
  for (const line of lines) {
    const [name, size, root, ...rest] = line.split(' ');
    if (name !== STREAMS_LINE && name !== INSTRUMENTS_LINE) continue; // another's extension
    const rootHash = Buffer.from(root ?? '', 'base64');
    if (
      heads.has(name) ||
      rest.length > 0 ||
      !SIZE.test(size ?? '') ||
      !Number.isSafeInteger(Number(size)) ||
      !BASE64.test(root ?? '') ||
      rootHash.length !== 32
    ) {
      return E.left(invalidCheckpoint(`its ${name} line is not <leaves> <base64 root>`));
    }
    heads.set(name, { size: Number(size), rootHash: new Uint8Array(rootHash) });
  }
  const streams = heads.get(STREAMS_LINE);
  const instruments = heads.get(INSTRUMENTS_LINE);
  if (streams === undefined && instruments === undefined) return E.right(undefined);
  if (streams === undefined || instruments === undefined) {
    return E.left(invalidCheckpoint('it commits to one scope tree without the other'));
  }
  return E.right({ streams, instruments });
};

/** The verifier key of a signer, `<name>+<key id hex>+<base64(0x01 ‖ public key)>`. */
export function verifierKey(name: string, key: KeyObject): string {
  if (!KEY_NAME.test(name)) throw new TypeError('A key name has no spaces and no "+"');
  const publicKey = rawPublicKey(key);
  return `${name}+${keyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

/** Signs a checkpoint with the caller's key, giving its C2SP signed note. */
export function signCheckpoint(checkpoint: Checkpoint, signer: CheckpointSigner): SignedCheckpoint {
  if (!KEY_NAME.test(signer.name)) throw new TypeError('A key name has no spaces and no "+"');
  if (checkpoint.origin === '' || /\n/.test(checkpoint.origin)) {
    throw new TypeError('An origin is one non-empty line');
  }
  const body = checkpointBody(checkpoint);
  const signature = sign(null, Buffer.from(body, 'utf8'), signer.privateKey);
  const id = keyId(signer.name, rawPublicKey(signer.privateKey));
  const line = `— ${signer.name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
  return { checkpoint, note: `${body}\n${line}` };
}

interface ParsedKey {
  readonly name: string;
  readonly id: Buffer;
  readonly publicKey: KeyObject;
}

const parseVerifierKey = (text: string): E.Either<InvalidCheckpoint, ParsedKey> => {
  // The key's base64 may itself hold '+': only the first two separate the fields.
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  const name = text.slice(0, Math.max(first, 0));
  const idHex = text.slice(first + 1, Math.max(second, first + 1));
  const encoded = text.slice(second + 1);
  if (first < 0 || second < 0 || !KEY_NAME.test(name) || !BASE64.test(encoded)) {
    return E.left(invalidCheckpoint('the verifier key is not <name>+<id>+<key>'));
  }
  const key = Buffer.from(encoded, 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex) || key.length !== 33 || key[0] !== ED25519) {
    return E.left(invalidCheckpoint('the verifier key is not an Ed25519 key'));
  }
  const raw = key.subarray(1);
  if (!keyId(name, raw).equals(Buffer.from(idHex, 'hex'))) {
    return E.left(invalidCheckpoint("the verifier key's id does not match its key"));
  }
  try {
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
    return E.right({ name, id: Buffer.from(idHex, 'hex'), publicKey });
  } catch {
    return E.left(invalidCheckpoint('the verifier key is not an Ed25519 public key'));
  }
};

/**
 * Opens a signed note with a verifier key: checks the signature by that key and reads the
 * checkpoint body; when `origin` is given, the checkpoint must be of that log.
 */
export function openCheckpoint(
  note: string,
  key: string,
  origin?: string,
): E.Either<InvalidCheckpoint, Checkpoint> {
  const verifier = parseVerifierKey(key);
  if (E.isLeft(verifier)) return verifier;
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n'))
    return E.left(invalidCheckpoint('it is not a signed note'));
  const body = note.slice(0, split + 1);
  const signatures = note.slice(split + 2, -1).split('\n');
  const signed = signatures.some((line) => {
    const match = /^— (\S+) (\S+)$/.exec(line);
    if (match === null || match[1] !== verifier.right.name || !BASE64.test(match[2] ?? '')) {
      return false;
    }
    const bytes = Buffer.from(match[2] ?? '', 'base64');
    return (
      bytes.length === 68 &&
      bytes.subarray(0, 4).equals(verifier.right.id) &&
      verifySignature(null, Buffer.from(body, 'utf8'), verifier.right.publicKey, bytes.subarray(4))
    );
  });
  if (!signed) return E.left(invalidCheckpoint(`no valid signature by ${verifier.right.name}`));
  const [noteOrigin, size, root, ...extensions] = body.slice(0, -1).split('\n');
  if (noteOrigin === undefined || noteOrigin === '') {
    return E.left(invalidCheckpoint('it has no origin'));
  }
  if (origin !== undefined && noteOrigin !== origin) {
    return E.left(
      invalidCheckpoint(`it is of ${JSON.stringify(noteOrigin)}, not ${JSON.stringify(origin)}`),
    );
  }
  if (size === undefined || !SIZE.test(size))
    return E.left(invalidCheckpoint('its size is not a number'));
  const rootHash = Buffer.from(root ?? '', 'base64');
  if (!BASE64.test(root ?? '') || rootHash.length !== 32) {
    return E.left(invalidCheckpoint('its root hash is not 32 bytes of base64'));
  }
  const scopes = scopeRootsOf(extensions);
  if (E.isLeft(scopes)) return scopes;
  return E.right({
    origin: noteOrigin,
    size: BigInt(size),
    rootHash: new Uint8Array(rootHash),
    ...(scopes.right === undefined ? {} : { scopes: scopes.right }),
  });
}

/**
 * The scope commitments of a signed checkpoint. Besides the log's Merkle root, a checkpoint
 * commits to two more RFC 6962 trees over the same first `size` events, so that a bundle of one
 * stream or of one instrument proves that it leaves nothing of its scope out:
 *
 * - the **stream heads**: one leaf per stream, in stream-name order, holding the JCS text
 *   `{"hash":…,"revision":"…","stream":…}` of the stream's last event — the stream's own hash
 *   chain then shows that no event before it is missing;
 * - the **instrument tallies**: one leaf per instrument cited by an event's payload source
 *   (`data.source.instrument`: issuer, number in its canonical form — `canonicalNumber`, so two
 *   spellings of one instrument are one leaf — and year signed), in key order, holding
 *   `{"digest":…,"events":"…","instrument":{"issuer":…,"number":…,"year":…}}`, where `digest`
 *   chains the hashes of every event citing it, in position order.
 *
 * Leaves are sorted by key (the stream name; the JCS text of the instrument) in UTF-16 code-unit
 * order, so that two adjacent leaves also prove a key absent. A leaf's hash is
 * `SHA-256(0x00 ‖ UTF-8 of its JCS text)`, nodes as in the log's tree. The exact
 * bytes are specified in `docs/reference/hash-chain.md`.
 *
 * @see docs/reference/domain.md rule 13
 */
import { hash as digest } from 'node:crypto';
import { canonicalNumber } from '@mandate/core';
import { canonicalJson } from './canonical-json.js';
import { EMPTY_ROOT, leafHashOfBytes, merkleTreeOfLeaves, type MerkleTree } from './merkle.js';

/** An instrument as a scope: its issuer, its number and the year it was signed. */
export interface InstrumentKey {
  readonly issuer: string;
  readonly number: string;
  readonly year: number;
}

/** The size and root hash of one scope tree. */
export interface TreeHead {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

/** The roots a checkpoint commits to besides the log's own. */
export interface ScopeRoots {
  readonly streams: TreeHead;
  readonly instruments: TreeHead;
}

/** The leaf proving a scope complete, its index in its tree and its audit path. */
export interface ScopeLeafProof {
  /** The leaf's value; its JCS text is what the leaf hashes. */
  readonly leaf: Readonly<Record<string, unknown>>;
  readonly index: number;
  readonly proof: ReadonlyArray<Uint8Array>;
}

/**
 * Why a key has no leaf: the leaves just before and after where it would sort, each with its
 * proof (adjacent indices), or `undefined` at either end of the tree.
 */
export interface ScopeAbsenceProof {
  readonly before: ScopeLeafProof | undefined;
  readonly after: ScopeLeafProof | undefined;
}

/** What the index needs of an event. */
export interface IndexedEvent {
  readonly stream: string;
  readonly revision: bigint;
  readonly hash: string;
  readonly data: unknown;
}

/** The instrument-tally digest before any event: 64 zeros. */
export const EMPTY_DIGEST = '0'.repeat(64);

/** The tally digest after one more event: hex `SHA-256(ASCII of previous digest ‖ event hash)`. */
export const nextDigest = (previous: string, eventHash: string): string =>
  digest('sha256', previous + eventHash, 'hex');

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The instrument an event's payload names as its source (`data.source`), if any. */
export function citedInstrument(data: unknown): InstrumentKey | undefined {
  const source = isRecord(data) ? data['source'] : undefined;
  if (!isRecord(source) || source['kind'] !== 'instrument') return undefined;
  const instrument = source['instrument'];
  if (!isRecord(instrument)) return undefined;
  const { issuer, number, signedOn } = instrument;
  if (typeof issuer !== 'string' || typeof number !== 'string' || typeof signedOn !== 'string') {
    return undefined;
  }
  const year = /^([0-9]{4})-/.exec(signedOn)?.[1];
  return year === undefined
    ? undefined
    : { issuer, number: canonicalNumber(number), year: Number(year) };
}

/** The key ordering an instrument's leaf: the JCS text of the instrument. */
export const instrumentKeyText = (key: InstrumentKey): string =>
  canonicalJson({ issuer: key.issuer, number: key.number, year: key.year });

interface Entry {
  leaf: Readonly<Record<string, unknown>>;
  /** The leaf hash, computed when first needed after the leaf last changed. */
  leafHash: Uint8Array | undefined;
}

const leafOf = (entry: Entry): Uint8Array =>
  (entry.leafHash ??= leafHashOfBytes(Buffer.from(canonicalJson(entry.leaf), 'utf8')));

/** One scope tree's leaves by key, kept in key order only when a root or proof is asked. */
class ScopeLeaves {
  private readonly entries = new Map<string, Entry>();
  private sorted: string[] | undefined = [];

  get(key: string): Readonly<Record<string, unknown>> | undefined {
    return this.entries.get(key)?.leaf;
  }

  set(key: string, leaf: Readonly<Record<string, unknown>>): void {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, { leaf, leafHash: undefined });
      this.sorted = undefined;
    } else {
      entry.leaf = leaf;
      entry.leafHash = undefined;
    }
  }

  private keys(): string[] {
    return (this.sorted ??= [...this.entries.keys()].sort());
  }

  tree(): MerkleTree {
    return merkleTreeOfLeaves(this.keys().map((key) => leafOf(this.entries.get(key) as Entry)));
  }

  head(): TreeHead {
    const size = this.entries.size;
    return { size, rootHash: size === 0 ? EMPTY_ROOT : this.tree().root() };
  }

  private proveAt(index: number, tree: MerkleTree): ScopeLeafProof | undefined {
    const key = this.keys()[index];
    const entry = key === undefined ? undefined : this.entries.get(key);
    return entry === undefined
      ? undefined
      : { leaf: entry.leaf, index, proof: tree.inclusionProof(index) };
  }

  prove(key: string): ScopeLeafProof | ScopeAbsenceProof {
    const tree = this.tree();
    const keys = this.keys();
    const at = keys.indexOf(key);
    if (at >= 0) return this.proveAt(at, tree) as ScopeLeafProof;
    const after = keys.findIndex((k) => k > key);
    const next = after === -1 ? keys.length : after;
    return { before: this.proveAt(next - 1, tree), after: this.proveAt(next, tree) };
  }
}

/** The stream heads and instrument tallies of a log prefix, extended one event at a time. */
export class ScopeIndex {
  private readonly streams = new ScopeLeaves();
  private readonly instruments = new ScopeLeaves();
  private readonly tallies = new Map<string, { events: bigint; digest: string }>();

  /** Takes in the next event of the log. */
  add(event: IndexedEvent): void {
    this.streams.set(event.stream, {
      hash: event.hash,
      revision: String(event.revision),
      stream: event.stream,
    });
    const cited = citedInstrument(event.data);
    if (cited === undefined) return;
    const key = instrumentKeyText(cited);
    const before = this.tallies.get(key);
    const tally = {
      events: (before?.events ?? 0n) + 1n,
      digest: nextDigest(before?.digest ?? EMPTY_DIGEST, event.hash),
    };
    this.tallies.set(key, tally);
    this.instruments.set(key, {
      digest: tally.digest,
      events: String(tally.events),
      instrument: cited,
    });
  }

  /** The two roots a checkpoint of the events taken in so far commits to. */
  roots(): ScopeRoots {
    return { streams: this.streams.head(), instruments: this.instruments.head() };
  }

  /** The head leaf of `stream` with its proof, or the proof that no event is in it. */
  proveStream(stream: string): ScopeLeafProof | ScopeAbsenceProof {
    return this.streams.prove(stream);
  }

  /** The tally leaf of an instrument with its proof, or the proof that no event cites it. */
  proveInstrument(key: InstrumentKey): ScopeLeafProof | ScopeAbsenceProof {
    return this.instruments.prove(instrumentKeyText(key));
  }
}

/**
 * Offline audit bundles: the events of a scope (the whole log, one stream, or everything one legal
 * instrument changed), each with its inclusion proof in the log of a signed checkpoint, the proof
 * that the scope is complete, and that checkpoint's note — everything `@mandate/audit` needs to
 * check them with no database.
 *
 * The bundle is JSON: `format`, `scope`, `checkpoint` (the signed note), `events` — each an
 * envelope exactly as hashed (positions and revisions as decimal strings), its `hash`, and
 * `proof`, a C2SP `tlog-proof` of its leaf — and, for a stream or an instrument, `completeness`:
 * the scope's leaf in the checkpoint's stream-head or instrument-tally tree with its audit path,
 * or the two leaves around where it would be when the scope has no event. Specified in
 * `docs/reference/hash-chain.md`.
 *
 * @see docs/reference/domain.md rule 13
 */
import * as E from 'fp-ts/Either';
import { canonicalNumber } from '@mandate/core';
import { invalidCheckpoint, type InvalidCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import {
  tamperDetected,
  type CorruptEvent,
  type StoreUnavailable,
  type TamperDetected,
} from './errors.js';
import { merkleTree } from './merkle.js';
import type { EventStore, StoredEvent } from './port.js';
import {
  ScopeIndex,
  citedInstrument,
  type ScopeAbsenceProof,
  type ScopeLeafProof,
} from './scope-index.js';
import { tlogProof } from './tlog-proof.js';

/** The bundle format this module writes. */
export const AUDIT_BUNDLE_FORMAT = 'mandate-audit-bundle/1';

/** Which events a bundle holds. */
export type AuditScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'stream'; readonly stream: string }
  /**
   * Every event whose payload's source is the instrument `number` of `issuer` signed in `year`;
   * numbers compare in their canonical form (`canonicalNumber`), as instrument keys do.
   */
  | {
      readonly kind: 'instrument';
      readonly issuer: string;
      readonly number: string;
      readonly year: number;
    };

/** One event of a bundle: its envelope as hashed, its hash and its inclusion proof. */
export interface AuditBundleEvent {
  readonly data: unknown;
  readonly eventId: string;
  readonly metadata: unknown;
  readonly position: string;
  readonly previousHash: string;
  readonly recordedAt: string;
  readonly revision: string;
  readonly schemaVersion: number;
  readonly stream: string;
  readonly type: string;
  readonly hash: string;
  /** A C2SP `tlog-proof` of leaf `position - 1` in the checkpoint's tree. */
  readonly proof: string;
}

/** A leaf of a scope tree as a bundle carries it: its value, index and audit path (base64). */
export interface AuditScopeLeaf {
  readonly leaf: Readonly<Record<string, unknown>>;
  readonly index: number;
  readonly proof: ReadonlyArray<string>;
}

/** What proves a stream or instrument bundle complete. */
export type AuditCompleteness =
  /** The scope's leaf: the stream's head, or the instrument's tally. */
  | ({ readonly kind: 'present' } & AuditScopeLeaf)
  /** The scope has no event: the adjacent leaves around its key (absent at either end). */
  | {
      readonly kind: 'absent';
      readonly before?: AuditScopeLeaf;
      readonly after?: AuditScopeLeaf;
    };

/** An offline audit bundle. */
export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly scope: AuditScope;
  /** The signed checkpoint note every proof leads to. */
  readonly checkpoint: string;
  readonly events: ReadonlyArray<AuditBundleEvent>;
  /** For a stream or instrument scope: the proof that `events` is all of it. */
  readonly completeness?: AuditCompleteness;
}

const base64 = (hash: Uint8Array): string => Buffer.from(hash).toString('base64');

const cites = (event: StoredEvent, scope: AuditScope & { kind: 'instrument' }): boolean => {
  const cited = citedInstrument(event.data);
  return (
    cited !== undefined &&
    cited.issuer === scope.issuer &&
    cited.number === scope.number &&
    cited.year === scope.year
  );
};

const inScope = (event: StoredEvent, scope: AuditScope): boolean => {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'stream':
      return event.stream === scope.stream;
    case 'instrument':
      return cites(event, scope);
    default: {
      const _exhaustive: never = scope;
      return _exhaustive;
    }
  }
};

const scopeLeaf = (proven: ScopeLeafProof): AuditScopeLeaf => ({
  leaf: proven.leaf,
  index: proven.index,
  proof: proven.proof.map(base64),
});

const completenessOf = (proven: ScopeLeafProof | ScopeAbsenceProof): AuditCompleteness =>
  'leaf' in proven
    ? { kind: 'present', ...scopeLeaf(proven) }
    : {
        kind: 'absent',
        ...(proven.before === undefined ? {} : { before: scopeLeaf(proven.before) }),
        ...(proven.after === undefined ? {} : { after: scopeLeaf(proven.after) }),
      };

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Builds the bundle of the scope `asked` (an instrument's number put in canonical form) against
 * `signed`: reads the first `size` events of the store, and proves each event of the scope among
 * them and, for a stream or an instrument, that they are all of it. The store must still hold the checkpoint's log; a stream or instrument bundle needs a
 * checkpoint that commits to the scope trees (as `createCheckpointer` writes them).
 */
export async function createAuditBundle(
  store: EventStore,
  asked: AuditScope,
  signed: SignedCheckpoint,
): Promise<
  E.Either<StoreUnavailable | CorruptEvent | TamperDetected | InvalidCheckpoint, AuditBundle>
> {
  const scope: AuditScope =
    asked.kind === 'instrument' ? { ...asked, number: canonicalNumber(asked.number) } : asked;
  const { size, scopes } = signed.checkpoint;
  if (scope.kind !== 'all' && scopes === undefined) {
    return E.left(
      invalidCheckpoint('it commits to no scope trees, so it cannot prove a scope complete'),
    );
  }
  const log: StoredEvent[] = [];
  while (BigInt(log.length) < size) {
    const page = await store.readAll({ after: BigInt(log.length) });
    if (E.isLeft(page)) return page;
    if (page.right.length === 0) break;
    log.push(...page.right.slice(0, Number(size) - log.length));
  }
  const last = log.at(-1);
  const tampered = (reason: string) =>
    E.left(tamperDetected(last?.stream ?? '', last?.revision ?? -1n, size, reason));
  if (BigInt(log.length) < size) return tampered('the log is shorter than the checkpoint');
  const tree = merkleTree(log.map((event) => event.hash));
  if (!sameBytes(tree.root(), signed.checkpoint.rootHash)) {
    return tampered(`the Merkle root of the first ${size} events differs from the checkpoint`);
  }
  const index = new ScopeIndex();
  for (const event of log) index.add(event);
  const roots = index.roots();
  if (
    scopes !== undefined &&
    (roots.streams.size !== scopes.streams.size ||
      !sameBytes(roots.streams.rootHash, scopes.streams.rootHash) ||
      roots.instruments.size !== scopes.instruments.size ||
      !sameBytes(roots.instruments.rootHash, scopes.instruments.rootHash))
  ) {
    return tampered("the log's scope trees differ from the checkpoint's");
  }
  const events = log
    .filter((event) => inScope(event, scope))
    .map((event) => ({
      data: event.data,
      eventId: event.eventId,
      metadata: event.metadata,
      position: String(event.position),
      previousHash: event.previousHash,
      recordedAt: event.recordedAt,
      revision: String(event.revision),
      schemaVersion: event.schemaVersion,
      stream: event.stream,
      type: event.type,
      hash: event.hash,
      proof: tlogProof(
        Number(event.position) - 1,
        tree.inclusionProof(Number(event.position) - 1),
        signed.note,
      ),
    }));
  const bundle = { format: AUDIT_BUNDLE_FORMAT, scope, checkpoint: signed.note, events } as const;
  switch (scope.kind) {
    case 'all':
      return E.right(bundle);
    case 'stream':
      return E.right({ ...bundle, completeness: completenessOf(index.proveStream(scope.stream)) });
    case 'instrument':
      return E.right({ ...bundle, completeness: completenessOf(index.proveInstrument(scope)) });
    default: {
      const _exhaustive: never = scope;
      return _exhaustive;
    }
  }
}

/**
 * Offline audit bundles: the events of a scope (the whole log, one stream, or everything one legal
 * instrument changed), each with its RFC 9162 inclusion proof in the log of a signed checkpoint,
 * and that checkpoint's note — everything `@mandate/audit` needs to check them with no database.
 *
 * The bundle is JSON: `format`, `scope`, `checkpoint` (the signed note), and `events`, each an
 * envelope exactly as hashed (positions and revisions as decimal strings), its `hash`, and
 * `proof` (the audit path, base64 hashes from the leaf up). Specified in
 * `docs/reference/hash-chain.md`.
 *
 * @see docs/reference/domain.md rule 13
 */
import * as E from 'fp-ts/Either';
import { Source } from '@mandate/core';
import type { SignedCheckpoint } from './checkpoint.js';
import {
  tamperDetected,
  type CorruptEvent,
  type StoreUnavailable,
  type TamperDetected,
} from './errors.js';
import { merkleTree } from './merkle.js';
import type { EventStore, StoredEvent } from './port.js';

/** The bundle format this module writes. */
export const AUDIT_BUNDLE_FORMAT = 'mandate-audit-bundle/1';

/** Which events a bundle holds. */
export type AuditScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'stream'; readonly stream: string }
  /** Every event whose data cites the instrument `number` of `issuer` signed in `year`. */
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
  /** The audit path of leaf `position - 1` in the checkpoint's tree, base64, leaf upwards. */
  readonly proof: ReadonlyArray<string>;
}

/** An offline audit bundle. */
export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly scope: AuditScope;
  /** The signed checkpoint note every proof leads to. */
  readonly checkpoint: string;
  readonly events: ReadonlyArray<AuditBundleEvent>;
}

/** The source document an event's data holds (every domain event holds one), if it holds one. */
const sourceOf = (data: unknown): Source | undefined => {
  const source: unknown =
    typeof data === 'object' && data !== null
      ? (data as { readonly source?: unknown }).source
      : undefined;
  return Source.is(source) ? source : undefined;
};

const cites = (event: StoredEvent, scope: AuditScope & { kind: 'instrument' }): boolean => {
  const source = sourceOf(event.data);
  if (source?.kind !== 'instrument') return false;
  const { issuer, number, signedOn } = source.instrument;
  return (
    issuer === scope.issuer && number === scope.number && signedOn.startsWith(`${scope.year}-`)
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

/**
 * Builds the bundle of `scope` against `signed`: reads the first `size` events of the store, and
 * proves each event of the scope among them. The store must still hold the checkpoint's log.
 */
export async function createAuditBundle(
  store: EventStore,
  scope: AuditScope,
  signed: SignedCheckpoint,
): Promise<E.Either<StoreUnavailable | CorruptEvent | TamperDetected, AuditBundle>> {
  const size = signed.checkpoint.size;
  const log: StoredEvent[] = [];
  while (BigInt(log.length) < size) {
    const page = await store.readAll({ after: BigInt(log.length) });
    if (E.isLeft(page)) return page;
    if (page.right.length === 0) break;
    log.push(...page.right.slice(0, Number(size) - log.length));
  }
  if (BigInt(log.length) < size) {
    const last = log.at(-1);
    return E.left(
      tamperDetected(
        last?.stream ?? '',
        last?.revision ?? -1n,
        size,
        'the log is shorter than the checkpoint',
      ),
    );
  }
  const tree = merkleTree(log.map((event) => event.hash));
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
      proof: tree
        .inclusionProof(Number(event.position) - 1, tree.size)
        .map((hash) => Buffer.from(hash).toString('base64')),
    }));
  return E.right({ format: AUDIT_BUNDLE_FORMAT, scope, checkpoint: signed.note, events });
}

/**
 * Verification of the whole log: walks the stored rows in global order and reports the first
 * broken link.
 *
 * What it detects: an edited field of any event (its hash no longer matches its content); a
 * removed event (a gap in the positions, or in its stream's revisions); an inserted event (a
 * repeated position or revision, or hashes that no longer match once later events are renumbered);
 * a reordered one (positions or revisions out of order, or a `previousHash` that is not the hash
 * of the stream's previous event); a row whose JSON does not parse (`CorruptEvent`).
 *
 * The chain alone is unkeyed and lives in the log itself: an attacker who rewrites events and
 * recomputes every later hash, or removes the newest events, leaves a log consistent on its own.
 * A signed checkpoint kept outside the store closes that gap: given one, the walk also computes
 * the RFC 6962 Merkle root of the first `size` events and compares it with the checkpoint's, and
 * a log shorter than `size` is reported as truncated; when the checkpoint commits to the scope
 * trees (stream heads, instrument tallies), the walk recomputes them too, so that what a scoped
 * bundle proves holds for the store. A caller that keeps only the last position and hash it saw
 * passes them as `expectHead` instead.
 *
 * @see docs/reference/domain.md rule 13
 */
import * as E from 'fp-ts/Either';
import type { Checkpoint } from './checkpoint.js';
import { corruptEvent, tamperDetected } from './errors.js';
import { tryCanonicalJson } from './canonical-json.js';
import { GENESIS_HASH, computeRawHash, type StreamHead } from './hash-chain.js';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot } from './merkle.js';
import type { VerifyReport } from './port.js';
import { ScopeIndex, type TreeHead } from './scope-index.js';
import type { RawStoredEvent } from './raw-event.js';

/** A position and hash of the log kept outside the store, e.g. after the last append seen. */
export interface LogAnchor {
  readonly position: bigint;
  readonly hash: string;
}

/** Options of {@link verifyLog}. */
export interface VerifyOptions {
  /** When given, the log must reach this position and the event there must have this hash. */
  readonly expectHead?: LogAnchor;
  /** When given, the log must hold at least its size, with its Merkle root over that prefix. */
  readonly checkpoint?: Checkpoint;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The value of JSON `text`, or why it is not JSON. */
const parseJson = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch (error) {
    return E.left(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
};

const canonicalText = (json: string): E.Either<string, { value: unknown; text: string }> => {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return E.left(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return E.map((text: string) => ({ value, text }))(tryCanonicalJson(value));
};

const sameTree = (a: TreeHead, b: TreeHead): boolean =>
  a.size === b.size && sameBytes(a.rootHash, b.rootHash);

/**
 * Verifies rows given in global position order: positions from 1 without gaps, revisions from 0
 * without gaps in each stream, every hash matching its content and linking to its stream's
 * previous event. Resolves to the first problem found, never rejects on bad data.
 */
export async function verifyLog(
  rows: AsyncIterable<RawStoredEvent> | Iterable<RawStoredEvent>,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const heads = new Map<string, StreamHead>();
  const anchor = options.expectHead;
  const checkpoint = options.checkpoint;
  let frontier = EMPTY_FRONTIER;
  const scopes = checkpoint?.scopes === undefined ? undefined : new ScopeIndex();
  let last: RawStoredEvent | undefined;
  let count = 0n;
  let lastMetadataJson: string | undefined;
  for await (const row of rows) {
    const tampered = (reason: string): VerifyReport => ({
      ok: false,
      problem: tamperDetected(row.stream, row.revision, row.position, reason),
    });
    const expectedPosition = (last?.position ?? 0n) + 1n;
    if (row.position < expectedPosition) {
      return tampered(
        `position ${row.position} comes after ${expectedPosition - 1n} (reordered or inserted)`,
      );
    }
    if (row.position > expectedPosition) {
      return tampered(
        `positions ${expectedPosition} to ${row.position - 1n} are missing (removed)`,
      );
    }
    // Rows written by this package hold canonical JSON, whose hash is that of the texts as they
    // are; the texts must still parse (a CorruptEvent otherwise), and only a row whose hash does
    // not match them as they are is canonicalised before it is found edited. The events of one
    // command share their metadata text, which is parsed once.
    const data = parseJson(row.dataJson);
    if (E.isLeft(data)) {
      return { ok: false, problem: corruptEvent(row.stream, row.revision, `data is ${data.left}`) };
    }
    if (row.metadataJson !== lastMetadataJson) {
      const metadata = parseJson(row.metadataJson);
      if (E.isLeft(metadata)) {
        return {
          ok: false,
          problem: corruptEvent(row.stream, row.revision, `metadata is ${metadata.left}`),
        };
      }
      lastMetadataJson = row.metadataJson;
    }
    let recomputed = computeRawHash(row);
    if (recomputed !== row.hash) {
      const dataJson = canonicalText(row.dataJson);
      if (E.isLeft(dataJson)) {
        return {
          ok: false,
          problem: corruptEvent(row.stream, row.revision, `data is ${dataJson.left}`),
        };
      }
      const metadataJson = canonicalText(row.metadataJson);
      if (E.isLeft(metadataJson)) {
        return {
          ok: false,
          problem: corruptEvent(row.stream, row.revision, `metadata is ${metadataJson.left}`),
        };
      }
      recomputed = computeRawHash({
        ...row,
        dataJson: dataJson.right.text,
        metadataJson: metadataJson.right.text,
      });
    }
    if (recomputed !== row.hash) return tampered('the hash does not match the content (edited)');
    const head = heads.get(row.stream);
    const expectedRevision = head === undefined ? 0n : head.revision + 1n;
    if (row.revision < expectedRevision) {
      return tampered(
        `revision ${row.revision} comes after ${expectedRevision - 1n} (reordered or inserted)`,
      );
    }
    if (row.revision > expectedRevision) {
      return tampered(
        `revisions ${expectedRevision} to ${row.revision - 1n} are missing (removed)`,
      );
    }
    if (row.previousHash !== (head?.hash ?? GENESIS_HASH)) {
      return tampered("previousHash is not the hash of the stream's previous event");
    }
    if (anchor !== undefined && row.position === anchor.position && row.hash !== anchor.hash) {
      return tampered('the hash differs from the anchor kept for this position (rewritten)');
    }
    if (checkpoint !== undefined && row.position <= checkpoint.size) {
      frontier = extendFrontier(frontier, [row.hash]);
      scopes?.add({ ...row, data: data.right });
      if (
        row.position === checkpoint.size &&
        !sameBytes(frontierRoot(frontier), checkpoint.rootHash)
      ) {
        return tampered(
          `the Merkle root of the first ${checkpoint.size} events differs from the signed checkpoint (rewritten)`,
        );
      }
      const signed = checkpoint.scopes;
      const roots = row.position === checkpoint.size ? scopes?.roots() : undefined;
      if (
        signed !== undefined &&
        roots !== undefined &&
        !(
          sameTree(roots.streams, signed.streams) && sameTree(roots.instruments, signed.instruments)
        )
      ) {
        return tampered(
          `the stream heads or instrument tallies of the first ${checkpoint.size} events differ from the signed checkpoint`,
        );
      }
    }
    heads.set(row.stream, { revision: row.revision, hash: row.hash });
    last = row;
    count += 1n;
  }
  if (checkpoint !== undefined && (last?.position ?? 0n) < checkpoint.size) {
    return {
      ok: false,
      problem: tamperDetected(
        last?.stream ?? '',
        last?.revision ?? -1n,
        checkpoint.size,
        `the log ends at position ${last?.position ?? 0n} but the signed checkpoint covers ${checkpoint.size} events (events removed from the end)`,
      ),
    };
  }
  if (anchor !== undefined && (last?.position ?? 0n) < anchor.position) {
    return {
      ok: false,
      problem: tamperDetected(
        last?.stream ?? '',
        last?.revision ?? -1n,
        anchor.position,
        `the log ends at position ${last?.position ?? 0n} but the anchor expects position ${anchor.position} (events removed from the end)`,
      ),
    };
  }
  return { ok: true, streams: heads.size, events: count };
}

/**
 * Inclusion proofs in the C2SP `tlog-proof@v1` text format, so that tools built for transparency
 * logs read them as they are:
 *
 * ```text
 * c2sp.org/tlog-proof@v1
 * index <zero-based leaf index>
 * <base64 hash>            (the audit path, from the leaf's sibling up, one per line)
 *
 * <the checkpoint's signed note, verbatim>
 * ```
 *
 * The optional `extra` line is not written: the leaf's data (the event hash) travels beside the
 * proof.
 *
 * @see docs/reference/domain.md rule 13
 */

/** The first line of every proof. */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

/** The `tlog-proof` of leaf `index` with audit path `proof` in the tree of the signed `note`. */
export function tlogProof(index: number, proof: ReadonlyArray<Uint8Array>, note: string): string {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new RangeError('A leaf index is a whole number from 0');
  }
  const path = proof.map((hash) => `${Buffer.from(hash).toString('base64')}\n`).join('');
  return `${TLOG_PROOF_HEADER}\nindex ${index}\n${path}\n${note}`;
}

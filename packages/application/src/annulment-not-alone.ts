/**
 * The refusal of an annulment batched with other changes.
 *
 * @see docs/reference/domain.md rule 14
 */
import type { RefusalShape } from '@mandate/core';

/**
 * An annulment is submitted alone, or in a batch with instrument recordings only (a decision file
 * records its instrument first): the scan finds the streams citing the instrument in the log,
 * where the batch's other changes are not yet.
 */
export interface AnnulmentNotAlone extends RefusalShape<'AnnulmentNotAlone'> {
  readonly rule: 14;
}
/** Builds an {@link AnnulmentNotAlone}. */
export const annulmentNotAlone = (): AnnulmentNotAlone => ({
  _tag: 'AnnulmentNotAlone',
  rule: 14,
  message: 'An annulment is submitted alone, or in a batch with instrument recordings only.',
});

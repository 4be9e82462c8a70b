/**
 * Annulments for a person to read: that an instrument was annulled ab initio, by which instrument,
 * effective when and recorded when; and what an instrument annulled, each with the table of the
 * changes it withdrew.
 */
import type { AnnulmentView, InstrumentAnnulments } from '../annulments.js';
import { renderChanges } from './changes.js';

/** The annulment of an instrument, in one sentence. */
export const annulmentLine = ({ by, effectiveOn, recordedAt }: AnnulmentView): string =>
  `Annulled ab initio by ${by}, effective ${effectiveOn}, recorded ${recordedAt}: every change it made is withdrawn.`;

/** Each annulment an instrument made, its line then the changes it withdrew. */
const annulledBlocks = (annulments: InstrumentAnnulments): ReadonlyArray<string> =>
  annulments.annulled.map(
    ({ annulled, effectiveOn, recordedAt, withdrawn }) =>
      `Annulled ${annulled} ab initio, effective ${effectiveOn}, recorded ${recordedAt}, ` +
      (withdrawn.length === 0
        ? 'withdrawing no change.'
        : `withdrawing ${withdrawn.length} changes:\n\n${renderChanges(withdrawn)}`),
  );

/**
 * The paragraphs telling the annulments an instrument took part in: its own annulment, then each
 * annulment it made; none when it took part in none.
 */
export const annulmentParagraphs = (annulments: InstrumentAnnulments): ReadonlyArray<string> => [
  ...(annulments.annulment === null ? [] : [annulmentLine(annulments.annulment)]),
  ...annulledBlocks(annulments),
];

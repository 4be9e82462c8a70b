/**
 * Changes for a person to read: one line per event the read model lists (`ChangeView`) — when
 * it took effect, what happened to which body or office (marked when an annulment withdrew it), the
 * document behind it, and when it was recorded.
 */
import type { Source } from '@mandate/core';
import type { ChangeView } from '@mandate/projections';
import { renderTable } from './table.js';

/** The document behind a change, in short: an instrument's number, issuer and date, or a report. */
export const sourceText = (source: Source): string =>
  source.kind === 'instrument'
    ? `${source.instrument.number} (${source.instrument.issuer}, ${source.instrument.signedOn})`
    : `report ${source.report.reference} (${source.report.submittedOn})`;

/** What a change did, its event type, marked `(withdrawn)` when an annulment withdrew it. */
export const changeText = (change: ChangeView): string =>
  change.withdrawn === true ? `${change.type} (withdrawn)` : change.type;

/** A table of changes, or a sentence when there is none. */
export const renderChanges = (changes: ReadonlyArray<ChangeView>): string =>
  changes.length === 0
    ? 'No change.'
    : renderTable({
        headings: ['effective', 'change', 'of', 'source', 'recorded', 'position'],
        rows: changes.map((change) => [
          change.effectiveOn,
          changeText(change),
          `${change.aggregate} ${change.aggregateId}`,
          sourceText(change.source),
          change.recordedAt,
          change.position.toString(),
        ]),
      });

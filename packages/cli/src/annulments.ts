/**
 * The annulments ab initio an instrument took part in, as known at an instant: the one that
 * annulled it, and those it made, each with the changes it withdrew — all from the read model:
 * an instrument's record holds its annulment (`InstrumentRecord.annulment`: by which instrument,
 * effective and recorded when), the annulling one lists it among its `annuls` relations, and
 * `changesByInstrument` marks the withdrawn changes.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import type { CalendarDate, Instant, InstrumentKey } from '@mandate/core';
import type { ChangeView, InstrumentRecord, InstrumentView } from '@mandate/projections';
import type { QueryContext } from './command-context.js';
import type { CliFailure } from './failure.js';
import { refusalOf } from './query-refusal.js';

/** One annulment ab initio: which instrument annulled which, effective when, recorded when. */
export interface AnnulmentView {
  /** The annulled instrument's canonical key. */
  readonly annulled: InstrumentKey;
  /** The annulling instrument's canonical key. */
  readonly by: InstrumentKey;
  readonly effectiveOn: CalendarDate;
  readonly recordedAt: Instant;
}

/** An annulment an instrument made, with the annulled instrument's changes it withdrew. */
export interface AnnulmentMade extends AnnulmentView {
  readonly withdrawn: ReadonlyArray<ChangeView>;
}

/** The annulments an instrument took part in, as known at the instant asked about. */
export interface InstrumentAnnulments {
  /** The annulment of the instrument itself, or `null` when none is known. */
  readonly annulment: AnnulmentView | null;
  /** The annulments it made, in the order its relations list them. */
  readonly annulled: ReadonlyArray<AnnulmentMade>;
}

/** The annulment of `record`'s instrument, as the CLI shows it, or `null` when none is known. */
const annulmentOf = ({ key, annulment }: InstrumentRecord): AnnulmentView | null =>
  annulment === undefined
    ? null
    : {
        annulled: key,
        by: annulment.by,
        effectiveOn: annulment.effectiveOn,
        recordedAt: annulment.recordedAt,
      };

/**
 * The annulments the instrument of `record` took part in, as known at the context's instant:
 * its own, and those it made (the instruments it `annuls` whose annulment names it) with the
 * changes each withdrew (whatever their effective date: an annulment ab initio withdraws them on
 * every date).
 */
export async function annulmentsOf(
  { queries, knownAt }: Pick<QueryContext, 'queries' | 'knownAt'>,
  record: InstrumentView,
): Promise<E.Either<CliFailure, InstrumentAnnulments>> {
  const annulled: AnnulmentMade[] = [];
  for (const { kind, instrument } of record.relations) {
    const made = annulmentOf(instrument);
    if (kind !== 'annuls' || made?.by !== record.key) continue;
    const withdrawn = await queries.changesByInstrument(instrument.instrument, knownAt);
    if (E.isLeft(withdrawn)) return E.left(refusalOf(withdrawn.left));
    annulled.push({ ...made, withdrawn: withdrawn.right });
  }
  return E.right({ annulment: annulmentOf(record), annulled });
}

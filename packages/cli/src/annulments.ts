/**
 * The annulments ab initio an instrument took part in, as known at an instant: the one that
 * annulled it, and those it made, each with the changes it withdrew. The read model says which
 * instrument annulled which (`InstrumentRecord.annulledBy`, and the annulling one's `annuls`
 * relation) and marks the withdrawn changes (`changesByInstrument`); when an annulment is
 * recorded and from which date it takes effect, it does not keep, so those are read from the
 * `InstrumentAnnulled` events of the instrument registry's stream — only when the read model
 * says, as known at the instant asked about, that the instrument took part in one. An instrument
 * is annulled at most once, so the log's event of an annulment the read model knows is the one.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { INSTRUMENTS_STREAM } from '@mandate/application';
import { instrumentKey, type CalendarDate, type Instant, type InstrumentKey } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import { decodeReadSide, type ChangeView, type InstrumentView } from '@mandate/projections';
import type { QueryContext } from './command-context.js';
import { checkFailed, type CliFailure } from './failure.js';
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

/** Nothing annulled, nothing annulling. */
const NONE: InstrumentAnnulments = { annulment: null, annulled: [] };

/** Every annulment the log holds, from the registry's stream. */
async function recordedAnnulments(
  store: EventStore,
): Promise<E.Either<CliFailure, ReadonlyArray<AnnulmentView>>> {
  const read = await store.readStream(INSTRUMENTS_STREAM);
  if (E.isLeft(read)) {
    return read.left._tag === 'StreamNotFound'
      ? E.right([])
      : E.left(checkFailed(read.left.message));
  }
  const annulments: AnnulmentView[] = [];
  for (const stored of read.right) {
    const decoded = decodeReadSide(stored);
    if (E.isLeft(decoded)) return E.left(checkFailed(decoded.left.message));
    const event = decoded.right;
    if (event.aggregate !== 'instrument' || event.event.type !== 'InstrumentAnnulled') continue;
    const { instrument, effectiveOn, source } = event.event.data;
    if (source.kind !== 'instrument') continue;
    annulments.push({
      annulled: instrumentKey(instrument),
      by: instrumentKey(source.instrument),
      effectiveOn,
      recordedAt: stored.recordedAt,
    });
  }
  return E.right(annulments);
}

/** The read model knows of an annulment the log does not hold: they do not belong together. */
const unrecorded = (annulled: InstrumentKey, by: InstrumentKey): CliFailure =>
  checkFailed(
    `the read model says ${by} annulled ${annulled}, but the log holds no such annulment`,
  );

/** The instruments `record` annulled, as the read model knows them: `annuls` and annulled by it. */
const annulledByIt = (record: InstrumentView): ReadonlyArray<InstrumentView['relations'][number]> =>
  record.relations.filter(
    ({ kind, instrument }) => kind === 'annuls' && instrument.annulledBy === record.key,
  );

/**
 * The annulments the instrument of `record` took part in, as known at the context's instant:
 * its own, and those it made with the changes each withdrew (whatever their effective date: an
 * annulment ab initio withdraws them on every date).
 */
export async function annulmentsOf(
  { queries, store, knownAt }: QueryContext,
  record: InstrumentView,
): Promise<E.Either<CliFailure, InstrumentAnnulments>> {
  const made = annulledByIt(record);
  if (record.annulledBy === undefined && made.length === 0) return E.right(NONE);
  const recorded = await recordedAnnulments(store);
  if (E.isLeft(recorded)) return recorded;
  const find = (annulled: InstrumentKey, by: InstrumentKey) =>
    recorded.right.find((view) => view.annulled === annulled && view.by === by);
  const annulment =
    record.annulledBy === undefined ? undefined : find(record.key, record.annulledBy);
  if (annulment === undefined && record.annulledBy !== undefined)
    return E.left(unrecorded(record.key, record.annulledBy));
  const annulled: AnnulmentMade[] = [];
  for (const { instrument } of made) {
    const view = find(instrument.key, record.key);
    if (view === undefined) return E.left(unrecorded(instrument.key, record.key));
    const withdrawn = await queries.changesByInstrument(instrument.instrument, knownAt);
    if (E.isLeft(withdrawn)) return E.left(refusalOf(withdrawn.left));
    annulled.push({ ...view, withdrawn: withdrawn.right });
  }
  return E.right({ annulment: annulment ?? null, annulled });
}

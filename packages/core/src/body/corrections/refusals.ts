/**
 * Why a correction of a body's record is refused: the event it names is not in the stream, records
 * no fact of the kind corrected, ended the body by a reorganisation (corrected across its bodies,
 * not on one), or the corrected fact would break a rule — leave the body's life
 * (rule 4), pass a change of the same record (rule 14), leave a filed report outside its
 * obligation (rule 7). Two heads or one holder in two seats are the roster's own refusals.
 *
 * @see docs/reference/domain.md rules 4, 7 and 14
 */
import type {
  BodyId,
  CalendarDate,
  EventId,
  ObligationId,
  RefusalShape,
  ReorganisationId,
  ReportId,
  ValidInterval,
} from '../../kernel/index.js';
import type { EndReason } from '../lifecycle.js';
import type { PeriodLabel } from '../period.js';
import type { Correction } from './commands.js';

/** The body's stream holds no event with the id a correction names. */
export interface UnknownEvent extends RefusalShape<'UnknownEvent'> {
  readonly rule: 14;
  readonly bodyId: BodyId;
  readonly corrects: EventId;
}
/** Refuses a correction naming an event the body's stream does not hold. */
export const unknownEvent = (bodyId: BodyId, corrects: EventId): UnknownEvent => ({
  _tag: 'UnknownEvent',
  rule: 14,
  bodyId,
  corrects,
  message: `Body ${bodyId} has recorded no event ${corrects} to correct.`,
});

/**
 * The event a correction names first recorded no fact of the kind corrected (a correction names
 * the original event, never an earlier correction), or the fact it recorded no longer stands.
 */
export interface NothingRecordedBy extends RefusalShape<'NothingRecordedBy'> {
  readonly rule: 14;
  readonly corrects: EventId;
  readonly eventType: string;
  readonly correction: Correction['correct'];
}
/** Refuses a correction of a kind the named event did not record. */
export const nothingRecordedBy = (
  corrects: EventId,
  eventType: string,
  correction: NothingRecordedBy['correction'],
): NothingRecordedBy => ({
  _tag: 'NothingRecordedBy',
  rule: 14,
  corrects,
  eventType,
  correction,
  message: `Event ${corrects} (${eventType}) first recorded no ${correction.toLowerCase()} to correct; name the event that first recorded it.`,
});

/**
 * The event a date correction names ended the body by a reorganisation, which ended or established
 * other bodies on the same date: its date is not corrected on one body. The way to fix it is to
 * annul the reorganisation's instrument (`AnnulInstrument`) and record the reorganisation again
 * on the right date.
 */
export interface EndedByReorganisation extends RefusalShape<'EndedByReorganisation'> {
  readonly rule: 14;
  readonly corrects: EventId;
  readonly reason: EndReason;
  readonly reorganisationId?: ReorganisationId;
}
/** Refuses correcting the date of an end by reorganisation on one body. */
export const endedByReorganisation = (
  corrects: EventId,
  reason: EndReason,
  reorganisationId: ReorganisationId | undefined,
): EndedByReorganisation => ({
  _tag: 'EndedByReorganisation',
  rule: 14,
  corrects,
  reason,
  ...(reorganisationId === undefined ? {} : { reorganisationId }),
  message: `Event ${corrects} ended the body by ${reason}${reorganisationId === undefined ? '' : ` (reorganisation ${reorganisationId})`}, which spans several bodies; annul the reorganisation's instrument and record the reorganisation again on the right date.`,
});

/** A corrected date would leave a fact outside the life of what it belongs to. */
export interface CorrectionOutsideLife extends RefusalShape<'CorrectionOutsideLife'> {
  readonly rule: 4;
  readonly fact: string;
  readonly on: CalendarDate;
  readonly life: ValidInterval;
}
/** Refuses a correction that puts `fact`, dated `on`, outside `life`. */
export const correctionOutsideLife = (
  fact: string,
  on: CalendarDate,
  life: ValidInterval,
): CorrectionOutsideLife => ({
  _tag: 'CorrectionOutsideLife',
  rule: 4,
  fact,
  on,
  life,
  message: `After the correction, ${fact} on ${on} would lie outside [${life.from}, ${life.to ?? '…'}).`,
});

/** A corrected date would pass another change of the same record, or end it before it began. */
export interface CorrectionCrossesChange extends RefusalShape<'CorrectionCrossesChange'> {
  readonly rule: 14;
  readonly record: string;
  readonly on: CalendarDate;
  readonly changedOn: CalendarDate;
}
/** Refuses a correction that moves a date of `record` to `on`, past its change on `changedOn`. */
export const correctionCrossesChange = (
  record: string,
  on: CalendarDate,
  changedOn: CalendarDate,
): CorrectionCrossesChange => ({
  _tag: 'CorrectionCrossesChange',
  rule: 14,
  record,
  on,
  changedOn,
  message: `After the correction, ${record} would change on ${changedOn}, not after ${on}; correct that change first.`,
});

/** A corrected date would leave a filed report outside its obligation's validity. */
export interface CorrectionStrandsReport extends RefusalShape<'CorrectionStrandsReport'> {
  readonly rule: 7;
  readonly obligationId: ObligationId;
  readonly reportId: ReportId;
  readonly period: PeriodLabel;
}
/** Refuses a correction after which `reportId` reports for a period its obligation misses. */
export const correctionStrandsReport = (
  obligationId: ObligationId,
  reportId: ReportId,
  period: PeriodLabel,
): CorrectionStrandsReport => ({
  _tag: 'CorrectionStrandsReport',
  rule: 7,
  obligationId,
  reportId,
  period,
  message: `After the correction, obligation ${obligationId} would not be in force during ${period}, for which report ${reportId} was filed.`,
});

/** Every reason a correction of a body's record is refused, beyond the body's own. */
export type CorrectionRefusal =
  | UnknownEvent
  | NothingRecordedBy
  | EndedByReorganisation
  | CorrectionOutsideLife
  | CorrectionCrossesChange
  | CorrectionStrandsReport;

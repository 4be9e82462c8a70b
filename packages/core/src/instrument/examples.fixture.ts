/**
 * Builders the instrument registry's examples share: a placeholder decision of the province, its
 * citation, the source an event records for it, and its `InstrumentRecorded` event.
 */
import type { CalendarDate, LegalBasis } from '../kernel/index.js';
import type { Event } from './index.js';

/** A placeholder decision of `ubnd-tinh` numbered `number`, signed on `signedOn`. */
export const basis = (number: string, signedOn: string): LegalBasis =>
  ({
    type: 'decision',
    number,
    issuer: 'ubnd-tinh',
    signer: { name: 'Nguyễn Văn A' },
    signedOn,
  }) as unknown as LegalBasis;

/** How an event or command cites `instrument`. */
export const citation = ({ number, issuer, signedOn }: LegalBasis) => ({
  number,
  issuer,
  signedOn,
});

/** The source an event records for `instrument`. */
export const source = (instrument: LegalBasis) => ({ kind: 'instrument' as const, instrument });

/** The `InstrumentRecorded` event of `instrument`, with `relations` (none by default). */
export const recorded = (instrument: LegalBasis, relations: ReadonlyArray<object> = []): Event =>
  ({
    type: 'InstrumentRecorded',
    data: {
      instrument,
      relations,
      effectiveOn: instrument.signedOn as CalendarDate,
      source: source(instrument),
    },
  }) as Event;

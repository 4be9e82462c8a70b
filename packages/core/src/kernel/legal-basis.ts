/**
 * Source documents. Every event carries the document behind it (docs/reference/domain.md rule 8): a legal
 * instrument for any change to a body, office, person or authority, or, for a filed report, the
 * report itself.
 *
 * An instrument's identity is its number + issuing authority + signing year: numbers restart
 * every year and per issuer, so a citation with the wrong year never resolves to another
 * instrument. Issuer and signer differ (a vice chair signs "for" the committee).
 */
import * as t from 'io-ts';
import { CalendarDate } from './calendar-date.js';
import { oneOf, struct } from './codec.js';
import { AuthorityId, BodyId, PersonId } from './ids.js';
import { Name, BilingualName } from './text.js';

/** The kinds of legal instrument Mandate cites. */
export const InstrumentType = oneOf('InstrumentType', [
  'decision',
  'directive',
  'plan',
  'official-letter',
  'resolution',
  'law',
  'decree',
  'circular',
]);
/** The kinds of legal instrument Mandate cites. */
export type InstrumentType = t.TypeOf<typeof InstrumentType>;

const NUMBER_PATTERN = /^[\p{L}\p{N}…][\p{L}\p{N}./\-_ …]{0,99}$/u;

/** The brand of a {@link DocumentNumber}. */
export interface DocumentNumberBrand {
  readonly DocumentNumber: unique symbol;
}
/** An instrument or document number as printed, e.g. `1234/QĐ-UBND`, in NFC. */
export type DocumentNumber = string & DocumentNumberBrand;
/** Decodes a printed document number (letters, digits, `.`, `/`, `-`, `_`, spaces, `…`), in NFC. */
export const DocumentNumber = new t.Type<DocumentNumber, string, unknown>(
  'DocumentNumber',
  (u): u is DocumentNumber =>
    typeof u === 'string' && u.normalize('NFC') === u && NUMBER_PATTERN.test(u),
  (u, c) =>
    typeof u === 'string' && NUMBER_PATTERN.test(u.normalize('NFC'))
      ? t.success(u.normalize('NFC') as DocumentNumber)
      : t.failure(u, c, 'DocumentNumber must be 1-100 letters, digits or . / - _ … and spaces'),
  (a) => a,
);

/** Who signed an instrument, and in which capacity (e.g. "Phó Chủ tịch", signing "KT. Chủ tịch"). */
export const Signer = struct('Signer', { name: Name }, { title: Name, person: PersonId });
/** Who signed an instrument, and in which capacity. */
export type Signer = t.TypeOf<typeof Signer>;

/** A legal instrument: type, number, issuing authority, signer and signing date. */
export const LegalBasis = struct(
  'LegalBasis',
  {
    type: InstrumentType,
    number: DocumentNumber,
    issuer: AuthorityId,
    signer: Signer,
    signedOn: CalendarDate,
  },
  { title: BilingualName },
);
/** A legal instrument: type, number, issuing authority, signer and signing date. */
export type LegalBasis = t.TypeOf<typeof LegalBasis>;

/** A filed report or review, as a document: its reference, the body that filed it, its date. */
export const ReportDocument = struct(
  'ReportDocument',
  { reference: DocumentNumber, filedBy: BodyId, submittedOn: CalendarDate },
  { title: BilingualName, signer: Signer },
);
/** A filed report or review, as a document. */
export type ReportDocument = t.TypeOf<typeof ReportDocument>;

/** The source document behind an event: a legal instrument, or a filed report. */
export const Source = t.union(
  [
    struct('InstrumentSource', { kind: t.literal('instrument'), instrument: LegalBasis }),
    struct('ReportSource', { kind: t.literal('report'), report: ReportDocument }),
  ],
  'Source',
);
/** The source document behind an event: a legal instrument, or a filed report. */
export type Source = t.TypeOf<typeof Source>;

/** The source of an event caused by a legal instrument. */
export const instrumentSource = (instrument: LegalBasis): Source => ({
  kind: 'instrument',
  instrument,
});
/** The source of an event caused by filing a report. */
export const reportSource = (report: ReportDocument): Source => ({ kind: 'report', report });

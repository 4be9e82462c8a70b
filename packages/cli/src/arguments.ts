/**
 * Decoders of command-line arguments, each to the core's own type or an {@link InvalidArgument}:
 * valid dates (`CalendarDate`, `YYYY-MM-DD`), known instants (`Instant`, an ISO-8601 UTC
 * timestamp; a date alone means the start of that day, UTC), body and person ids, years, and
 * instrument citations. `argumentParser` hands a decoder to commander, which reports a refusal
 * as a usage error.
 */
import { InvalidArgumentError } from 'commander';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  AuthorityId,
  BodyId,
  CalendarDate,
  DocumentNumber,
  Instant,
  PersonId,
  calendarDate,
  decodeWith,
} from '@mandate/core';
import type { InstrumentCitation } from '@mandate/projections';
import { invalidArgument, type InvalidArgument } from './failure.js';

/** Decodes one argument's text. */
export type ArgumentDecoder<A> = (value: string) => E.Either<InvalidArgument, A>;

/** The decoder of `codec`, refusals naming `argument`. */
const decoderOf =
  <A>(codec: t.Type<A, string, unknown>, argument: string): ArgumentDecoder<A> =>
  (value) =>
    E.mapLeft((failure: { readonly message: string }) =>
      invalidArgument(argument, value, failure.message),
    )(decodeWith(codec, value));

/** A valid date, `YYYY-MM-DD`. */
export const decodeDate = (argument: string): ArgumentDecoder<CalendarDate> =>
  decoderOf(CalendarDate, argument);

/** A known instant: `2019-07-01T03:00:00.000Z`, or a date alone for the start of that day (UTC). */
export const decodeInstant =
  (argument: string): ArgumentDecoder<Instant> =>
  (value) => {
    const written = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
    return E.mapLeft(() =>
      invalidArgument(
        argument,
        value,
        'give an ISO-8601 UTC instant like 2019-07-01T03:00:00.000Z, or a date YYYY-MM-DD',
      ),
    )(decoderOf(Instant, argument)(written));
  };

/** A body id. */
export const decodeBodyId = (argument: string): ArgumentDecoder<BodyId> =>
  decoderOf(BodyId, argument);

/** A person id. */
export const decodePersonId = (argument: string): ArgumentDecoder<PersonId> =>
  decoderOf(PersonId, argument);

/** An issuing authority's id. */
export const decodeAuthorityId = (argument: string): ArgumentDecoder<AuthorityId> =>
  decoderOf(AuthorityId, argument);

/** A signing year, 1900–2999. */
export const decodeYear =
  (argument: string): ArgumentDecoder<number> =>
  (value) => {
    const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
    return calendarDate(year, 1, 1) === undefined
      ? E.left(invalidArgument(argument, value, 'give a year of four digits, 1900-2999'))
      : E.right(year);
  };

/** What names an instrument on the command line: a citation, or its issuer and year given apart. */
export interface CitationParts {
  /** `1072/QĐ-TTg`, or the canonical key `1072/QĐ-TTG|issuer|2018`. */
  readonly citation: string;
  readonly issuer?: string;
  readonly year?: string;
}

/**
 * Decodes an instrument citation: the canonical key `NUMBER|ISSUER|YEAR`, or a printed number
 * with `--issuer` and `--year`. The read model knows an instrument by number, issuer and signing
 * year only, so the citation's signing date is the first day of its year.
 */
export function decodeCitation(
  parts: CitationParts,
  argument: string,
): E.Either<InvalidArgument, InstrumentCitation> {
  const pieces = parts.citation.split('|');
  const [number, issuer, year] =
    pieces.length === 3 ? pieces : [parts.citation, parts.issuer, parts.year];
  if (pieces.length !== 1 && pieces.length !== 3) {
    return E.left(
      invalidArgument(
        argument,
        parts.citation,
        'a canonical key has three parts, NUMBER|ISSUER|YEAR',
      ),
    );
  }
  if (issuer === undefined || year === undefined) {
    return E.left(
      invalidArgument(
        argument,
        parts.citation,
        'give the issuer and the signing year (--issuer ID --year YYYY), or the key NUMBER|ISSUER|YEAR',
      ),
    );
  }
  const decodedNumber = decoderOf(DocumentNumber, argument)(number ?? '');
  if (E.isLeft(decodedNumber)) return decodedNumber;
  const decodedIssuer = decodeAuthorityId('--issuer')(issuer);
  if (E.isLeft(decodedIssuer)) return decodedIssuer;
  const decodedYear = decodeYear('--year')(year);
  if (E.isLeft(decodedYear)) return decodedYear;
  return E.right({
    number: decodedNumber.right,
    issuer: decodedIssuer.right,
    signedOn: calendarDate(decodedYear.right, 1, 1) as CalendarDate,
  });
}

/** Hands a decoder to commander: a refusal becomes commander's usage error, with its reason. */
export const argumentParser =
  <A>(decode: ArgumentDecoder<A>) =>
  (value: string): A => {
    const decoded = decode(value);
    if (E.isLeft(decoded)) throw new InvalidArgumentError(decoded.left.reason);
    return decoded.right;
  };

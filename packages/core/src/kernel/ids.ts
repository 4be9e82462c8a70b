/**
 * Branded identifiers. Ids are chosen by the caller (the core has no randomness): any string of
 * 1–128 characters from letters, digits and `.`, `_`, `:`, `-`, starting with a letter or digit.
 */
import * as t from 'io-ts';

/** The longest identifier the core accepts. */
export const MAX_ID_LENGTH = 128;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function idCodec<B>(name: string) {
  return new t.Type<string & B, string, unknown>(
    name,
    (u): u is string & B => typeof u === 'string' && ID_PATTERN.test(u),
    (u, c) =>
      typeof u === 'string' && ID_PATTERN.test(u)
        ? t.success(u as string & B)
        : t.failure(
            u,
            c,
            `${name} must be 1-${MAX_ID_LENGTH} letters, digits, '.', '_', ':' or '-', starting with a letter or digit`,
          ),
    (a) => a,
  );
}

/** The brand that keeps ids of different kinds apart at compile time. */
export interface IdBrand<N extends string> {
  readonly idKind: N;
}
type Id<N extends string> = string & IdBrand<N>;

/** Identifies an authority (an issuer of legal instruments). */
export type AuthorityId = Id<'AuthorityId'>;
/** Identifies an authority (an issuer of legal instruments). */
export const AuthorityId = idCodec<IdBrand<'AuthorityId'>>('AuthorityId');
/** Identifies a governance body. */
export type BodyId = Id<'BodyId'>;
/** Identifies a governance body. */
export const BodyId = idCodec<IdBrand<'BodyId'>>('BodyId');
/** Identifies a public office (a post outside any body). */
export type OfficeId = Id<'OfficeId'>;
/** Identifies a public office (a post outside any body). */
export const OfficeId = idCodec<IdBrand<'OfficeId'>>('OfficeId');
/** Identifies a natural person. */
export type PersonId = Id<'PersonId'>;
/** Identifies a natural person. */
export const PersonId = idCodec<IdBrand<'PersonId'>>('PersonId');
/** Identifies a seat within one body. */
export type SeatId = Id<'SeatId'>;
/** Identifies a seat within one body. */
export const SeatId = idCodec<IdBrand<'SeatId'>>('SeatId');
/** Identifies a duty within one body. */
export type DutyId = Id<'DutyId'>;
/** Identifies a duty within one body. */
export const DutyId = idCodec<IdBrand<'DutyId'>>('DutyId');
/** Identifies a reporting obligation within one body. */
export type ObligationId = Id<'ObligationId'>;
/** Identifies a reporting obligation within one body. */
export const ObligationId = idCodec<IdBrand<'ObligationId'>>('ObligationId');
/** Identifies a filed report (or a correction of one) within one body. */
export type ReportId = Id<'ReportId'>;
/** Identifies a filed report (or a correction of one) within one body. */
export const ReportId = idCodec<IdBrand<'ReportId'>>('ReportId');
/** Identifies one reorganisation (merger, absorption, split, succession). */
export type ReorganisationId = Id<'ReorganisationId'>;
/** Identifies one reorganisation (merger, absorption, split, succession). */
export const ReorganisationId = idCodec<IdBrand<'ReorganisationId'>>('ReorganisationId');
/** Identifies one submitted command, for idempotency. */
export type CommandId = Id<'CommandId'>;
/** Identifies one submitted command, for idempotency. */
export const CommandId = idCodec<IdBrand<'CommandId'>>('CommandId');
/** Identifies one stored event; chosen by whoever appends it (the core never makes one). */
export type EventId = Id<'EventId'>;
/** Identifies one stored event; chosen by whoever appends it (the core never makes one). */
export const EventId = idCodec<IdBrand<'EventId'>>('EventId');

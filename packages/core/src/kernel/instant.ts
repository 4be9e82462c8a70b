/**
 * Recorded time. An {@link Instant} is the moment the system learned a fact, written as an
 * ISO-8601 UTC timestamp with milliseconds (`2019-07-01T03:00:00.000Z`). The core never makes
 * one: instants arrive with stored events, stamped by a store's injectable clock.
 */
import * as t from 'io-ts';

/** The brand of a {@link Instant}. */
export interface InstantBrand {
  readonly Instant: unique symbol;
}
/** An ISO-8601 UTC timestamp with milliseconds, e.g. `2019-07-01T03:00:00.000Z`. */
export type Instant = string & InstantBrand;

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True when `u` is a canonical UTC instant that names a real moment. */
export const isInstant = (u: unknown): u is Instant =>
  typeof u === 'string' &&
  INSTANT_PATTERN.test(u) &&
  !Number.isNaN(Date.parse(u)) &&
  new Date(Date.parse(u)).toISOString() === u;

/** Decodes canonical ISO-8601 UTC timestamps with milliseconds. */
export const Instant = new t.Type<Instant, string, unknown>(
  'Instant',
  isInstant,
  (u, c) =>
    isInstant(u)
      ? t.success(u)
      : t.failure(u, c, 'Instant must be an ISO-8601 UTC timestamp like 2019-07-01T03:00:00.000Z'),
  (a) => a,
);

/** The instant of an epoch-millisecond time. */
export const instantOf = (epochMilliseconds: number): Instant =>
  new Date(epochMilliseconds).toISOString() as Instant;

/** The epoch milliseconds of an instant. */
export const epochMillisecondsOf = (instant: Instant): number => Date.parse(instant);

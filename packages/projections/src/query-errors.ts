/**
 * Why a read-model query gives no answer: the question is not well formed (a valid date that is
 * not a calendar date, a known instant that names no moment), or it is about a body, a person or
 * an instrument the read side does not know at the instant asked. A query refuses such a question with a value
 * recognised by its `_tag`, rather than answering with an empty list that would pass for "nothing
 * there"; refusing changes nothing.
 *
 * @see docs/reference/domain.md "Questions the read models answer"
 */
import { isCalendarDate, isInstant } from '@mandate/core';
import type { BodyId, CalendarDate, Instant, InstrumentKey, PersonId } from '@mandate/core';
import * as E from 'fp-ts/Either';

/** A query argument that is not a real calendar date or instant. */
export interface InvalidQuery {
  readonly _tag: 'InvalidQuery';
  /** The argument at fault. */
  readonly argument: 'on' | 'from' | 'to' | 'knownAt';
  /** The value given. */
  readonly value: string;
}

/**
 * A body of which no fact is known at the instant asked (never established, or established only
 * in events recorded later). A body known at the instant but established after the valid date
 * asked is not unknown: it simply has no seats, duties or obligations on that date.
 */
export interface UnknownBody {
  readonly _tag: 'UnknownBody';
  readonly bodyId: BodyId;
  /** The instant asked at; absent for current knowledge. */
  readonly knownAt?: Instant;
}

/**
 * A person who, as known at the instant asked, held no office and sat in no seat: persons have no
 * stream of their own, so the read side knows them only through what they held.
 */
export interface UnknownPerson {
  readonly _tag: 'UnknownPerson';
  readonly personId: PersonId;
  /** The instant asked at; absent for current knowledge. */
  readonly knownAt?: Instant;
}

/**
 * An instrument not recorded under the canonical key a citation names, as known at the instant
 * asked — a citation with the wrong year names another key, so it is unknown too.
 */
export interface UnknownInstrument {
  readonly _tag: 'UnknownInstrument';
  /** The canonical key looked up, `NUMBER|ISSUER|YEAR`. */
  readonly key: InstrumentKey;
  /** The instant asked at; absent for current knowledge. */
  readonly knownAt?: Instant;
}

/** Every reason a read-model query gives no answer. */
export type QueryError = InvalidQuery | UnknownBody | UnknownPerson | UnknownInstrument;

/** Builds an {@link InvalidQuery}. */
export const invalidQuery = (argument: InvalidQuery['argument'], value: string): InvalidQuery => ({
  _tag: 'InvalidQuery',
  argument,
  value,
});

/** Builds an {@link UnknownBody}. */
export const unknownBody = (bodyId: BodyId, knownAt: Instant | undefined): UnknownBody =>
  knownAt === undefined
    ? { _tag: 'UnknownBody', bodyId }
    : { _tag: 'UnknownBody', bodyId, knownAt };

/** Builds an {@link UnknownPerson}. */
export const unknownPerson = (personId: PersonId, knownAt: Instant | undefined): UnknownPerson =>
  knownAt === undefined
    ? { _tag: 'UnknownPerson', personId }
    : { _tag: 'UnknownPerson', personId, knownAt };

/** Builds an {@link UnknownInstrument}. */
export const unknownInstrument = (
  key: InstrumentKey,
  knownAt: Instant | undefined,
): UnknownInstrument =>
  knownAt === undefined
    ? { _tag: 'UnknownInstrument', key }
    : { _tag: 'UnknownInstrument', key, knownAt };

/**
 * The first of a query's arguments that is not a real calendar date (`dates`, in order) or, when
 * given, a real instant (`knownAt`), as an {@link InvalidQuery}; `undefined` when all are.
 */
function invalidArgument(
  dates: ReadonlyArray<readonly ['on' | 'from' | 'to', CalendarDate]>,
  knownAt: Instant | undefined,
): InvalidQuery | undefined {
  const date = dates.find(([, value]) => !isCalendarDate(value));
  if (date !== undefined) return invalidQuery(date[0], date[1]);
  return knownAt === undefined || isInstant(knownAt) ? undefined : invalidQuery('knownAt', knownAt);
}

/** `answer()` when the arguments are well formed, else the {@link InvalidQuery} they make. */
export async function whenValid<A, L>(
  dates: ReadonlyArray<readonly ['on' | 'from' | 'to', CalendarDate]>,
  knownAt: Instant | undefined,
  answer: () => Promise<E.Either<L, A>>,
): Promise<E.Either<InvalidQuery | L, A>> {
  const invalid = invalidArgument(dates, knownAt);
  return invalid === undefined ? answer() : E.left(invalid);
}

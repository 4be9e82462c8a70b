/**
 * The comparison every read-model property makes: one question `(body, on, knownAt)` asked of a
 * read model and of the oracle, for every query, must get equal answers. Kept in one place so
 * that each read-model store (memory, SQLite, PostgreSQL) is held to the same questions.
 *
 * @see DOMAIN.md rule 11
 */
import { expect } from 'vitest';
import type { BodyId, CalendarDate, Instant } from '@mandate/core';
import type { ReadModelQueries } from './views.js';

/** One question: a body, a valid date, and a known instant (current knowledge when absent). */
export interface Question {
  readonly bodyId: BodyId;
  readonly on: CalendarDate;
  readonly knownAt: Instant | undefined;
}

/** What the answers held, so that a property can check it reached the interesting paths. */
export interface Reached {
  /** Seats whose occupant was resolved through an office. */
  readonly viaOffice: number;
  /** Non-empty rosters asked as known at a past instant. */
  readonly pastRosters: number;
}

/** Asserts that the read model answers `question` exactly as the oracle does, for every query. */
export async function expectSameAnswers(
  model: ReadModelQueries,
  oracle: ReadModelQueries,
  { bodyId, on, knownAt }: Question,
): Promise<Reached> {
  const roster = await model.roster(bodyId, on, knownAt);
  expect(roster).toEqual(await oracle.roster(bodyId, on, knownAt));
  expect(await model.duties(bodyId, on, knownAt)).toEqual(await oracle.duties(bodyId, on, knownAt));
  expect(await model.body(bodyId, on, knownAt)).toEqual(await oracle.body(bodyId, on, knownAt));
  expect(await model.bodies(on, knownAt)).toEqual(await oracle.bodies(on, knownAt));
  return {
    viaOffice: roster.filter((s) => s.occupant?.kind === 'person' && s.occupant.via === 'office')
      .length,
    pastRosters: knownAt !== undefined && roster.length > 0 ? 1 : 0,
  };
}

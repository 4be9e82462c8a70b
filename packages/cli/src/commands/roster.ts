/**
 * `mandate roster BODY`: the seats of a body on `--on` as known at `--known-at` — roles, how each
 * seat is held (ex officio by an office, or named), and the person behind it — from
 * `ReadModelQueries.roster`, with the names of the people and offices from their streams.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { CalendarDate } from '@mandate/core';
import type { BodyView, RosterSeat } from '@mandate/projections';
import { nameBook, type NameBook } from '../output/name-book.js';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { registerBodyQuery } from './body-query.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate roster`. */
export interface RosterJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly body: BodyView;
  readonly seats: ReadonlyArray<RosterSeat>;
}

/** How the seat is held, in words: the office it follows, or the office a named holder sits as. */
async function heldAs(seat: RosterSeat, names: NameBook, on: CalendarDate): Promise<string> {
  const { holder } = seat;
  if (holder === null) return 'vacant by decision';
  if (holder.follows === 'office') return `ex officio: ${await names.office(holder.office, on)}`;
  return holder.asOffice === undefined
    ? 'named'
    : `named as ${await names.office(holder.asOffice, on)}`;
}

/** The person behind the seat on the date, with what qualifies them. */
async function occupantOf(seat: RosterSeat, names: NameBook): Promise<string> {
  const { occupant } = seat;
  if (occupant === null || occupant.kind === 'vacant') return '(vacant)';
  const notes = [
    ...(occupant.acting ? ['acting'] : []),
    ...(occupant.via === 'named' && occupant.holdsOffice === false
      ? ['no longer holds the office']
      : []),
  ];
  const name = await names.person(occupant.person);
  return notes.length === 0 ? name : `${name} (${notes.join(', ')})`;
}

/** A body's roster on a date as a titled table: seat, roles, the person and how the seat is held. */
export async function renderRoster(
  body: BodyView,
  seats: ReadonlyArray<RosterSeat>,
  names: NameBook,
  on: CalendarDate,
): Promise<string> {
  const title = `${bodyName(body)} (${body.bodyId}) on ${on}: ${body.status}`;
  if (seats.length === 0) return `${title}\nNo seat.`;
  const rows = await Promise.all(
    seats.map(async (seat) => [
      seat.seatId,
      seat.roles.join(', '),
      await occupantOf(seat, names),
      await heldAs(seat, names, on),
    ]),
  );
  return `${title}\n\n${renderTable({ headings: ['seat', 'roles', 'person', 'held'], rows })}`;
}

/** Registers `mandate roster BODY`. */
export function registerRosterCommand(program: Command): void {
  registerBodyQuery(program, {
    name: 'roster',
    summary: 'Show who sat in each seat of a body on a date.',
    jsonShape: '{ on, knownAt, body: BodyView, seats: RosterSeat[] }',
    answer: async ({ queries, store, bodyId, body, on, knownAt }) => {
      const seats = await queries.roster(bodyId, on, knownAt);
      if (E.isLeft(seats)) return E.left(refusalOf(seats.left));
      const json: RosterJson = { on, knownAt: knownAt ?? null, body, seats: seats.right };
      return E.right({
        json,
        text: () => renderRoster(body, seats.right, nameBook(store), on),
      });
    },
  });
}

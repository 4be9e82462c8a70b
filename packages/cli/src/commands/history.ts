/**
 * `mandate history BODY|PERSON`: a body's changes (every event about it that took effect on or
 * before `--on`, from `ReadModelQueries.changesBetween`), or a person's holdings (every office
 * and seat they held, begun on or before `--on`, from `ReadModelQueries.holdings`), as known at
 * `--known-at`. The id is looked up as a body first, then as a person.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { addDays, type BodyId, type CalendarDate, type PersonId } from '@mandate/core';
import {
  BEGINNING_OF_TIME,
  type BodyView,
  type ChangeView,
  type PersonHoldings,
} from '@mandate/projections';
import { argumentParser, decodeBodyId, decodePersonId } from '../arguments.js';
import {
  answerQuery,
  runAction,
  withQueryOptions,
  type QueryAnswer,
  type QueryContext,
  type QueryOptions,
} from '../command-context.js';
import type { CliFailure } from '../failure.js';
import { renderChanges } from '../output/changes.js';
import { nameBook, type NameBook } from '../output/name-book.js';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { queryRefused } from '../failure.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate history` for a body. */
export interface BodyHistoryJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly kind: 'body';
  readonly body: BodyView;
  readonly changes: ReadonlyArray<ChangeView>;
}

/** The `--json` shape of `mandate history` for a person. */
export interface PersonHistoryJson {
  readonly on: string;
  readonly knownAt: string | null;
  readonly kind: 'person';
  readonly person: string;
  readonly holdings: PersonHoldings;
}

const until = (to: CalendarDate | undefined): string => (to === undefined ? 'now' : to);

async function renderHoldings(
  person: PersonId,
  holdings: PersonHoldings,
  names: NameBook,
  on: CalendarDate,
): Promise<string> {
  const offices = await Promise.all(
    holdings.offices.map(async (tenure) => [
      await names.office(tenure.officeId, tenure.from),
      tenure.capacity,
      tenure.from,
      until(tenure.to),
    ]),
  );
  const seats = holdings.seats.map((tenure) => [
    `${tenure.bodyId} ${tenure.seatId}`,
    tenure.roles.join(', '),
    tenure.via === 'office' ? `ex officio (${tenure.office})` : 'named',
    tenure.from,
    until(tenure.to),
  ]);
  return [
    `What ${await names.person(person)} (${person}) held, begun by ${on}`,
    '',
    offices.length === 0
      ? 'No office.'
      : renderTable({ headings: ['office', 'capacity', 'from', 'until'], rows: offices }),
    '',
    seats.length === 0
      ? 'No seat.'
      : renderTable({ headings: ['seat', 'roles', 'basis', 'from', 'until'], rows: seats }),
  ].join('\n');
}

async function bodyHistory(
  context: QueryContext,
  body: BodyView,
): Promise<E.Either<CliFailure, QueryAnswer>> {
  const { queries, on, knownAt } = context;
  const to = addDays(on, 1) ?? on;
  const changes = await queries.changesBetween(BEGINNING_OF_TIME, to, knownAt);
  if (E.isLeft(changes)) return E.left(refusalOf(changes.left));
  const own = changes.right.filter(
    (change) => change.aggregate === 'body' && change.aggregateId === body.bodyId,
  );
  const json: BodyHistoryJson = { on, knownAt: knownAt ?? null, kind: 'body', body, changes: own };
  return E.right({
    json,
    text: () => `Changes of ${bodyName(body)} (${body.bodyId}) by ${on}\n\n${renderChanges(own)}`,
  });
}

async function personHistory(
  context: QueryContext,
  person: PersonId,
): Promise<E.Either<CliFailure, QueryAnswer>> {
  const { queries, store, on, knownAt } = context;
  const held = await queries.holdings(person, knownAt);
  if (E.isLeft(held)) {
    return E.left(
      held.left._tag === 'UnknownPerson'
        ? queryRefused(
            `no body or person ${person} is known${knownAt === undefined ? '' : ` as known at ${knownAt}`}`,
          )
        : refusalOf(held.left),
    );
  }
  const holdings: PersonHoldings = {
    offices: held.right.offices.filter((tenure) => tenure.from <= on),
    seats: held.right.seats.filter((tenure) => tenure.from <= on),
  };
  const json: PersonHistoryJson = {
    on,
    knownAt: knownAt ?? null,
    kind: 'person',
    person,
    holdings,
  };
  return E.right({ json, text: () => renderHoldings(person, holdings, nameBook(store), on) });
}

/** Registers `mandate history BODY|PERSON`. */
export function registerHistoryCommand(program: Command): void {
  withQueryOptions(
    program
      .command('history')
      .summary("Show a body's changes, or the offices and seats a person held.")
      .description(
        "Show a body's changes, or the offices and seats a person held." +
          '\n\nWith --json: for a body { on, knownAt, kind: "body", body: BodyView, changes: ChangeView[] },\n  for a person { on, knownAt, kind: "person", person, holdings: PersonHoldings }',
      )
      .argument('<id>', 'a body id or a person id', argumentParser(decodeBodyId('ID'))),
  ).action(
    runAction((id: BodyId, options: Partial<QueryOptions>, command: Command) =>
      answerQuery(command, options, async (context) => {
        const body = await context.queries.body(id, context.on, context.knownAt);
        if (E.isRight(body)) return bodyHistory(context, body.right);
        const person = decodePersonId('ID')(id);
        return E.isLeft(person) ? person : personHistory(context, person.right);
      }),
    ),
  );
}

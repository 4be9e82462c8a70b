/**
 * `mandate search TEXT`: the bodies (seen on `--on`), persons and instruments whose names contain
 * TEXT as known at `--known-at`, with or without Vietnamese diacritics (`Binh Phuoc` finds
 * `Bình Phước`; `Hòa` and `Hoà` match; `đ` reads as `d`; any case; white space collapsed) — from
 * `ReadModelQueries.bodiesNamed`, `persons` and `instruments`. A body is found by any name it has
 * borne, an instrument by its number or title.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import type { BodyView, InstrumentRecord, PersonView } from '@mandate/projections';
import { answerQuery, runAction, withQueryOptions, type QueryOptions } from '../command-context.js';
import { bodyName } from '../output/names.js';
import { renderTable } from '../output/table.js';
import { refusalOf } from '../query-refusal.js';

/** The `--json` shape of `mandate search`. */
export interface SearchJson {
  readonly search: string;
  readonly on: string;
  readonly knownAt: string | null;
  readonly bodies: ReadonlyArray<BodyView>;
  readonly persons: ReadonlyArray<PersonView>;
  readonly instruments: ReadonlyArray<InstrumentRecord>;
}

const renderSearch = ({ search, bodies, persons, instruments }: SearchJson): string => {
  const rows = [
    ...bodies.map((body) => ['body', body.bodyId, bodyName(body), body.status]),
    ...persons.map((person) => ['person', person.personId, person.name, '']),
    ...instruments.map(({ key, instrument }) => [
      'instrument',
      key,
      instrument.title?.vi ?? instrument.number,
      instrument.signedOn,
    ]),
  ];
  return rows.length === 0
    ? `Nothing is named ${JSON.stringify(search)}.`
    : renderTable({ headings: ['found', 'id', 'name', 'status or date'], rows });
};

/** Registers `mandate search TEXT`. */
export function registerSearchCommand(program: Command): void {
  withQueryOptions(
    program
      .command('search')
      .summary('Find bodies, persons and instruments by name, with or without diacritics.')
      .description(
        'Find the bodies (as they stood on a date), persons and instruments whose names contain TEXT,\n' +
          'with or without Vietnamese diacritics, in any case.' +
          '\n\nWith --json: { search, on, knownAt, bodies: BodyView[], persons: PersonView[],\n  instruments: InstrumentRecord[] }',
      )
      .argument('<text>', 'part of a name, e.g. "Binh Phuoc"'),
  ).action(
    runAction((search: string, options: Partial<QueryOptions>, command: Command) =>
      answerQuery(command, options, async ({ queries, on, knownAt }) => {
        const [bodies, persons, instruments] = await Promise.all([
          queries.bodiesNamed(search, on, knownAt),
          queries.persons(search, knownAt),
          queries.instruments(search, knownAt),
        ]);
        if (E.isLeft(bodies)) return E.left(refusalOf(bodies.left));
        if (E.isLeft(persons)) return E.left(refusalOf(persons.left));
        if (E.isLeft(instruments)) return E.left(refusalOf(instruments.left));
        const json: SearchJson = {
          search,
          on,
          knownAt: knownAt ?? null,
          bodies: bodies.right,
          persons: persons.right,
          instruments: instruments.right,
        };
        return E.right({ json, text: () => renderSearch(json) });
      }),
    ),
  );
}

/**
 * The queries about the registries and by name, over any {@link FactReader}: a recorded
 * instrument with its relations both ways (what it amends, and which later instruments amended,
 * replaced, repealed or annulled it), the instruments, persons and bodies whose names contain a
 * search text (folded for search, so with or without Vietnamese diacritics), and the question
 * every instrument query asks first: is the instrument known at the instant?
 *
 * @see docs/reference/domain.md rule 15 and "Questions the read models answer"
 */
import { instrumentKey, type BodyId, type CalendarDate, type Instant } from '@mandate/core';
import type { InstrumentKey, PersonId } from '@mandate/core';
import * as E from 'fp-ts/Either';
import type { FactReader } from './fact-store.js';
import type { Fact } from './facts.js';
import { RECORD_KEY, type RelationPayload } from './instrument-facts.js';
import type { InstrumentRecord } from './views.js';
import type { NamedKind, NamePayload } from './name-facts.js';
import type { PersonPayload } from './person-facts.js';
import { unknownInstrument, whenValid, type UnknownInstrument } from './query-errors.js';
import { foldForSearch } from './search-fold.js';
import type {
  BodyView,
  InstrumentRelationView,
  InstrumentView,
  PersonView,
  ReadModelQueries,
} from './views.js';

/** The queries this module answers. */
export type RegistryQueries = Pick<
  ReadModelQueries,
  'instrument' | 'instruments' | 'persons' | 'bodiesNamed'
>;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The record among an instrument's facts. */
const recordIn = (facts: ReadonlyArray<Fact>): InstrumentRecord | undefined =>
  facts.find((fact) => fact.key === RECORD_KEY)?.payload as InstrumentRecord | undefined;

/** The record of the instrument under `key` known at `knownAt`, if one is. */
export const instrumentRecord = async (
  reader: FactReader,
  key: string,
  knownAt: Instant | undefined,
): Promise<InstrumentRecord | undefined> =>
  recordIn(await reader.factsAbout('instrument', key, knownAt));

/** `answer()` when an instrument is recorded under `key` as known at `knownAt`, else why not. */
export async function ofKnownInstrument<A>(
  reader: FactReader,
  key: InstrumentKey,
  knownAt: Instant | undefined,
  answer: () => Promise<A>,
): Promise<E.Either<UnknownInstrument, A>> {
  const [record, answered] = await Promise.all([instrumentRecord(reader, key, knownAt), answer()]);
  return record === undefined ? E.left(unknownInstrument(key, knownAt)) : E.right(answered);
}

/** The related instruments' records, each with how it relates, known at `knownAt`. */
async function relationViews(
  reader: FactReader,
  relations: ReadonlyArray<{ readonly kind: RelationPayload['kind']; readonly key: string }>,
  knownAt: Instant | undefined,
): Promise<InstrumentRelationView[]> {
  const records = await Promise.all(
    relations.map(({ key }) => instrumentRecord(reader, key, knownAt)),
  );
  return relations.flatMap(({ kind }, i) => {
    const instrument = records[i];
    return instrument === undefined ? [] : [{ kind, instrument }];
  });
}

/** The later instruments' relations first by signing date, then key (stable: listed order). */
const bySigning = (a: InstrumentRelationView, b: InstrumentRelationView): number =>
  compareText(a.instrument.instrument.signedOn, b.instrument.instrument.signedOn) ||
  compareText(a.instrument.key, b.instrument.key);

/** The instrument under `key` with its relations both ways, known at `knownAt`, if it is known. */
async function instrumentView(
  reader: FactReader,
  key: InstrumentKey,
  knownAt: Instant | undefined,
): Promise<InstrumentView | undefined> {
  const [own, referring] = await Promise.all([
    reader.factsAbout('instrument', key, knownAt),
    reader.factsReferring('instrument', key, knownAt),
  ]);
  const record = recordIn(own);
  if (record === undefined) return undefined;
  const outward = own.flatMap((fact) => {
    if (fact.key === RECORD_KEY) return [];
    const { kind, to } = fact.payload as RelationPayload;
    return [{ kind, key: to }];
  });
  const inward = referring.map((fact) => ({
    kind: (fact.payload as RelationPayload).kind,
    key: fact.subject,
  }));
  const [relations, relatedBy] = await Promise.all([
    relationViews(reader, outward, knownAt),
    relationViews(reader, inward, knownAt),
  ]);
  return { ...record, relations, relatedBy: relatedBy.sort(bySigning) };
}

/** The distinct ids of the things of kind `of` with a name containing `search`, sorted. */
async function idsNamed(
  reader: FactReader,
  of: NamedKind,
  search: string,
  knownAt: Instant | undefined,
): Promise<ReadonlyArray<string>> {
  const facts = await reader.factsContaining('name', foldForSearch(search), knownAt);
  const ids = facts.flatMap((fact) => {
    const named = fact.payload as NamePayload;
    return named.of === of ? [named.id] : [];
  });
  return [...new Set(ids)].sort(compareText);
}

/** The view of a person's record fact. */
const personView = (fact: Fact): PersonView => {
  const { personId, name, registeredOn } = fact.payload as PersonPayload;
  return { personId, name, registeredOn };
};

/**
 * The registry and search queries over a fact reader; `bodyOn` sees a body on a date as the
 * body queries do, so that a body found by name looks as `bodies` shows it.
 */
export function createRegistryQueries(
  reader: FactReader,
  bodyOn: (
    bodyId: BodyId,
    on: CalendarDate,
    knownAt: Instant | undefined,
  ) => Promise<BodyView | undefined>,
): RegistryQueries {
  return {
    instrument: (citation, knownAt) =>
      whenValid([], knownAt, async () => {
        const key = instrumentKey(citation);
        const view = await instrumentView(reader, key, knownAt);
        return view === undefined ? E.left(unknownInstrument(key, knownAt)) : E.right(view);
      }),
    instruments: (search, knownAt) =>
      whenValid([], knownAt, async () => {
        const keys = await idsNamed(reader, 'instrument', search, knownAt);
        const records = await Promise.all(
          keys.map((key) => instrumentRecord(reader, key, knownAt)),
        );
        return E.right(records.flatMap((record) => record ?? []));
      }),
    persons: (search, knownAt) =>
      whenValid([], knownAt, async () => {
        const ids = await idsNamed(reader, 'person', search, knownAt);
        const facts = await Promise.all(
          ids.map((id) => reader.factsAbout('person', id as PersonId, knownAt)),
        );
        return E.right(facts.flatMap((found) => found.map(personView)));
      }),
    bodiesNamed: (search, on, knownAt) =>
      whenValid([['on', on]], knownAt, async () => {
        const ids = await idsNamed(reader, 'body', search, knownAt);
        const views = await Promise.all(ids.map((id) => bodyOn(id as BodyId, on, knownAt)));
        return E.right(views.flatMap((view) => view ?? []));
      }),
  };
}

/**
 * The seed story's answers from the in-memory read model, built live by the runner while the seed
 * steps are submitted through the command handler: who sits on the successor on 2019-01-01, its
 * duties with provenance, its lineage — and, before the merger was recorded, that nothing of it
 * was known; what Mr. Trăm has held; the successor's reporting in 2020; what the merger decision
 * changed, and what changed between two dates. Every answer also equals the oracle's.
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LegalBasis,
  decodeWith,
  instrumentKey,
  unsafeCalendarDate,
  type BodyId,
  type CalendarDate,
  type Instant,
  type PersonId,
} from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { StoredEvent } from '@mandate/eventstore';
import { answerOf } from './answers.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import { memoryWorld, wholeLog } from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { createOracle } from './oracle.js';
import { startProjection } from './runner.js';
import type { ReadModelQueries } from './views.js';

const successor = Seed.SeedIds.successor as BodyId;
const tram = Seed.SeedIds.tram as PersonId;
const jan2019 = unsafeCalendarDate('2019-01-01');
const HOUR = 3_600_000;

const mergerDecision = (() => {
  const decoded = decodeWith(LegalBasis, Seed.seedMergerDecision);
  if (E.isLeft(decoded)) throw new Error('The seed merger decision does not decode');
  return decoded.right;
})();

/** How many changes of each aggregate and type, e.g. `body:SeatCreated`. */
const tally = (changes: ReadonlyArray<{ aggregate: string; type: string }>) =>
  changes.reduce<Record<string, number>>((counts, { aggregate, type }) => {
    const key = `${aggregate}:${type}`;
    return { ...counts, [key]: (counts[key] ?? 0) + 1 };
  }, {});

describe('the seed story, projected', () => {
  let model: ReadModelQueries;
  let oracle: ReadModelQueries;
  let log: ReadonlyArray<StoredEvent>;
  let beforeMerger: Instant;

  beforeAll(async () => {
    const { store, clock, handler } = memoryWorld('2018-12-05T02:00:00.000Z' as Instant);
    const readModel = createInMemoryReadModel();
    const runner = startProjection({
      store,
      projection: bitemporalProjection,
      target: readModel.target,
    });
    for (const step of Seed.seedSteps) {
      if (step.envelope.command.type === 'MergeBodies') beforeMerger = clock.now();
      clock.advance(HOUR);
      const result = await handler.handle(step.envelope);
      expect(E.isRight(result), step.title).toBe(true);
    }
    await runner.waitUntilCaughtUp();
    await runner.stop();
    model = readModel.queries;
    log = await wholeLog(store);
    oracle = createOracle(log);
  });

  it('seats the Chairman, named, as head, and leaves offices with no holder vacant', async () => {
    const roster = await answerOf(model.roster(successor, jan2019));
    expect(roster).toHaveLength(17);
    expect(roster[0]).toEqual({
      seatId: 'truong-ban',
      roles: ['head'],
      holder: { follows: 'person', person: 'nguyen-van-tram', asOffice: 'chu-tich-ubnd-tinh' },
      occupant: {
        kind: 'person',
        person: 'nguyen-van-tram',
        via: 'named',
        acting: false,
        asOffice: 'chu-tich-ubnd-tinh',
        holdsOffice: true,
      },
    });
    expect(roster[2]?.roles).toEqual(['standing-member', 'secretary']);
    expect(roster[2]?.occupant).toEqual({ kind: 'vacant', office: 'giam-doc-so-tttt' });
    expect(E.right(roster)).toEqual(await oracle.roster(successor, jan2019));
  });

  it('lists its six duties, each its own', async () => {
    const duties = await answerOf(model.duties(successor, jan2019));
    expect(duties.map((d) => [d.dutyId, d.category])).toEqual(
      Seed.seedDuties.map(([id, category]) => [id, category]),
    );
    expect(duties.every((d) => d.provenance.kind === 'own')).toBe(true);
    expect(E.right(duties)).toEqual(await oracle.duties(successor, jan2019));
  });

  it('links the successor to its three predecessors, and each of them to it', async () => {
    const body = await answerOf(model.body(successor, jan2019));
    expect(body?.status).toBe('active');
    expect(body?.predecessors).toEqual(Object.values(Seed.SeedIds.predecessors));
    for (const id of Object.values(Seed.SeedIds.predecessors)) {
      const predecessor = await answerOf(model.body(id as BodyId, jan2019));
      expect(predecessor?.status).toBe('ended');
      expect(predecessor?.end).toMatchObject({ reason: 'merger', successors: [successor] });
    }
    expect(await model.bodies(jan2019)).toEqual(await oracle.bodies(jan2019));
  });

  it('knew nothing of the successor before the merger was recorded', async () => {
    const unknown = E.left({ _tag: 'UnknownBody', bodyId: successor, knownAt: beforeMerger });
    expect(await model.body(successor, jan2019, beforeMerger)).toEqual(unknown);
    expect(await model.roster(successor, jan2019, beforeMerger)).toEqual(unknown);
    expect(await model.duties(successor, jan2019, beforeMerger)).toEqual(unknown);
    expect(await model.compliance(successor, jan2019, beforeMerger)).toEqual(unknown);
    expect((await answerOf(model.bodies(jan2019, beforeMerger))).map((b) => b.status)).toEqual([
      'active',
      'active',
      'active',
    ]);
    expect(await model.bodies(jan2019, beforeMerger)).toEqual(
      await oracle.bodies(jan2019, beforeMerger),
    );
  });

  it('knows what Mr. Trăm held: the Chairmanship, and the head seat he is named to as Chairman', async () => {
    const held = await answerOf(model.holdings(tram));
    expect(held).toEqual({
      offices: [{ officeId: 'chu-tich-ubnd-tinh', capacity: 'substantive', from: '2018-12-04' }],
      seats: [
        {
          bodyId: successor,
          seatId: 'truong-ban',
          roles: ['head'],
          from: '2018-12-04',
          via: 'named',
          acting: false,
          asOffice: 'chu-tich-ubnd-tinh',
        },
      ],
    });
    expect(E.right(held)).toEqual(await oracle.holdings(tram));
    const before = await answerOf(model.holdings(tram, beforeMerger));
    expect(before).toEqual({ offices: held.offices, seats: [] });
    expect(E.right(before)).toEqual(await oracle.holdings(tram, beforeMerger));
  });

  it('reports the successor’s 2019 review filed on time in 2020, and every periodic report missing (none owed for 2018, begun in December)', async () => {
    const june2020 = unsafeCalendarDate('2020-06-01');
    const compliance = await answerOf(model.compliance(successor, june2020));
    expect(compliance.map((o) => [o.obligationId, o.cadence])).toEqual([
      [Seed.SeedIds.annualReview, 'annual'],
      [Seed.SeedIds.periodicReport, 'semi-annual'],
    ]);
    const [review, periodic] = compliance;
    expect(review?.periods).toEqual([
      {
        period: '2019',
        dueOn: '2020-01-31',
        status: 'filed',
        filed: { reportId: 'so-ket-2019', submittedOn: '2020-01-15' },
        counted: { reportId: 'so-ket-2019', submittedOn: '2020-01-15' },
      },
    ]);
    expect(periodic?.periods.map((p) => [p.period, p.dueOn, p.status])).toEqual([
      ['2019-H1', '2019-07-15', 'missing'],
      ['2019-H2', '2020-01-15', 'missing'],
    ]);
    expect(E.right(compliance)).toEqual(await oracle.compliance(successor, june2020));
    const jan10 = unsafeCalendarDate('2020-01-10');
    const early = await answerOf(model.compliance(successor, jan10));
    expect(early.map((o) => o.periods.at(-1)?.status)).toEqual(['due', 'due']);
    expect(E.right(early)).toEqual(await oracle.compliance(successor, jan10));
  });

  it('lists the 48 changes of the merger decision in every stream, 19 of them known before the merger', async () => {
    const changes = await answerOf(model.changesByInstrument(mergerDecision));
    expect(tally(changes)).toEqual({
      'office:OfficeEstablished': 17,
      'office:OfficeHolderAppointed': 1,
      'body:BodyEnded': 3,
      'body:BodyEstablished': 1,
      'body:SeatCreated': 17,
      'body:DutyAssigned': 6,
      'body:ReportingObligationImposed': 2,
      'person:PersonRegistered': 1,
    });
    expect(changes.every((c) => c.effectiveOn === Seed.SEED_DECISION_DATE)).toBe(true);
    expect(E.right(changes)).toEqual(await oracle.changesByInstrument(mergerDecision));
    const before = await answerOf(model.changesByInstrument(mergerDecision, beforeMerger));
    expect(tally(before)).toEqual({
      'office:OfficeEstablished': 17,
      'office:OfficeHolderAppointed': 1,
      'person:PersonRegistered': 1,
    });
    const nextYear = { ...mergerDecision, signedOn: unsafeCalendarDate('2019-12-04') };
    const wrongYear = E.left({ _tag: 'UnknownInstrument', key: instrumentKey(nextYear) });
    expect(await model.changesByInstrument(nextYear)).toEqual(wrongYear);
    expect(await oracle.changesByInstrument(nextYear)).toEqual(wrongYear);
  });

  it('has the successor, known now, seat nobody before it was established', async () => {
    const before = unsafeCalendarDate('2015-01-01');
    expect(await model.roster(successor, before)).toEqual(E.right([]));
    expect(await answerOf(model.body(successor, before))).toMatchObject({
      status: 'not-yet-established',
    });
  });

  it('refuses, as the oracle does, a body or person never known, and dates or instants that are not real', async () => {
    const nowhere = 'no-such-body' as BodyId;
    const nobody = 'no-such-person' as PersonId;
    const feb30 = '2019-02-30' as CalendarDate;
    const impossible = '2019-02-30T00:00:00.000Z' as Instant;
    const unknown = E.left({ _tag: 'UnknownBody', bodyId: nowhere });
    const invalidOn = E.left({ _tag: 'InvalidQuery', argument: 'on', value: feb30 });
    const invalidAt = E.left({ _tag: 'InvalidQuery', argument: 'knownAt', value: impossible });
    for (const queries of [model, oracle]) {
      for (const query of [queries.roster, queries.duties, queries.body, queries.compliance])
        expect(await query(nowhere, jan2019)).toEqual(unknown);
      expect(await queries.holdings(nobody)).toEqual(
        E.left({ _tag: 'UnknownPerson', personId: nobody }),
      );
      expect(await queries.roster(successor, feb30)).toEqual(invalidOn);
      expect(await queries.roster(nowhere, feb30)).toEqual(invalidOn);
      expect(await queries.bodies(feb30)).toEqual(invalidOn);
      expect(await queries.changesBetween(jan2019, feb30)).toEqual(
        E.left({ _tag: 'InvalidQuery', argument: 'to', value: feb30 }),
      );
      expect(await queries.compliance(successor, jan2019, impossible)).toEqual(invalidAt);
      expect(await queries.holdings(tram, impossible)).toEqual(invalidAt);
      expect(await queries.changesByInstrument(mergerDecision, impossible)).toEqual(invalidAt);
    }
  });

  it('lists what changed between two dates: the founding of the predecessors, then the review and the province merged', async () => {
    const founded = await answerOf(
      model.changesBetween(
        unsafeCalendarDate('2015-01-01'),
        unsafeCalendarDate(Seed.SEED_DECISION_DATE),
      ),
    );
    expect(founded.map((c) => [c.effectiveOn, c.aggregateId, c.type])).toEqual([
      ['2015-09-01', Seed.SeedIds.predecessors.itApplication, 'BodyEstablished'],
      ['2016-06-01', Seed.SeedIds.predecessors.reform, 'BodyEstablished'],
      ['2018-03-01', Seed.SeedIds.predecessors.scheme, 'BodyEstablished'],
    ]);
    const since = await answerOf(
      model.changesBetween(unsafeCalendarDate('2018-12-05'), unsafeCalendarDate('2030-01-01')),
    );
    expect(since.map((c) => [c.effectiveOn, c.type, c.source.kind])).toEqual([
      ['2020-01-15', 'ReportFiled', 'report'],
      ['2025-07-01', 'AuthorityMerged', 'instrument'],
    ]);
    expect(E.right(since)).toEqual(
      await oracle.changesBetween(
        unsafeCalendarDate('2018-12-05'),
        unsafeCalendarDate('2030-01-01'),
      ),
    );
  });
});

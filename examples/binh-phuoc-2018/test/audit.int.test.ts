/**
 * The demo's audit, asserted: the story told on a real SQLite file, projected into a SQLite read
 * model in a second file, answers as the seed says — nothing of the successor known before the
 * merger was recorded, Mr. Trăm's holdings, the 2020 compliance, the merger decision's 48 changes —
 * and every answer equals the oracle's, which replays the log naively.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { epochMillisecondsOf, type BodyId, type CalendarDate, type PersonId } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore, StoredEvent } from '@mandate/eventstore';
import { createOracle, type ReadModelQueries } from '@mandate/projections';
import { auditStory, countChanges, type AuditAnswers } from '../src/audit.js';
import { readWholeLog } from '../src/log.js';
import { renderAudit } from '../src/render-audit.js';
import { tellStory } from '../src/story.js';

const ON = '2019-01-01' as CalendarDate;
const successor = Seed.SeedIds.successor as BodyId;
const tram = Seed.SeedIds.tram as PersonId;

describe('the audit of the Bình Phước 2018 story, from the SQLite read model', () => {
  let directory: string;
  let store: EventStore;
  let readModelFile: string;
  let log: ReadonlyArray<StoredEvent>;
  let oracle: ReadModelQueries;
  let answers: AuditAnswers;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'mandate-audit-'));
    const opened = await createSqliteEventStore({ path: join(directory, 'events.sqlite') });
    if (opened._tag === 'Left') throw new Error(opened.left.message);
    store = opened.right;
    await tellStory(store, ON);
    readModelFile = join(directory, 'events.read-model.sqlite');
    answers = await auditStory(store, readModelFile, ON);
    log = await readWholeLog(store);
    oracle = createOracle(log);
  });

  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('asks as known 1 ms before the merger event was recorded, and projects the whole log', () => {
    const merger = log.find((e) => e.type === 'BodyEstablished' && e.stream.endsWith(successor));
    expect(answers.mergerRecordedAt).toBe(merger?.recordedAt);
    expect(
      epochMillisecondsOf(answers.mergerRecordedAt) - epochMillisecondsOf(answers.beforeMerger),
    ).toBe(1);
    expect(answers.eventsProjected).toBe(log.length);
  });

  it('seats the Chairman now, and knew nothing of the successor before the merger was recorded', async () => {
    const { now, beforeMerger } = answers.roster;
    expect(now.successorKnown).toBe(true);
    expect(now.seats).toHaveLength(17);
    expect(now.seats[0]?.occupant).toEqual({
      kind: 'person',
      person: tram,
      via: 'named',
      acting: false,
      asOffice: 'chu-tich-ubnd-tinh',
      holdsOffice: true,
    });
    expect(now.seats.filter((s) => s.occupant?.kind === 'vacant')).toHaveLength(16);
    expect(E.right(now.seats)).toEqual(await oracle.roster(successor, ON));
    expect(beforeMerger).toEqual({
      knownAt: answers.beforeMerger,
      successorKnown: false,
      seats: [],
    });
    expect(await oracle.roster(successor, ON, answers.beforeMerger)).toEqual(
      E.left({ _tag: 'UnknownBody', bodyId: successor, knownAt: answers.beforeMerger }),
    );
  });

  it('knows what Mr. Trăm held: the Chairmanship and, once the merger was recorded, the head seat', async () => {
    expect(answers.holdings.now).toEqual({
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
    expect(E.right(answers.holdings.now)).toEqual(await oracle.holdings(tram));
    expect(answers.holdings.beforeMerger).toEqual({
      offices: answers.holdings.now.offices,
      seats: [],
    });
    expect(answers.names.people[tram]).toBe('Nguyễn Văn Trăm');
    expect(answers.names.offices['chu-tich-ubnd-tinh']).toBe('Chủ tịch UBND tỉnh');
    expect(answers.names.bodies[successor]).toBe(
      'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
    );
  });

  it('reports the 2019 review filed on time and both 2019 half-year reports missing on 2020-06-01', async () => {
    const { on, obligations } = answers.compliance;
    expect(on).toBe('2020-06-01');
    expect(
      obligations.map((o) => [o.obligationId, o.periods.map((p) => [p.period, p.status])]),
    ).toEqual([
      [Seed.SeedIds.annualReview, [['2019', 'filed']]],
      [
        Seed.SeedIds.periodicReport,
        [
          ['2019-H1', 'missing'],
          ['2019-H2', 'missing'],
        ],
      ],
    ]);
    expect(E.right(obligations)).toEqual(await oracle.compliance(successor, on));
  });

  it('finds the 48 changes of the merger decision in every stream, cited as the seed cites it', async () => {
    expect(answers.merger.decision).toEqual(Seed.seedMergerDecision);
    expect(answers.merger.counts).toEqual([
      { aggregate: 'person', type: 'PersonRegistered', count: 1 },
      { aggregate: 'office', type: 'OfficeEstablished', count: 17 },
      { aggregate: 'office', type: 'OfficeHolderAppointed', count: 1 },
      { aggregate: 'body', type: 'BodyEnded', count: 3 },
      { aggregate: 'body', type: 'BodyEstablished', count: 1 },
      { aggregate: 'body', type: 'SeatCreated', count: 17 },
      { aggregate: 'body', type: 'DutyAssigned', count: 6 },
      { aggregate: 'body', type: 'ReportingObligationImposed', count: 2 },
    ]);
    const oracleChanges = await oracle.changesByInstrument(answers.merger.decision);
    expect(E.right(answers.merger.changes)).toEqual(oracleChanges);
    expect(E.right(answers.merger.counts)).toEqual(E.map(countChanges)(oracleChanges));
  });

  it('lists what took effect in December 2018: the merger decision’s changes, all on 2018-12-04', async () => {
    const { from, to, changes } = answers.changesBetween;
    expect([from, to]).toEqual(['2018-12-01', '2019-01-01']);
    expect(changes).toHaveLength(48);
    expect(changes.every((c) => c.effectiveOn === Seed.SEED_DECISION_DATE)).toBe(true);
    expect(E.right(changes)).toEqual(await oracle.changesBetween(from, to));
  });

  it('renders the two times apart', () => {
    const text = renderAudit(answers, 'in a test file');
    expect(text).toContain('   as known now: 17 seats');
    expect(text).toContain(
      '1 ms before the merger was recorded: the committee was unknown — 0 seats',
    );
    expect(text).toContain('17 × office OfficeEstablished');
    expect(text).toContain('     2019-H1  due 2019-07-15  missing');
  });

  it('answers the same from the kept read-model file, resumed at its checkpoint', async () => {
    expect(await auditStory(store, readModelFile, ON)).toEqual(answers);
  });
});

/**
 * A real v1 → v2 upcast on the read side, end to end, in memory, on real SQLite files and on the
 * real PostgreSQL server, with the v2 of `OfficeEstablished` the write side's tests declare
 * (packages/application/src/upcasting.fixture.ts: the name, plain text in v1, bilingual in v2). With
 * v1 rows in the store, the read model rebuilt with the v2 schema and the upcaster answers the
 * office's name and its holder; without the upcaster, or at a row newer than v2, the rebuild and
 * the catch-up stop with a typed `CorruptEvent` naming the stream, the revision and why — never a
 * wrong answer.
 *
 * @see docs/reference/domain.md rule 12
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEventStore } from '@mandate/adapter-postgres';
import { createPostgresReadModel } from '@mandate/adapter-postgres/read-model';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import {
  Office,
  type BilingualName,
  type CalendarDate,
  type OfficeId,
  type PersonId,
} from '@mandate/core';
import { createInMemoryEventStore, type EventStore, type StoredEvent } from '@mandate/eventstore';
import { postgresForTests } from '../../adapter-postgres/src/read-model/server.fixture.js';
import {
  asV1,
  nameToBilingual,
  officeSchemaAtV2,
  writeRow,
} from '../../application/src/upcasting.fixture.js';
import { bitemporalProjectionWith } from './bitemporal-projection.js';
import type { CheckpointedModel } from './checkpoint.js';
import type { FactStore } from './fact-store.js';
import { registerProvince } from './generated-history.fixture.js';
import {
  RECORDING_START,
  envelope,
  memoryWorld,
  recordCitedInstruments,
  wholeLog,
} from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { catchUp, startProjection } from './runner.js';
import type { ReadModelQueries } from './views.js';

const POSTGRES_URL = process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

// #region projection
/** The schemas of a release that moved `OfficeEstablished` to v2. */
const schemas = { office: officeSchemaAtV2 };
const upcasting = bitemporalProjectionWith({ schemas, upcasters: nameToBilingual });
// #endregion projection

const withoutUpcaster = bitemporalProjectionWith({ schemas });

const OFFICE = 'giam-doc-so-tc' as OfficeId;
const LATER_OFFICE = 'giam-doc-so-khdt' as OfficeId;
const HOLDER = 'nguyen-van-tram' as PersonId;
/** The office's name, as today's codec (v2 here) decodes it. */
const NAME = { vi: 'Giám đốc Sở Tài chính' } as BilingualName;
const { basis, effectiveOn } = registerProvince.data;

/** An office established with today's codec, and its holder appointed, in a memory store. */
async function todaysLog(): Promise<ReadonlyArray<StoredEvent>> {
  const { store, handler } = memoryWorld(RECORDING_START);
  const office = (officeId: OfficeId) => ({
    type: 'EstablishOffice',
    data: {
      officeId,
      authority: registerProvince.data.authorityId,
      name: NAME,
      basis,
      effectiveOn,
    },
  });
  const commands = [
    registerProvince,
    {
      type: 'RegisterPerson',
      data: { personId: HOLDER, name: 'Nguyễn Văn Trăm', basis, effectiveOn },
    },
    office(OFFICE),
    {
      type: 'AppointOfficeHolder',
      data: { officeId: OFFICE, person: HOLDER, capacity: 'substantive', basis, effectiveOn },
    },
    office(LATER_OFFICE),
  ];
  await recordCitedInstruments(handler, commands);
  for (const [i, command] of commands.entries()) {
    const handled = await handler.handle(envelope(`command-${i}`, command));
    if (E.isLeft(handled)) throw new Error(handled.left.message);
  }
  return wholeLog(store);
}

/** A read model of one backend: its checkpointed target and its queries. */
interface Model {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
}

/** An event store and a read model of one backend, both empty. */
interface Backend {
  readonly store: EventStore;
  /** A read model over the backend's storage (a fresh connection where there is one). */
  readonly model: () => Promise<Model>;
  readonly close: () => Promise<void>;
}

const directory = mkdtempSync(join(tmpdir(), 'mandate-upcasting-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const backends: ReadonlyArray<readonly [string, () => Promise<Backend>]> = [
  [
    'in memory',
    () => {
      const model = createInMemoryReadModel();
      return Promise.resolve({
        store: createInMemoryEventStore(),
        model: () => Promise.resolve(model),
        close: () => Promise.resolve(),
      });
    },
  ],
  [
    'on SQLite files',
    async () => {
      const opened = await createSqliteEventStore({ path: join(directory, 'events.db') });
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      const connections: Database.Database[] = [];
      return {
        store: opened.right,
        model: () => {
          const db = new Database(join(directory, 'read-model.sqlite'));
          connections.push(db);
          return Promise.resolve(createSqliteReadModel(db, upcasting));
        },
        close: async () => {
          for (const db of connections) db.close();
          await opened.right.close();
        },
      };
    },
  ],
  [
    'on PostgreSQL',
    async () => {
      const schema = `mandate_upcast_${randomBytes(6).toString('hex')}`;
      const opened = await createPostgresEventStore({ connectionString: POSTGRES_URL, schema });
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      const postgres = postgresForTests(2);
      return {
        store: opened.right,
        model: () => createPostgresReadModel(postgres.pool, upcasting, { schema: postgres.schema }),
        close: async () => {
          await postgres.pool.query(`DROP SCHEMA ${schema} CASCADE`);
          await opened.right.close();
        },
      };
    },
  ],
];

/** The name of `officeId` on `on` in the state the read model keeps (and folds again). */
async function officeName(
  target: CheckpointedModel<FactStore>,
  officeId: OfficeId,
  on: CalendarDate,
): Promise<BilingualName | undefined> {
  let name: BilingualName | undefined;
  // Committing at the checkpoint it holds changes nothing: the model is only read.
  await target.commit(target.checkpoint(), target.checkpointHash(), (model) => {
    const state = model.officeState(officeId);
    name = state.status === 'unestablished' ? undefined : Office.nameOn(state, on);
  });
  return name;
}

describe.each(backends)('v1 rows of a v2 event, read back %s', (_, open) => {
  let backend: Backend;
  let later: StoredEvent;
  beforeAll(async () => {
    backend = await open();
    const log = await todaysLog();
    const established = log.filter((event) => event.type === 'OfficeEstablished');
    for (const event of log)
      if (event.type !== 'OfficeEstablished') await writeRow(backend.store, event, 1, event.data);
      else if (event.stream === `office-${OFFICE}`)
        await writeRow(backend.store, event, 1, asV1(event.data));
    later = established.find((event) => event.stream === `office-${LATER_OFFICE}`) as StoredEvent;
  });
  afterAll(() => backend.close());

  it('stop a rebuild without the upcaster, typed, at the v1 row', async () => {
    const { target } = await backend.model();
    const rebuilt = await startProjection({
      store: backend.store,
      projection: withoutUpcaster,
      target,
    }).rebuild();
    expect(rebuilt).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'CorruptEvent',
          stream: `office-${OFFICE}`,
          revision: 0n,
          message: expect.stringContaining('no upcaster from OfficeEstablished v1') as unknown,
        }),
      ),
    );
    expect(await officeName(target, OFFICE, effectiveOn as CalendarDate)).toBeUndefined();
  });

  it('are rebuilt with the upcaster into the office, its name and its holder', async () => {
    const { target } = await backend.model();
    const runner = startProjection({ store: backend.store, projection: upcasting, target });
    expect(E.isRight(await runner.rebuild())).toBe(true);
    await runner.stop();
    // A fresh connection folds the office again from what the model stored.
    const { target: reopened, queries } = await backend.model();
    expect(await officeName(reopened, OFFICE, effectiveOn as CalendarDate)).toEqual(NAME);
    const holdings = await queries.holdings(HOLDER);
    expect(E.isRight(holdings) && holdings.right.offices).toEqual([
      { officeId: OFFICE, capacity: 'substantive', from: effectiveOn },
    ]);
  });

  it('stop a catch-up, typed, at a row newer than v2, answering as before it', async () => {
    await writeRow(backend.store, later, 3, later.data);
    const { target } = await backend.model();
    const before = target.checkpoint();
    const caughtUp = await catchUp({ store: backend.store, projection: upcasting, target });
    expect(caughtUp).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'CorruptEvent',
          stream: `office-${LATER_OFFICE}`,
          revision: 0n,
          message: expect.stringContaining('newer than the current version 2') as unknown,
        }),
      ),
    );
    expect(target.checkpoint()).toBe(before);
    expect(await officeName(target, OFFICE, effectiveOn as CalendarDate)).toEqual(NAME);
    expect(await officeName(target, LATER_OFFICE, effectiveOn as CalendarDate)).toBeUndefined();
  });
});

describe('the how-to on moving an event to a new version', () => {
  it('shows the release region of the shared fixture and the projection region of this test verbatim', async () => {
    const page = await readFile(
      new URL('../../../docs/how-to/move-an-event-to-a-new-version.md', import.meta.url),
      'utf8',
    );
    const regions = [
      ['release', new URL('../../application/src/upcasting.fixture.ts', import.meta.url)],
      ['projection', new URL(import.meta.url)],
    ] as const;
    for (const [name, file] of regions) {
      const source = await readFile(file, 'utf8');
      const region = new RegExp(`// #region ${name}\\n([\\s\\S]*?)// #endregion ${name}`).exec(
        source,
      )?.[1];
      expect(region, name).toBeDefined();
      expect(page).toContain(`\`\`\`ts\n${region ?? ''}\`\`\``);
    }
  });
});

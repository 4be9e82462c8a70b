/**
 * A real v1 → v2 upcast on the write side, on real stores (a SQLite file and a PostgreSQL
 * schema), with the v2 of `OfficeEstablished` that upcasting.fixture.ts declares. v1 rows written to the store are loaded
 * upcast; without the upcaster, or at a version newer than v2, loading refuses with a typed
 * `CorruptEvent` naming the stream, the revision and why.
 *
 * @see docs/reference/domain.md rule 12
 */
import { randomBytes } from 'node:crypto';
import * as E from 'fp-ts/Either';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEventStore } from '@mandate/adapter-postgres';
import { Office, type OfficeId } from '@mandate/core';
import {
  createInMemoryEventStore,
  upcasterRegistry,
  type EventStore,
  type StoredEvent,
} from '@mandate/eventstore';
import { establishOffice, envelope, registerProvince } from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import { loadStream } from './load.js';
import { openSqlite, scratchDirectory, type ScratchDirectory } from './sqlite.fixture.js';
import { acceptedOf, recordCited, streamEvents } from './store.fixture.js';
import { officeStream } from './streams.js';
import { asV1, nameToBilingual, officeSchemaAtV2, writeRow } from './upcasting.fixture.js';

const POSTGRES_URL = process.env['MANDATE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The office aggregate as a release that moved `OfficeEstablished` to v2 would fold it. */
const officeAtV2 = { decider: Office.decider, schema: officeSchemaAtV2 };

/** An office established through the handler, as today's (v2, for this test) codec writes it. */
async function establishedToday(officeId: string): Promise<StoredEvent> {
  const store = createInMemoryEventStore();
  const handler = createCommandHandler({ store });
  const office = establishOffice(officeId, 'Giám đốc Sở Tài chính');
  await recordCited(handler, registerProvince, office);
  acceptedOf(await handler.handle(envelope('province', registerProvince)));
  acceptedOf(await handler.handle(envelope('office', office)));
  const [event] = await streamEvents(store, officeStream(officeId as OfficeId));
  if (event === undefined) throw new Error('the office was not established');
  return event;
}

const stores: ReadonlyArray<
  readonly [string, () => Promise<{ store: EventStore; close: () => Promise<void> }>]
> = [
  [
    'a SQLite file',
    async () => {
      const scratch: ScratchDirectory = await scratchDirectory();
      const store = await openSqlite(scratch.file());
      return {
        store,
        close: async () => {
          await store.close();
          await scratch.remove();
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = `mandate_upcast_${randomBytes(6).toString('hex')}`;
      const opened = await createPostgresEventStore({ connectionString: POSTGRES_URL, schema });
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      return {
        store: opened.right,
        close: async () => {
          await opened.right.close();
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  ],
];

describe.each(stores)('a v1 row of a v2 event, on %s', (_, open) => {
  let opened: { store: EventStore; close: () => Promise<void> };
  let today: StoredEvent;
  let newer: StoredEvent;
  beforeAll(async () => {
    opened = await open();
    [today, newer] = await Promise.all([
      establishedToday('giam-doc-so-tc'),
      establishedToday('giam-doc-so-khdt'),
    ]);
    await writeRow(opened.store, today, 1, asV1(today.data));
    await writeRow(opened.store, newer, 3, today.data);
  });
  afterAll(() => opened.close());

  it('loads upcast to v2 on the write side', async () => {
    const loaded = await loadStream(
      { store: opened.store, upcasters: nameToBilingual },
      officeAtV2,
      today.stream,
    );
    expect(E.isRight(loaded)).toBe(true);
    if (E.isLeft(loaded)) return;
    expect(loaded.right.revision).toBe(0n);
    const { state } = loaded.right;
    expect(state.status).toBe('established');
    if (state.status === 'unestablished') return;
    expect(Office.nameOn(state, state.establishedOn)).toEqual({ vi: 'Giám đốc Sở Tài chính' });
  });

  it('is refused, typed, without the upcaster', async () => {
    const loaded = await loadStream(
      { store: opened.store, upcasters: upcasterRegistry([]) },
      officeAtV2,
      today.stream,
    );
    expect(loaded).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'CorruptEvent',
          stream: today.stream,
          revision: 0n,
          message: expect.stringContaining('no upcaster from OfficeEstablished v1') as unknown,
        }),
      ),
    );
  });

  it('is refused, typed, at a version newer than the current one', async () => {
    const loaded = await loadStream(
      { store: opened.store, upcasters: nameToBilingual },
      officeAtV2,
      newer.stream,
    );
    expect(loaded).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'CorruptEvent',
          stream: newer.stream,
          message: expect.stringContaining('newer than the current version 2') as unknown,
        }),
      ),
    );
  });
});

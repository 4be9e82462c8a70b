/**
 * Bad input changes nothing: SQL-injection strings in every free text field (event data,
 * metadata) are stored and read back verbatim; in the fields restricted to names (streams, types,
 * event and command ids) they are refused before reaching the server; an append whose events do
 * not carry its command id is refused; a schema name that is not a plain identifier is a
 * `RangeError`; a schema migrated by a newer adapter is `SchemaTooNew`.
 */
import * as E from 'fp-ts/Either';
import type { CommandId } from '@mandate/core';
import type { NewEvent } from '@mandate/eventstore';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresEventStore } from './store.js';
import {
  SERVER_URL,
  bySql,
  dropSchema,
  freshSchema,
  openStore,
  sampleEvent,
  sampleMetadata,
  successOf,
} from './server.fixture.js';

const INJECTIONS = [
  "'; DROP TABLE events; --",
  "Robert'); DELETE FROM streams WHERE ('1'='1",
  '$1::text); TRUNCATE commands; --',
  "\\'; SELECT pg_sleep(10); --",
  "E'\\x27' OR 1=1",
  '"; NOTIFY x; --',
];

const schema = freshSchema();
afterAll(() => dropSchema(schema));

describe('SQL-injection strings', () => {
  it('are stored verbatim in data and every metadata text, and change nothing else', async () => {
    const store = await openStore({ schema });
    const events: NewEvent[] = INJECTIONS.map((text, i) => {
      const base = sampleMetadata('cmd-inject');
      return {
        eventId: `inject-${i}`,
        type: 'ThingHappened',
        schemaVersion: 1,
        data: { [text]: text, list: [text] },
        metadata: { ...base, correlationId: text, causationId: text, actor: text },
      };
    });
    successOf(
      await store.append({
        commandId: 'cmd-inject' as CommandId,
        appends: [{ stream: 'inject', expectedRevision: 'no-stream', events }],
      }),
    );
    const read = successOf(await store.readStream('inject'));
    expect(read.map(({ data, metadata }) => ({ data, metadata }))).toEqual(
      events.map(({ data, metadata }) => ({ data, metadata })),
    );
    expect(successOf(await store.verify())).toEqual({ ok: true, streams: 1, events: 6n });
    await store.close();
  });

  it('are refused as names before reaching the server, changing nothing', async () => {
    const store = await openStore({ schema });
    const before = successOf(await store.readAll());
    for (const text of INJECTIONS) {
      for (const request of [
        {
          appends: [
            { stream: text, expectedRevision: 'any' as const, events: [sampleEvent('n-1')] },
          ],
        },
        {
          appends: [
            {
              stream: 'names',
              expectedRevision: 'any' as const,
              events: [{ ...sampleEvent('n-2'), type: text }],
            },
          ],
        },
        {
          appends: [
            { stream: 'names', expectedRevision: 'any' as const, events: [sampleEvent(text)] },
          ],
        },
        {
          commandId: text as CommandId,
          appends: [
            {
              stream: 'names',
              expectedRevision: 'any' as const,
              events: [sampleEvent('n-3')],
            },
          ],
        },
      ]) {
        expect(await store.append(request)).toEqual(
          E.left(expect.objectContaining({ _tag: 'InvalidAppend' })),
        );
      }
      expect(await store.readStream(text)).toEqual(
        E.left(expect.objectContaining({ _tag: 'StreamNotFound' })),
      );
    }
    expect(successOf(await store.readAll())).toEqual(before);
    await store.close();
  });
});

describe('refusals before any write', () => {
  it('refuses events that do not carry the command id they are appended for', async () => {
    const store = await openStore({ schema });
    expect(
      await store.append({
        commandId: 'cmd-x' as CommandId,
        appends: [
          { stream: 'label', expectedRevision: 'any', events: [sampleEvent('l-1', {}, 'cmd-y')] },
        ],
      }),
    ).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'InvalidAppend',
          message: expect.stringContaining('cmd-x'),
        }),
      ),
    );
    expect(successOf(await store.findCommand('cmd-x' as CommandId))).toBeUndefined();
    await store.close();
  });

  it('throws RangeError for a schema name that is not a plain identifier', async () => {
    for (const name of ['Mandate', 'a-b', 'x; DROP SCHEMA public', '', 'a'.repeat(51)]) {
      await expect(
        createPostgresEventStore({ connectionString: SERVER_URL, schema: name }),
      ).rejects.toThrow(RangeError);
    }
  });

  it('refuses a schema migrated by a newer adapter', async () => {
    const newer = freshSchema();
    const store = await openStore({ schema: newer });
    await store.close();
    await bySql(`INSERT INTO "${newer}".mandate_schema_migrations VALUES (99, 'future', 'now')`);
    expect(await createPostgresEventStore({ connectionString: SERVER_URL, schema: newer })).toEqual(
      E.left(expect.objectContaining({ _tag: 'SchemaTooNew', storedVersion: 99, knownVersion: 1 })),
    );
    await dropSchema(newer);
  });

  it('migrates a new schema once when several stores open it at the same time', async () => {
    const shared = freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openStore({ schema: shared })),
    );
    expect(await bySql(`SELECT version FROM "${shared}".mandate_schema_migrations`)).toEqual([
      { version: 1 },
    ]);
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(shared);
  });
});

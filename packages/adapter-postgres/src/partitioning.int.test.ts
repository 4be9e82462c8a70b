/**
 * Partitioning an existing schema (`eventsPerPartition`): the events already written stay, in the
 * first partition, and read and verify as before; later appends create partitions as positions
 * reach them; a store opened without the option keeps doing so; the partitions refuse changes
 * like the table did.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  bySql,
  dropSchema,
  freshSchema,
  openStore,
  sampleEvent,
  successOf,
} from './server.fixture.js';

const schema = freshSchema();
afterAll(() => dropSchema(schema));

const partitionsOf = async (): Promise<ReadonlyArray<string>> =>
  (
    await bySql<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = to_regclass($1) ORDER BY c.relname`,
      [`"${schema}".events`],
    )
  ).map((row) => row.name);

describe('partitioning events by position', () => {
  it('keeps an existing log and adds partitions as the log grows', async () => {
    const plain = await openStore({ schema });
    const appendTo = async (store: typeof plain, from: number, count: number) =>
      successOf(
        await store.append({
          appends: [
            {
              stream: 'grows',
              expectedRevision: 'any',
              events: Array.from({ length: count }, (_, i) =>
                sampleEvent(`g-${from + i}`, { i: from + i }),
              ),
            },
          ],
        }),
      );
    await appendTo(plain, 0, 12);
    await plain.close();

    const partitioned = await openStore({ schema, eventsPerPartition: 10 });
    expect(await partitionsOf()).toEqual(['events_p0']);
    expect(successOf(await partitioned.readAll())).toHaveLength(12);
    // Positions 13–45: partitions for 21–30, 31–40 and 41–50 are created by this append.
    await appendTo(partitioned, 12, 33);
    expect(await partitionsOf()).toEqual(['events_p0', 'events_p2', 'events_p3', 'events_p4']);
    await partitioned.close();

    const reopened = await openStore({ schema });
    await appendTo(reopened, 45, 10);
    expect(await partitionsOf()).toEqual([
      'events_p0',
      'events_p2',
      'events_p3',
      'events_p4',
      'events_p5',
    ]);
    const events = successOf(await reopened.readStream('grows'));
    expect(events.map((e) => e.eventId)).toEqual(Array.from({ length: 55 }, (_, i) => `g-${i}`));
    expect(events.map((e) => Number(e.position))).toEqual(
      Array.from({ length: 55 }, (_, i) => i + 1),
    );
    expect(successOf(await reopened.verify()).ok).toBe(true);
    await reopened.close();

    for (const statement of [
      `UPDATE "${schema}".events SET type = 'Changed' WHERE position = 30`,
      `DELETE FROM "${schema}".events_p3`,
      `TRUNCATE "${schema}".events_p4`,
      `TRUNCATE "${schema}".events_p0`,
    ]) {
      await expect(bySql(statement)).rejects.toThrow(/append-only/);
    }
  });
});

/**
 * The command handler on real SQLite files: the whole story (registry, office, person, bodies and
 * a merger) with the hash chain verified afterwards; a command id recorded before a restart
 * still appends once; and several real processes racing with the same command ids against one
 * file append each command exactly once, the others answered as duplicates (docs/reference/domain.md rule 10).
 */
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BodyId } from '@mandate/core';
import type { SqliteEventStore } from '@mandate/adapter-sqlite';
import { startChild } from './child-process.fixture.js';
import {
  appointOfficeHolder,
  createSeat,
  envelope,
  establishBody,
  establishOffice,
  mergeBodies,
  registerCity,
  registerPerson,
  registerProvince,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import {
  openSqlite,
  raceScript,
  scratchDirectory,
  type OutcomeSummary,
  type ScratchDirectory,
} from './sqlite.fixture.js';
import { acceptedOf, recordCited, streamEvents, wholeLog } from './store.fixture.js';

const WORKERS = 3;

describe('the command handler on a SQLite file', () => {
  let scratch: ScratchDirectory;
  const open: SqliteEventStore[] = [];
  const openStore = async (file: string) => {
    const store = await openSqlite(file);
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    scratch = await scratchDirectory();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await scratch.remove();
  });

  it('handles the whole story, leaving a verified log', async () => {
    const store = await openStore(scratch.file());
    const handler = createCommandHandler({ store });
    const story = [
      registerProvince,
      registerCity,
      establishOffice(),
      registerPerson(),
      appointOfficeHolder(),
      establishBody('bcd-a'),
      establishBody('bcd-b'),
      createSeat('bcd-a', 'uy-vien-1', 'giam-doc-so-tc'),
      mergeBodies('hop-nhat', ['bcd-a', 'bcd-b'], 'bcd-c'),
    ];
    await recordCited(handler, ...story);
    let events = (await wholeLog(store)).length;
    for (const [i, command] of story.entries()) {
      events += acceptedOf(await handler.handle(envelope(`story-${i}`, command))).events;
    }

    expect(await wholeLog(store)).toHaveLength(events);
    const verified = await store.verify();
    expect(E.isRight(verified) && verified.right).toMatchObject({
      ok: true,
      events: BigInt(events),
    });
    const successor = await handler.loadBody('bcd-c' as BodyId);
    expect(E.isRight(successor) && successor.right.state.status).toBe('active');
  });

  it('appends a command once across a restart, answering it with its first outcome', async () => {
    const file = scratch.file();
    const before = await openSqlite(file);
    const first = createCommandHandler({ store: before });
    await recordCited(first, registerProvince, establishBody('bcd-a'));
    acceptedOf(await first.handle(envelope('p', registerProvince)));
    const original = acceptedOf(await first.handle(envelope('a', establishBody('bcd-a'))));
    await before.close();

    const after = await openStore(file);
    const restarted = createCommandHandler({ store: after });
    const log = await wholeLog(after);
    const again = acceptedOf(await restarted.handle(envelope('a', establishBody('bcd-a'))));
    const changed = acceptedOf(await restarted.handle(envelope('a', establishBody('bcd-z'))));

    expect(again).toEqual({ ...original, duplicate: true, events: 0 });
    expect(changed).toEqual(again);
    expect(await wholeLog(after)).toEqual(log);
    expect(await streamEvents(after, 'body-bcd-z')).toEqual([]);
  });

  it('appends each command once when several processes race with the same ids', async () => {
    const file = scratch.file();
    const workers = Array.from({ length: WORKERS }, () =>
      startChild('race-worker.fixture.ts', [file]),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.process.stdin.end('go\n');
    const reports = await Promise.all(
      workers.map(
        async (worker) => JSON.parse((await worker.exited).at(-1) ?? '[]') as OutcomeSummary[],
      ),
    );

    let expectedEvents = 0;
    for (const [i, { commandId }] of raceScript.entries()) {
      const outcomes = reports.map((report) => report[i]);
      expect(outcomes.map((o) => o?.commandId)).toEqual(Array(WORKERS).fill(commandId));
      const winners = outcomes.filter((o) => o?.outcome === 'accepted' && o.duplicate === false);
      const duplicates = outcomes.filter((o) => o?.outcome === 'accepted' && o.duplicate === true);
      expect({ commandId, winners: winners.length, duplicates: duplicates.length }).toEqual({
        commandId,
        winners: 1,
        duplicates: WORKERS - 1,
      });
      expect(new Set(outcomes.map((o) => o?.lastPosition)).size).toBe(1);
      expectedEvents += winners[0]?.events ?? 0;
    }
    const store = await openStore(file);
    const log = await wholeLog(store);
    expect(log).toHaveLength(expectedEvents);
    expect(new Set(log.map((e) => e.metadata.commandId))).toEqual(
      new Set(raceScript.map((submitted) => submitted.commandId)),
    );
    const verified = await store.verify();
    expect(E.isRight(verified) && verified.right.ok).toBe(true);
  });
});

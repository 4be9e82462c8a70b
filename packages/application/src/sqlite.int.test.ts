/**
 * The command handler on real SQLite files: the whole story (registry, office, person, bodies and
 * a merger) with the hash chain verified afterwards; a command id recorded before a restart
 * still appends once; and several real processes racing with the same command ids against one
 * file append each command exactly once, the others answered as duplicates (docs/reference/domain.md rule 10);
 * a registry change committed through another connection between a command's read and its append
 * makes the append conflict, and the command is decided again on the new registry (rule 17); and
 * an appointment racing, through another connection, the creation of a seat following the office
 * conflicts on the office's index of followers and is refused on the new state (rule 20).
 */
import * as E from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BodyId } from '@mandate/core';
import type { SqliteEventStore } from '@mandate/adapter-sqlite';
import { startChild } from './child-process.fixture.js';
import {
  CITY,
  PROVINCE,
  appointOfficeHolder,
  createSeat,
  envelope,
  establishBody,
  instrument,
  mergeBodies,
  mergeCityIntoProvince,
  registerCity,
  registerProvince,
  renameBodyBy,
  seatedWorld,
} from './commands.fixture.js';
import { createCommandHandler } from './handle.js';
import {
  openSqlite,
  raceScript,
  scratchDirectory,
  type OutcomeSummary,
  type ScratchDirectory,
} from './sqlite.fixture.js';
import {
  acceptedOf,
  failureOf,
  intercepted,
  recordCited,
  streamEvents,
  wholeLog,
} from './store.fixture.js';

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
      ...seatedWorld.map(([, command]) => command),
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
    await recordCited(
      first,
      registerProvince,
      establishBody('bcd-a'),
      ...seatedWorld.map(([, command]) => command),
    );
    acceptedOf(await first.handle(envelope('p', registerProvince)));
    for (const [id, command] of seatedWorld) acceptedOf(await first.handle(envelope(id, command)));
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

  it('decides again on the new registry when another connection changed it between read and append', async () => {
    const file = scratch.file();
    const mine = await openStore(file);
    const theirs = await openStore(file);
    const other = createCommandHandler({ store: theirs });
    const byCity = establishBody('bcd-city', { issuer: CITY, authority: CITY });
    const merger = mergeCityIntoProvince();
    const rename = renameBodyBy(CITY, 'bcd-city', 'Tên mới');
    await recordCited(other, registerProvince, registerCity, byCity, merger, rename);
    await recordCited(other, ...seatedWorld.map(([, command]) => command));
    acceptedOf(await other.handle(envelope('p', registerProvince)));
    acceptedOf(await other.handle(envelope('c', registerCity)));
    for (const [id, command] of seatedWorld) acceptedOf(await other.handle(envelope(id, command)));
    acceptedOf(
      await other.handle(
        envelope('b', establishBody('bcd-city', { issuer: CITY, authority: CITY })),
      ),
    );
    let appends = 0;
    const racing = intercepted(mine, {
      beforeAppend: async () => {
        appends++;
        if (appends === 1) acceptedOf(await other.handle(envelope('merge', merger)));
      },
    });
    const handler = createCommandHandler({ store: racing });

    const failure = failureOf(await handler.handle(envelope('mine', rename)));

    expect(appends).toBe(1);
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: { _tag: 'NoJurisdiction', issuer: CITY },
    });
    const log = await wholeLog(mine);
    expect(log.map((e) => e.metadata.commandId)).not.toContain('mine');
    expect(log.at(-1)?.type).toBe('AuthorityMerged');
    const verified = await mine.verify();
    expect(E.isRight(verified) && verified.right.ok).toBe(true);
  });

  it('refuses an appointment that a seat created through another connection makes sit twice', async () => {
    const file = scratch.file();
    const mine = await openStore(file);
    const theirs = await openStore(file);
    const other = createCommandHandler({ store: theirs });
    const chair = appointOfficeHolder();
    const finance = appointOfficeHolder('giam-doc-so-tc', 'nguyen-van-tram', '2018-05-01');
    const cited = {
      ...finance,
      data: { ...finance.data, basis: instrument(PROVINCE, '2018-05-01', '8/QĐ-UBND') },
    };
    const seat = createSeat('bcd-a', 'uy-vien', 'giam-doc-so-tc');
    const world = seatedWorld.map(([, command]) => command);
    await recordCited(
      other,
      registerProvince,
      ...world,
      establishBody('bcd-a'),
      chair,
      cited,
      seat,
    );
    acceptedOf(await other.handle(envelope('p', registerProvince)));
    for (const [id, command] of seatedWorld) acceptedOf(await other.handle(envelope(id, command)));
    acceptedOf(await other.handle(envelope('a', establishBody('bcd-a'))));
    acceptedOf(await other.handle(envelope('chair', chair)));
    let appends = 0;
    const racing = intercepted(mine, {
      beforeAppend: async () => {
        appends++;
        if (appends === 1) acceptedOf(await other.handle(envelope('seat', seat)));
      },
    });
    const handler = createCommandHandler({ store: racing });

    const failure = failureOf(await handler.handle(envelope('finance', cited)));

    expect(appends).toBe(1);
    expect(failure).toMatchObject({
      _tag: 'Refused',
      refusal: {
        _tag: 'PersonSitsTwice',
        bodyId: 'bcd-a',
        person: 'nguyen-van-tram',
        on: '2018-06-01',
        seats: ['truong-ban', 'uy-vien'],
      },
    });
    const log = await wholeLog(mine);
    expect(log.map((e) => e.metadata.commandId)).not.toContain('finance');
    expect(log.at(-1)).toMatchObject({
      stream: 'seats-of-office-giam-doc-so-tc',
      type: 'SeatFollowsOffice',
    });
    const verified = await mine.verify();
    expect(E.isRight(verified) && verified.right.ok).toBe(true);
  });
});

/**
 * The demo's illustrative sequel, asserted on a real SQLite file: after the seed story, the new
 * director recorded from a misprinted 2020-03-01 sits as the standing member on 2020-04-01 as
 * known before the erratum, the previous director as known after; telling it again (as a rerun of
 * the demo on the same file does) appends nothing and answers the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import type { CalendarDate } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import { readWholeLog } from '../src/log.js';
import { renderSequel, tellSequel, type SequelAnswers } from '../src/sequel.js';
import { tellStory } from '../src/story.js';

describe('the illustrative sequel: a misprinted start, corrected', () => {
  let directory: string;
  let store: EventStore;
  let readModelFile: string;
  let answers: SequelAnswers;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'mandate-sequel-'));
    const opened = await createSqliteEventStore({ path: join(directory, 'events.sqlite') });
    if (opened._tag === 'Left') throw new Error(opened.left.message);
    store = opened.right;
    await tellStory(store, '2019-01-01' as CalendarDate);
    readModelFile = join(directory, 'events.read-model.sqlite');
    answers = await tellSequel(store, readModelFile);
  });
  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers the new director as known before the erratum, the previous one now', () => {
    expect(answers.standingMember).toEqual({
      beforeErratum: 'Người minh hoạ B',
      now: 'Người minh hoạ A',
    });
    expect(renderSequel(answers)).toContain('ILLUSTRATIVE');
  });

  it('appends nothing when told again, and answers the same', async () => {
    const before = (await readWholeLog(store)).length;
    const again = await tellSequel(store, readModelFile);
    expect((await readWholeLog(store)).length).toBe(before);
    expect(again.standingMember).toEqual(answers.standingMember);
  });
});

/**
 * The demo's answers, asserted: the story told through the public API gives the facts of the
 * 2018 decision, on the in-memory store and on a real SQLite file alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import type { CalendarDate } from '@mandate/core';
import { createInMemoryEventStore } from '@mandate/eventstore';
import type { EventStore } from '@mandate/eventstore';
import { render } from '../src/render.js';
import { tellStory } from '../src/story.js';

const ON = '2019-01-01' as CalendarDate;

async function withSqlite<A>(run: (store: EventStore) => Promise<A>): Promise<A> {
  const directory = mkdtempSync(join(tmpdir(), 'mandate-example-'));
  const opened = await createSqliteEventStore({ path: join(directory, 'demo.sqlite') });
  if (opened._tag === 'Left') throw new Error(opened.left.message);
  try {
    return await run(opened.right);
  } finally {
    await opened.right.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.each([
  ['in memory', (run: (store: EventStore) => Promise<unknown>) => run(createInMemoryEventStore())],
  ['on a SQLite file', withSqlite],
])('the Bình Phước 2018 story, %s', (_name, using) => {
  it('answers who sat on the successor, with which duties and obligations', async () => {
    await using(async (store) => {
      const answers = await tellStory(store, ON);
      expect(answers.successorName).toBe(
        'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
      );
      expect(answers.establishedOn).toBe('2018-12-04');
      expect(answers.predecessors).toHaveLength(3);
      expect(answers.predecessors.every((p) => p.endedOn === '2018-12-04')).toBe(true);
      expect(answers.seats).toHaveLength(17);
      expect(answers.seats[0]).toMatchObject({
        roles: ['head'],
        follows: 'person',
        person: 'Nguyễn Văn Trăm',
        office: 'Chủ tịch UBND tỉnh',
      });
      expect(answers.seats.filter((seat) => seat.roles.length === 2)).toEqual([
        expect.objectContaining({ roles: ['standing-member', 'secretary'], follows: 'office' }),
      ]);
      expect(
        answers.seats
          .slice(1)
          .every((seat) => seat.follows === 'office' && seat.person === undefined),
      ).toBe(true);
      expect(answers.duties.map((d) => d.category)).toEqual([
        'advise',
        'coordinate',
        'opine',
        'review',
        'report',
        'other',
      ]);
      expect(answers.obligations.map((o) => o.cadence)).toEqual(['annual', 'semi-annual']);
      expect(answers.annualReview2019Filed).toBe(true);
      expect(answers.jurisdiction).toEqual([
        { on: '2025-06-30', authority: 'ubnd-tinh-binh-phuoc' },
        { on: '2025-07-01', authority: 'ubnd-tinh-dong-nai' },
      ]);
    });
  });

  it('finds no seats before the decision took effect', async () => {
    await using(async (store) => {
      const answers = await tellStory(store, '2018-12-03' as CalendarDate);
      expect(answers.seats).toHaveLength(0);
      expect(render(answers, '2018-12-03', 'a test store')).toContain('Seats on 2018-12-03 (0):');
    });
  });
});

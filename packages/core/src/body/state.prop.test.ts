import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../kernel/index.js';
import { addDays } from '../kernel/index.js';
import {
  bodyCommands,
  endOf,
  eventDates,
  naiveSeatsOn,
  replayBodyCommands,
} from '../testing/body-arbitraries.js';
import type { Event } from './events.js';
import { activeSeatsOn, dutiesOn, nameOn } from './state.js';

/** Each event date and the day before it: where the answer may change, and just before. */
const probeDates = (history: ReadonlyArray<Event>): CalendarDate[] =>
  eventDates(history).flatMap((date) => [addDays(date, -1) ?? date, date]);

/** The value the latest event about a date on or before `date` gives (later events win ties). */
function latest<A>(values: ReadonlyArray<readonly [CalendarDate, A]>, date: CalendarDate) {
  let best: readonly [CalendarDate, A] | undefined;
  for (const v of values) if (v[0] <= date && (best === undefined || v[0] >= best[0])) best = v;
  return best?.[1];
}

function naiveNameOn(history: ReadonlyArray<Event>, date: CalendarDate) {
  const established = history.find((e) => e.type === 'BodyEstablished');
  const end = endOf(history);
  if (established === undefined || date < established.data.effectiveOn) return undefined;
  if (end !== undefined && date >= end) return undefined;
  return latest(
    history.flatMap((e) =>
      e.type === 'BodyEstablished' || e.type === 'BodyRenamed'
        ? [[e.data.effectiveOn, e.data.name] as const]
        : [],
    ),
    date,
  );
}

function naiveDutiesOn(history: ReadonlyArray<Event>, date: CalendarDate) {
  const end = endOf(history);
  if (end !== undefined && date >= end) return [];
  return history.flatMap((assigned) => {
    if (assigned.type !== 'DutyAssigned' || assigned.data.effectiveOn > date) return [];
    const { dutyId, provenance } = assigned.data;
    const about = history.filter((e) => 'dutyId' in e.data && e.data.dutyId === dutyId);
    const revoked = about.find((e) => e.type === 'DutyRevoked');
    if (revoked !== undefined && date >= revoked.data.effectiveOn) return [];
    const categories = about.flatMap((e) =>
      (e.type === 'DutyAssigned' || e.type === 'DutyAmended') && e.data.category !== undefined
        ? [[e.data.effectiveOn, e.data.category] as const]
        : [],
    );
    const texts = about.flatMap((e) =>
      (e.type === 'DutyAssigned' || e.type === 'DutyAmended') && e.data.text !== undefined
        ? [[e.data.effectiveOn, e.data.text] as const]
        : [],
    );
    return [{ dutyId, category: latest(categories, date), text: latest(texts, date), provenance }];
  });
}

describe('the state answers as the events say', () => {
  it('seats, names and duties on every date agree with a naive reading of the history', () => {
    fc.assert(
      fc.property(bodyCommands(), (commands) => {
        for (const step of replayBodyCommands(commands)) {
          if (step.decision._tag === 'Left') continue;
          for (const date of probeDates(step.history)) {
            expect(activeSeatsOn(step.after, date)).toEqual(naiveSeatsOn(step.history, date));
            expect(nameOn(step.after, date)).toEqual(naiveNameOn(step.history, date));
            expect(dutiesOn(step.after, date)).toEqual(naiveDutiesOn(step.history, date));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

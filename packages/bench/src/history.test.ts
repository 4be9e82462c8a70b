/**
 * The generated histories are ones the body decider accepts: every decision, replayed through
 * `decide`, records exactly the history's events; the folded state agrees with the generator's
 * model; every event decodes through the body's event codec; and a seed always gives the same
 * history.
 */
import { describe, expect, it } from 'vitest';
import { Body, fold, type BodyId } from '@mandate/core';
import { bodyHistory, decideCheck, foldCheck } from './history.js';

const bodyId = 'bcd-kiem-thu' as BodyId;

describe('bodyHistory', () => {
  it.each([1, 2, 30, 100, 400])('gives exactly %i events, all accepted by decide', (events) => {
    for (const seed of [1, 2, 3]) {
      const history = bodyHistory({ bodyId, events, seed });
      expect(history.events).toHaveLength(events);
      expect(decideCheck(history, Number.POSITIVE_INFINITY)).toEqual({
        ok: true,
        steps: history.steps.length,
        events,
      });
      expect(foldCheck(history, fold(Body.decider, history.events))).toBeUndefined();
    }
  });

  it('writes events that decode through the body event codec, as they are', () => {
    const history = bodyHistory({ bodyId, events: 600, seed: 11 });
    for (const event of history.events) {
      const decoded = Body.Event.decode(JSON.parse(JSON.stringify(event)));
      expect(decoded._tag).toBe('Right');
      if (decoded._tag === 'Right') expect(decoded.right).toEqual(event);
    }
  });

  it('covers every kind of change a body goes through', () => {
    const types = new Set(
      bodyHistory({ bodyId, events: 3_000, seed: 5 }).events.map((e) => e.type),
    );
    // Not generated, so that workload sizes stay comparable between runs of the bench: a body's
    // end, corrections of its record (rule 14) and transfers to another authority (rule 9).
    const notGenerated = new Set<string>([
      'BodyEnded',
      'BodiesAbsorbed',
      'BodyTransferred',
      'SeatHoldingCorrected',
      'EstablishmentDateCorrected',
      'BodyNameCorrected',
      'SeatRolesCorrected',
      'SeatDateCorrected',
      'DutyDateCorrected',
      'ObligationDateCorrected',
      'RenameDateCorrected',
      'EndDateCorrected',
      'SeatRolesChangeDateCorrected',
      'DutyAmendmentDateCorrected',
    ]);
    expect([...types].sort()).toEqual(
      Object.keys(Body.EventVersions)
        .filter((type) => !notGenerated.has(type))
        .sort(),
    );
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    const a = bodyHistory({ bodyId, events: 200, seed: 42 });
    expect(bodyHistory({ bodyId, events: 200, seed: 42 }).events).toEqual(a.events);
    expect(bodyHistory({ bodyId, events: 200, seed: 43 }).events).not.toEqual(a.events);
  });

  it('notices a history the decider would refuse', () => {
    const history = bodyHistory({ bodyId, events: 100, seed: 9 });
    const [first, ...rest] = history.steps;
    expect(first).toBeDefined();
    const doubled = { ...history, steps: [first!, first!, ...rest] };
    expect(decideCheck(doubled, 2)).toMatchObject({ ok: false, step: 1 });
    const lastSeat = [...history.model.seats.keys()].at(-1)!;
    const wrongModel = {
      ...history,
      model: {
        ...history.model,
        seats: new Map([...history.model.seats].filter(([id]) => id !== lastSeat)),
      },
    };
    expect(foldCheck(wrongModel, fold(Body.decider, history.events))).toMatch(/seats/);
  });
});

/**
 * Which holdings a body's decided events begin (docs/reference/domain.md rules 18 to 20), over any
 * events the codec accepts: a created seat, a replaced holder and a holding corrected to a holder
 * each begin one, in order; every other event — a rename, a duty, an obligation, a report, an end,
 * a relief or abolition, any other correction — begins none, wherever it stands among them. The
 * body the events leave is unestablished here, so a corrected creation date begins none either
 * (holdings.test.ts covers it with a body).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import * as Seating from '../../src/seating/index.js';
import { anyBodyEvent } from '../../src/testing/body-arbitraries.js';

/** The holding an event begins, read from its plain data: `undefined` when it begins none. */
function begun(event: Body.Event): Record<string, unknown> | undefined {
  const { type, data } = JSON.parse(JSON.stringify(event)) as {
    type: string;
    data: Record<string, unknown>;
  };
  const { bodyId, seatId, effectiveOn: from, holder } = data;
  if (type === 'SeatCreated' || type === 'SeatHolderReplaced')
    return { bodyId, seatId, from, holder };
  if (type === 'SeatHoldingCorrected' && holder !== null) return { bodyId, seatId, from, holder };
  return undefined;
}

describe('newHoldings', () => {
  it('begins one holding per created seat, replaced holder or holding corrected to a holder, and none for any other event', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(anyBodyEvent, { minLength: 1, maxLength: 8 }), (events) => {
        for (const { type } of events) seen.add(type);
        const expected = events.flatMap((event) => {
          const holding = begun(event);
          return holding === undefined ? [] : [holding];
        });
        const holdings = Seating.newHoldings(events, Body.initialState);
        expect(JSON.parse(JSON.stringify(holdings))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    // Every event type is drawn, so none is left unread.
    expect([...seen].sort()).toEqual(Object.keys(Body.EventVersions).sort());
  });
});

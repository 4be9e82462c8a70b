/**
 * The holdings a decision begins, for the rules across streams: a corrected creation date begins
 * the seat's first holding on the corrected date (so rules 18 to 20 are checked for it there); a
 * corrected abolition begins none, nor does a corrected creation of a seat vacant from it.
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../body/index.js';
import { fold } from '../kernel/index.js';
import type { BodyId, EventId, SeatHolder, SeatId } from '../kernel/index.js';
import { newHoldings } from './holdings.js';
import { day, source } from './examples.fixture.js';

const BODY = 'bcd-a' as BodyId;
const SEAT = 'uy-vien' as SeatId;
const holder = { follows: 'office', office: 'giam-doc-so-tc' } as SeatHolder;

const history: Body.Event[] = [
  Body.bodyEstablished({
    bodyId: BODY,
    effectiveOn: day('2018-01-01'),
    source,
    kind: 'steering-committee',
    name: { vi: 'Ban' } as Body.BodyEstablished['data']['name'],
    authority: 'ubnd-tinh' as Body.BodyEstablished['data']['authority'],
    origin: { kind: 'decision' },
  }),
  Body.seatCreated({
    bodyId: BODY,
    effectiveOn: day('2018-06-01'),
    source,
    seatId: SEAT,
    roles: Body.roleSet('member'),
    holder,
  }),
];

const corrected = (boundary: 'start' | 'end', effectiveOn: string): Body.Event => ({
  type: 'SeatDateCorrected',
  data: {
    bodyId: BODY,
    effectiveOn: day(effectiveOn),
    source,
    corrects: 'event-2' as EventId,
    seatId: SEAT,
    boundary,
    previous: day('2018-06-01'),
  },
});

describe('newHoldings', () => {
  it('begins the first holding of a seat on its corrected creation date', () => {
    const events = [corrected('start', '2018-03-01')];
    const after = fold(Body.decider, events, fold(Body.decider, history));
    expect(newHoldings(events, after)).toEqual([
      { bodyId: BODY, seatId: SEAT, from: '2018-03-01', holder },
    ]);
  });

  it('begins no holding when the creation date of a seat vacant from its creation is corrected', () => {
    const vacant: Body.Event = {
      type: 'SeatHoldingCorrected',
      data: {
        bodyId: BODY,
        effectiveOn: day('2018-06-01'),
        source,
        corrects: 'event-2' as EventId,
        seatId: SEAT,
        previous: holder,
        holder: null,
      },
    };
    const events = [corrected('start', '2018-03-01')];
    const after = fold(Body.decider, events, fold(Body.decider, [...history, vacant]));
    expect(newHoldings(events, after)).toEqual([]);
  });

  it('begins no holding when a seat’s abolition date is corrected', () => {
    const events = [corrected('end', '2019-03-01')];
    const after = fold(Body.decider, events, fold(Body.decider, history));
    expect(newHoldings(events, after)).toEqual([]);
  });
});

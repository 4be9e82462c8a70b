/**
 * Which holdings a body's new events begin, and which office and person streams the seating
 * rules (docs/reference/domain.md rules 18 to 20) must read to judge them.
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import {
  instrumentSource,
  type CalendarDate,
  type EventId,
  type LegalBasis,
  type OfficeId,
  type PersonId,
  type SeatHolder,
  type SeatId,
} from '../../src/kernel/index.js';
import * as Seating from '../../src/seating/index.js';
import { BODY, bodyWith, ESTABLISHED_ON } from '../rules/seating-world.js';

const CHAIR = 'chu-tich-ubnd-tinh' as OfficeId;
const DEPUTY = 'pho-chu-tich-ubnd-tinh' as OfficeId;
const DIRECTOR = 'giam-doc-so-tttt' as OfficeId;
const A = 'nguyen-van-a' as PersonId;
const B = 'tran-thi-b' as PersonId;
const C = 'le-van-c' as PersonId;
const SEAT = 'ghe-1' as SeatId;
const on = '2019-03-04' as CalendarDate;
const later = '2020-05-06' as CalendarDate;

const common = (effectiveOn: CalendarDate) => ({
  bodyId: BODY,
  effectiveOn,
  source: instrumentSource({
    type: 'decision',
    number: '1/QĐ-UBND',
    issuer: 'ubnd-tinh-binh-phuoc',
    signer: { name: 'Nguyễn Văn A' },
    signedOn: effectiveOn,
  } as LegalBasis),
});
const exOfficio = (office: OfficeId, namedPerson?: PersonId): SeatHolder =>
  namedPerson === undefined
    ? { follows: 'office', office }
    : { follows: 'office', office, namedPerson };
const named = (person: PersonId, asOffice?: OfficeId): SeatHolder =>
  asOffice === undefined ? { follows: 'person', person } : { follows: 'person', person, asOffice };

describe('newHoldings', () => {
  it('begins a holding for each created seat, replaced holder and corrected holding with a holder', () => {
    const events: Body.Event[] = [
      Body.seatCreated({
        ...common(on),
        seatId: SEAT,
        roles: Body.roleSet('member'),
        holder: named(A),
      }),
      Body.seatHolderRelieved({ ...common(on), seatId: SEAT, previous: named(A) }),
      Body.seatHolderReplaced({ ...common(later), seatId: SEAT, previous: null, holder: named(B) }),
      {
        type: 'SeatHoldingCorrected',
        data: {
          ...common(on),
          corrects: 'event-1' as EventId,
          seatId: SEAT,
          previous: named(A),
          holder: exOfficio(CHAIR),
        },
      },
      {
        type: 'SeatHoldingCorrected',
        data: {
          ...common(later),
          corrects: 'event-3' as EventId,
          seatId: SEAT,
          previous: named(B),
          holder: null,
        },
      },
      Body.seatAbolished({ ...common(later), seatId: SEAT }),
    ];
    expect(Seating.newHoldings(events, Body.initialState)).toEqual([
      { bodyId: BODY, seatId: SEAT, from: on, holder: named(A) },
      { bodyId: BODY, seatId: SEAT, from: later, holder: named(B) },
      { bodyId: BODY, seatId: SEAT, from: on, holder: exOfficio(CHAIR) },
    ]);
  });
  it('begins no holding when a seat’s abolition date is corrected', () => {
    const after = bodyWith([
      { seatId: SEAT, holder: named(A), createdOn: ESTABLISHED_ON, abolishedOn: later },
    ]);
    const moved: Body.Event = {
      type: 'SeatDateCorrected',
      data: {
        ...common(later),
        corrects: 'event-3' as EventId,
        seatId: SEAT,
        boundary: 'end',
        previous: on,
      },
    };
    expect(Seating.newHoldings([moved], after)).toEqual([]);
  });
});

describe('officesNamed and personsNamed', () => {
  it('name the followed office and the person named beside it', () => {
    expect(Seating.officesNamed(exOfficio(CHAIR, A))).toEqual([CHAIR]);
    expect(Seating.personsNamed(exOfficio(CHAIR, A))).toEqual([A]);
    expect(Seating.personsNamed(exOfficio(CHAIR))).toEqual([]);
  });

  it('name the person and the office they sit as', () => {
    expect(Seating.personsNamed(named(A, DEPUTY))).toEqual([A]);
    expect(Seating.officesNamed(named(A, DEPUTY))).toEqual([DEPUTY]);
    expect(Seating.officesNamed(named(A))).toEqual([]);
  });
});

describe('streamsNamed', () => {
  const body = bodyWith([
    { seatId: 'ghe-giam-doc', holder: exOfficio(DIRECTOR), createdOn: ESTABLISHED_ON },
    { seatId: 'ghe-b', holder: named(B, DEPUTY), createdOn: ESTABLISHED_ON },
  ]);
  if (body.status === 'unestablished') throw new Error('The body was not established');
  const holding = (holder: SeatHolder): Seating.NewHolding => ({
    bodyId: BODY,
    seatId: SEAT,
    from: on,
    holder,
  });

  it('reads nothing when no holding begins', () => {
    expect(Seating.streamsNamed(body, [])).toEqual({ offices: [], persons: [] });
  });

  it('reads the offices and persons the new holdings name, and every office a seat follows', () => {
    const streams = Seating.streamsNamed(body, [
      holding(exOfficio(CHAIR, A)),
      holding(named(C, CHAIR)),
    ]);
    expect([...streams.offices].sort()).toEqual([CHAIR, DIRECTOR].sort());
    expect([...streams.persons].sort()).toEqual([A, C].sort());
  });
});

/**
 * The seating checks on cases the rule 20 properties seldom draw: a decision whose second holding
 * (not its first) seats someone twice, a seat not yet created on a checked day, a vacant seat
 * among those whose offices are read or those scanned, and a holding of a seat the body does not
 * have.
 */
import { describe, expect, it } from 'vitest';
import * as Body from '../../src/body/index.js';
import {
  instrumentSource,
  type CalendarDate,
  type LegalBasis,
  type OfficeId,
  type PersonId,
  type SeatHolder,
  type SeatId,
} from '../../src/kernel/index.js';
import type { PersonState } from '../../src/person/state.js';
import { sitsTwice } from '../../src/seating/check.js';
import * as Seating from '../../src/seating/index.js';
import { BODY, bodyWith, ESTABLISHED_ON } from '../rules/seating-world.js';

const CHAIR = 'chu-tich-ubnd-tinh' as OfficeId;
const A = 'nguyen-van-a' as PersonId;
const B = 'tran-thi-b' as PersonId;
const later = '2019-03-04' as CalendarDate;
const named = (person: PersonId): SeatHolder => ({ follows: 'person', person });
const holding = (seatId: string, from: CalendarDate, holder: SeatHolder): Seating.NewHolding => ({
  bodyId: BODY,
  seatId: seatId as SeatId,
  from,
  holder,
});
const established = (state: Body.State) => {
  if (state.status === 'unestablished') throw new Error('The body was not established');
  return state;
};
const registered = { status: 'registered' } as PersonState;

describe('seatingRefusal', () => {
  it('refuses a decision whose second holding seats a person twice, from a seat created later', () => {
    const body = established(
      bodyWith([
        { seatId: 'ghe-1', holder: named(B), createdOn: ESTABLISHED_ON },
        { seatId: 'ghe-2', holder: named(A), createdOn: later },
        { seatId: 'ghe-3', holder: named(A), createdOn: later },
      ]),
    );
    const facts = { offices: () => undefined, persons: () => registered };
    expect(
      Seating.seatingRefusal(
        body,
        [holding('ghe-1', ESTABLISHED_ON, named(B)), holding('ghe-3', later, named(A))],
        facts,
      ),
    ).toMatchObject({ _tag: 'PersonSitsTwice', person: A, on: later, seats: ['ghe-2', 'ghe-3'] });
  });
});

describe('sitsTwice', () => {
  it('finds nothing for a holding of a seat the body does not have', () => {
    const body = established(bodyWith([{ seatId: 'ghe-1', holder: named(A), createdOn: later }]));
    expect(sitsTwice(body, holding('ghe-khac', later, named(A)), () => undefined)).toBeUndefined();
  });

  it('passes over another seat vacant on a day it scans', () => {
    // Ms. B's seat is vacant from mid-2018; Mr. A's holding from 2019 is scanned beside it.
    const relievedOn = '2018-06-01' as CalendarDate;
    const relieved = Body.seatHolderRelieved({
      bodyId: BODY,
      effectiveOn: relievedOn,
      source: instrumentSource({
        type: 'decision',
        number: '2/QĐ-UBND',
        issuer: 'ubnd-tinh-binh-phuoc',
        signer: { name: 'Nguyễn Văn A' },
        signedOn: relievedOn,
      } as LegalBasis),
      seatId: 'ghe-2' as SeatId,
      previous: named(B),
    });
    const body = established(
      Body.decider.evolve(
        bodyWith([
          { seatId: 'ghe-1', holder: named(A), createdOn: later },
          { seatId: 'ghe-2', holder: named(B), createdOn: ESTABLISHED_ON },
        ]),
        relieved,
      ),
    );
    expect(sitsTwice(body, holding('ghe-1', later, named(A)), () => undefined)).toBeUndefined();
  });
});

describe('streamsNamed', () => {
  it('reads the offices a body follows past a vacant holding', () => {
    const seat = { seatId: 'ghe-1', holder: { follows: 'office', office: CHAIR } as SeatHolder };
    const relieved = Body.seatHolderRelieved({
      bodyId: BODY,
      effectiveOn: later,
      source: instrumentSource({
        type: 'decision',
        number: '2/QĐ-UBND',
        issuer: 'ubnd-tinh-binh-phuoc',
        signer: { name: 'Nguyễn Văn A' },
        signedOn: later,
      } as LegalBasis),
      seatId: 'ghe-1' as SeatId,
      previous: seat.holder,
    });
    const body = established(
      Body.decider.evolve(bodyWith([{ ...seat, createdOn: ESTABLISHED_ON }]), relieved),
    );
    expect(Seating.streamsNamed(body, [holding('ghe-2', later, named(A))]).offices).toEqual([
      CHAIR,
    ]);
  });
});

/**
 * evolveCorrection on a written-out ended body: each date correction of a seat's, duty's or
 * obligation's end moves that end and nothing else, and a correction whose `previous` is not what
 * the record shows (a stream written before an earlier correction was folded, or replayed out of
 * its order) leaves the body unchanged, as the module promises (the gaps the mutation run over
 * evolve.ts found).
 */
import { isLeft } from 'fp-ts/Either';
import { PathReporter } from 'io-ts/PathReporter';
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate } from '../../kernel/index.js';
import { Event } from '../events.js';
import type { EstablishedBody } from '../state.js';
import type { RecordCorrected } from './events.js';
import { evolveCorrection } from './evolve.js';
import { endedBody } from './ended-body.fixture.js';

const day = unsafeCalendarDate;

/** The correction, written as the plain JSON a store would hold. */
function correction(type: RecordCorrected['type'], data: object): RecordCorrected {
  const result = Event.decode({
    type,
    data: {
      bodyId: 'ban',
      source: { kind: 'instrument', instrument: BASIS },
      corrects: 'e-1',
      ...data,
    },
  });
  if (isLeft(result)) throw new Error(PathReporter.report(result).join('; '));
  return result.right as RecordCorrected;
}

const BASIS = {
  type: 'decision',
  number: '02/QĐ-UBND',
  issuer: 'ubnd-tinh',
  signer: { name: 'Nguyễn Văn A', title: 'Chủ tịch' },
  signedOn: '2020-01-01',
};

const SEAT = {
  seatId: 'seat-head',
  createdOn: day('2019-01-01'),
  abolishedOn: day('2020-01-01'),
  roles: [{ from: day('2019-01-01'), roles: ['head'] }],
  holders: [{ from: day('2019-01-01'), holder: null }],
};
const DUTY = {
  dutyId: 'd1',
  provenance: { kind: 'establishment' },
  assignedOn: day('2019-01-01'),
  revokedOn: day('2019-09-01'),
  categories: [{ from: day('2019-01-01'), category: 'advise' }],
  texts: [{ from: day('2019-01-01'), text: { vi: 'Tham mưu' } }],
};
const OBLIGATION = {
  obligationId: 'o1',
  kind: 'report',
  cadence: 'annual',
  dueDaysAfterPeriodEnd: 15,
  recipients: [{ kind: 'authority', authority: 'ubnd-tinh' }],
  imposedOn: day('2019-02-01'),
  liftedOn: day('2019-10-01'),
};
/** Established on 2019-01-01, dissolved on 2020-01-01; one seat, duty and obligation. */
const ENDED = endedBody({
  seats: new Map([['seat-head', SEAT]]),
  duties: new Map([['d1', DUTY]]),
  obligations: new Map([['o1', OBLIGATION]]),
});
/** The same body before its dissolution. */
const ACTIVE = (({ endedOn: _on, endReason: _reason, ...facts }) => ({
  ...facts,
  status: 'active',
}))(ENDED as unknown as Record<string, unknown>);

describe('evolveCorrection (rule 14)', () => {
  it('moves the end of a seat, a duty and an obligation, and nothing else', () => {
    const seat = evolveCorrection(
      ENDED,
      correction('SeatDateCorrected', {
        seatId: 'seat-head',
        boundary: 'end',
        previous: '2020-01-01',
        effectiveOn: '2019-12-01',
      }),
    );
    expect(seat.seats.get('seat-head' as never)).toEqual({
      ...SEAT,
      abolishedOn: '2019-12-01',
    });
    expect({ ...seat, seats: ENDED.seats }).toEqual(ENDED);

    const duty = evolveCorrection(
      ENDED,
      correction('DutyDateCorrected', {
        dutyId: 'd1',
        boundary: 'end',
        previous: '2019-09-01',
        effectiveOn: '2019-08-01',
      }),
    );
    expect(duty.duties.get('d1' as never)).toEqual({ ...DUTY, revokedOn: '2019-08-01' });
    expect({ ...duty, duties: ENDED.duties }).toEqual(ENDED);

    const obligation = evolveCorrection(
      ENDED,
      correction('ObligationDateCorrected', {
        obligationId: 'o1',
        boundary: 'end',
        previous: '2019-10-01',
        effectiveOn: '2019-11-01',
      }),
    );
    expect(obligation.obligations.get('o1' as never)).toEqual({
      ...OBLIGATION,
      liftedOn: '2019-11-01',
    });
    expect({ ...obligation, obligations: ENDED.obligations }).toEqual(ENDED);
  });

  it('leaves the body unchanged when the record no longer shows `previous`', () => {
    const stale: Array<[RecordCorrected['type'], object]> = [
      ['EstablishmentDateCorrected', { previous: '2018-06-01' }],
      ['EndDateCorrected', { previous: '2020-02-01' }],
      ['SeatDateCorrected', { seatId: 'seat-head', boundary: 'end', previous: '2020-02-01' }],
      ['SeatDateCorrected', { seatId: 'seat-head', boundary: 'start', previous: '2018-06-01' }],
      ['DutyDateCorrected', { dutyId: 'd1', boundary: 'end', previous: '2019-09-02' }],
      ['DutyDateCorrected', { dutyId: 'd1', boundary: 'start', previous: '2018-06-01' }],
      ['ObligationDateCorrected', { obligationId: 'o1', boundary: 'end', previous: '2019-10-02' }],
      [
        'ObligationDateCorrected',
        { obligationId: 'o1', boundary: 'start', previous: '2018-06-01' },
      ],
    ];
    for (const [type, data] of stale)
      expect(
        evolveCorrection(ENDED, correction(type, { ...data, effectiveOn: '2019-03-01' })),
        type,
      ).toEqual(ENDED);
  });

  it('leaves an active body unchanged by an end-date correction', () => {
    const active = ACTIVE as unknown as EstablishedBody;
    expect(
      evolveCorrection(
        active,
        correction('EndDateCorrected', { previous: '2020-01-01', effectiveOn: '2019-12-01' }),
      ),
    ).toEqual(active);
  });
});

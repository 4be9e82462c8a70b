/**
 * A body refusal explains itself: each carries its tag, the rule it enforces and the facts it
 * names, and its message names those facts — an optional end or body only when there is one.
 */
import { describe, expect, it } from 'vitest';
import type {
  AuthorityId,
  BodyId,
  DutyId,
  ObligationId,
  ReportId,
  SeatId,
} from '../kernel/index.js';
import { unsafeCalendarDate } from '../kernel/index.js';
import type { PeriodLabel } from './period.js';
import * as refuse from './refusals.js';

const body = 'hoi-dong-thi-dua' as BodyId;
const other = 'ban-chi-dao' as BodyId;
const seat = 'chu-tich' as SeatId;
const second = 'pho-chu-tich' as SeatId;
const duty = 'tham-muu' as DutyId;
const obligation = 'bao-cao-quy' as ObligationId;
const report = 'bc-2019-q1' as ReportId;
const correction = 'bc-2019-q1-dc' as ReportId;
const period = '2019-Q1' as PeriodLabel;
const issuer = 'so-noi-vu' as AuthorityId;
const authority = 'ubnd-tinh' as AuthorityId;
const early = unsafeCalendarDate('2018-01-01');
const on = unsafeCalendarDate('2019-03-04');
const late = unsafeCalendarDate('2020-05-06');

describe('body refusals under rule 1', () => {
  it('name the body established, ended, or named instead of this one', () => {
    expect(refuse.alreadyEstablished(body)).toStrictEqual({
      _tag: 'AlreadyEstablished',
      rule: 1,
      message: 'Body hoi-dong-thi-dua is already established; a body is established once.',
      bodyId: body,
    });
    expect(refuse.bodyHasEnded(body, on)).toStrictEqual({
      _tag: 'BodyHasEnded',
      rule: 1,
      message:
        'Body hoi-dong-thi-dua ended on 2019-03-04; it accepts only reports for periods that ended by then.',
      bodyId: body,
      endedOn: on,
    });
    expect(refuse.reportPeriodAfterEnd(period, on)).toStrictEqual({
      _tag: 'ReportPeriodAfterEnd',
      rule: 1,
      message:
        'The body ended on 2019-03-04; period 2019-Q1 had not ended by then, so no report can be filed for it.',
      period,
      endedOn: on,
    });
    expect(refuse.wrongBody(body, other)).toStrictEqual({
      _tag: 'WrongBody',
      rule: 1,
      message: 'The command names body ban-chi-dao, but this stream is body hoi-dong-thi-dua.',
      bodyId: body,
      commandBodyId: other,
    });
  });
});

describe('body refusals under rules 2 and 3', () => {
  it('name the date and the two seats', () => {
    expect(refuse.twoHeads(on, [seat, second])).toStrictEqual({
      _tag: 'TwoHeads',
      rule: 2,
      message:
        'On 2019-03-04 seats chu-tich and pho-chu-tich would both be head; a body has at most one head.',
      on,
      seats: [seat, second],
    });
    expect(refuse.holderInTwoSeats(on, 'person nguyen-van-a', [seat, second])).toStrictEqual({
      _tag: 'HolderInTwoSeats',
      rule: 3,
      message:
        'On 2019-03-04 person nguyen-van-a would hold seats chu-tich and pho-chu-tich; a holder has at most one seat in a body.',
      on,
      identity: 'person nguyen-van-a',
      seats: [seat, second],
    });
  });
});

describe('body refusals under rule 4', () => {
  it('name the body not yet established only when the command names it', () => {
    expect(refuse.notEstablished()).toStrictEqual({
      _tag: 'NotEstablished',
      rule: 4,
      message: 'The body has not been established; nothing can change before it exists.',
    });
    expect(refuse.notEstablished(body)).toStrictEqual({
      _tag: 'NotEstablished',
      rule: 4,
      message:
        'Body hoi-dong-thi-dua has not been established; nothing can change before it exists.',
      bodyId: body,
    });
  });

  it('name the dates of a change before the establishment or an end before a later fact', () => {
    expect(refuse.beforeEstablishment(early, on)).toStrictEqual({
      _tag: 'BeforeEstablishment',
      rule: 4,
      message: '2018-01-01 is before the body was established on 2019-03-04.',
      effectiveOn: early,
      establishedOn: on,
    });
    expect(refuse.endBeforeLaterFact(on, late, 'seat chu-tich')).toStrictEqual({
      _tag: 'EndBeforeLaterFact',
      rule: 4,
      message:
        'The body cannot end on 2019-03-04: seat chu-tich is recorded on 2020-05-06, which would fall outside its life.',
      effectiveOn: on,
      factOn: late,
      fact: 'seat chu-tich',
    });
  });

  it('name the seat, and its end only when it has one', () => {
    expect(refuse.seatAlreadyExists(seat)).toStrictEqual({
      _tag: 'SeatAlreadyExists',
      rule: 4,
      message: 'Seat chu-tich already exists in this body.',
      seatId: seat,
    });
    expect(refuse.unknownSeat(seat)).toStrictEqual({
      _tag: 'UnknownSeat',
      rule: 4,
      message: 'Seat chu-tich does not exist in this body.',
      seatId: seat,
    });
    expect(refuse.outsideSeatLife(seat, early, on, undefined)).toStrictEqual({
      _tag: 'OutsideSeatLife',
      rule: 4,
      message:
        'Seat chu-tich exists from 2019-03-04; a change on 2018-01-01 falls outside its life.',
      seatId: seat,
      effectiveOn: early,
      createdOn: on,
    });
    expect(refuse.outsideSeatLife(seat, late, early, on)).toStrictEqual({
      _tag: 'OutsideSeatLife',
      rule: 4,
      message:
        'Seat chu-tich exists from 2018-01-01 until 2019-03-04; a change on 2020-05-06 falls outside its life.',
      seatId: seat,
      effectiveOn: late,
      createdOn: early,
      abolishedOn: on,
    });
    expect(refuse.seatAlreadyAbolished(seat, on)).toStrictEqual({
      _tag: 'SeatAlreadyAbolished',
      rule: 4,
      message: 'Seat chu-tich was already abolished on 2019-03-04.',
      seatId: seat,
      abolishedOn: on,
    });
    expect(refuse.seatHasLaterChanges(seat, on, late)).toStrictEqual({
      _tag: 'SeatHasLaterChanges',
      rule: 4,
      message: 'Seat chu-tich cannot be abolished on 2019-03-04: it changes on 2020-05-06.',
      seatId: seat,
      effectiveOn: on,
      changedOn: late,
    });
    expect(refuse.seatAlreadyVacant(seat, on)).toStrictEqual({
      _tag: 'SeatAlreadyVacant',
      rule: 4,
      message: 'Seat chu-tich is vacant on 2019-03-04; there is no holder to relieve.',
      seatId: seat,
      effectiveOn: on,
    });
  });

  it('name the duty, and its revocation only when it has one', () => {
    expect(refuse.dutyAlreadyExists(duty)).toStrictEqual({
      _tag: 'DutyAlreadyExists',
      rule: 4,
      message: 'Duty tham-muu already exists in this body.',
      dutyId: duty,
    });
    expect(refuse.unknownDuty(duty)).toStrictEqual({
      _tag: 'UnknownDuty',
      rule: 4,
      message: 'Duty tham-muu does not exist in this body.',
      dutyId: duty,
    });
    expect(refuse.outsideDutyLife(duty, early, on, undefined)).toStrictEqual({
      _tag: 'OutsideDutyLife',
      rule: 4,
      message: 'Duty tham-muu is in force from 2019-03-04; 2018-01-01 falls outside it.',
      dutyId: duty,
      effectiveOn: early,
      assignedOn: on,
    });
    expect(refuse.outsideDutyLife(duty, late, early, on)).toStrictEqual({
      _tag: 'OutsideDutyLife',
      rule: 4,
      message:
        'Duty tham-muu is in force from 2018-01-01 until 2019-03-04; 2020-05-06 falls outside it.',
      dutyId: duty,
      effectiveOn: late,
      assignedOn: early,
      revokedOn: on,
    });
    expect(refuse.dutyAlreadyRevoked(duty, on)).toStrictEqual({
      _tag: 'DutyAlreadyRevoked',
      rule: 4,
      message: 'Duty tham-muu was already revoked on 2019-03-04.',
      dutyId: duty,
      revokedOn: on,
    });
    expect(refuse.dutyHasLaterChanges(duty, on, late)).toStrictEqual({
      _tag: 'DutyHasLaterChanges',
      rule: 4,
      message:
        'Duty tham-muu cannot be revoked on 2019-03-04: it is amended or referred to on 2020-05-06.',
      dutyId: duty,
      effectiveOn: on,
      changedOn: late,
    });
  });

  it('name the obligation and the dates of its life', () => {
    expect(refuse.obligationAlreadyExists(obligation)).toStrictEqual({
      _tag: 'ObligationAlreadyExists',
      rule: 4,
      message: 'Reporting obligation bao-cao-quy already exists in this body.',
      obligationId: obligation,
    });
    expect(refuse.unknownObligation(obligation)).toStrictEqual({
      _tag: 'UnknownObligation',
      rule: 4,
      message: 'Reporting obligation bao-cao-quy does not exist in this body.',
      obligationId: obligation,
    });
    expect(refuse.outsideObligationLife(obligation, early, on)).toStrictEqual({
      _tag: 'OutsideObligationLife',
      rule: 4,
      message:
        'Reporting obligation bao-cao-quy is in force from 2019-03-04; it can only be lifted after that, not on 2018-01-01.',
      obligationId: obligation,
      effectiveOn: early,
      imposedOn: on,
    });
    expect(refuse.obligationAlreadyLifted(obligation, on)).toStrictEqual({
      _tag: 'ObligationAlreadyLifted',
      rule: 4,
      message: 'Reporting obligation bao-cao-quy was already lifted on 2019-03-04.',
      obligationId: obligation,
      liftedOn: on,
    });
  });
});

describe('body refusals under rule 7', () => {
  it('name the obligation, report, period and dates at issue', () => {
    expect(refuse.obligationHasLaterReports(obligation, on, report, period)).toStrictEqual({
      _tag: 'ObligationHasLaterReports',
      rule: 7,
      message:
        'Reporting obligation bao-cao-quy cannot be lifted on 2019-03-04: report bc-2019-q1 was filed under it for period 2019-Q1, which starts on or after that date.',
      obligationId: obligation,
      effectiveOn: on,
      reportId: report,
      period,
    });
    expect(refuse.reportAlreadyExists(report)).toStrictEqual({
      _tag: 'ReportAlreadyExists',
      rule: 7,
      message: 'Report bc-2019-q1 was already filed with this body.',
      reportId: report,
    });
    expect(refuse.reportFiledByAnotherBody(body, other)).toStrictEqual({
      _tag: 'ReportFiledByAnotherBody',
      rule: 7,
      message:
        "The report was filed by ban-chi-dao, not by body hoi-dong-thi-dua; a report answers its own body's obligation.",
      bodyId: body,
      filedBy: other,
    });
    expect(refuse.reportForUnknownObligation(obligation)).toStrictEqual({
      _tag: 'ReportForUnknownObligation',
      rule: 7,
      message: 'Reporting obligation bao-cao-quy is not an obligation of this body.',
      obligationId: obligation,
    });
    expect(refuse.periodDoesNotFitCadence(period, 'annual')).toStrictEqual({
      _tag: 'PeriodDoesNotFitCadence',
      rule: 7,
      message: 'Period 2019-Q1 is not a annual period.',
      period,
      cadence: 'annual',
    });
    expect(refuse.obligationNotInForce(obligation, period)).toStrictEqual({
      _tag: 'ObligationNotInForce',
      rule: 7,
      message: 'Reporting obligation bao-cao-quy was not in force during period 2019-Q1.',
      obligationId: obligation,
      period,
    });
    expect(refuse.reportSubmittedTooEarly(early, on)).toStrictEqual({
      _tag: 'ReportSubmittedTooEarly',
      rule: 7,
      message:
        'A report for this period cannot be submitted before 2019-03-04; this one is dated 2018-01-01.',
      submittedOn: early,
      earliest: on,
    });
    expect(refuse.reportAlreadyFiled(obligation, period, report)).toStrictEqual({
      _tag: 'ReportAlreadyFiled',
      rule: 7,
      message:
        'Report bc-2019-q1 already counts for bao-cao-quy, period 2019-Q1; file a CorrectReport superseding it instead.',
      obligationId: obligation,
      period,
      counted: report,
    });
    expect(refuse.unknownReport(report)).toStrictEqual({
      _tag: 'UnknownReport',
      rule: 7,
      message: 'Report bc-2019-q1 was not filed with this body.',
      reportId: report,
    });
    expect(refuse.notTheCountedReport(report, correction)).toStrictEqual({
      _tag: 'NotTheCountedReport',
      rule: 7,
      message:
        'Report bc-2019-q1 no longer counts for its period (bc-2019-q1-dc does); a correction supersedes the counted report.',
      supersedes: report,
      counted: correction,
    });
    expect(refuse.correctionPredatesReport(early, on)).toStrictEqual({
      _tag: 'CorrectionPredatesReport',
      rule: 7,
      message: 'A correction dated 2018-01-01 cannot supersede a report submitted on 2019-03-04.',
      submittedOn: early,
      supersededSubmittedOn: on,
    });
  });
});

describe('body refusals under rule 9', () => {
  it('name the issuer, the authority and the dates', () => {
    expect(refuse.noJurisdiction(issuer, authority, on)).toStrictEqual({
      _tag: 'NoJurisdiction',
      rule: 9,
      message: 'so-noi-vu had no jurisdiction on 2019-03-04 over bodies established by ubnd-tinh.',
      issuer,
      authority,
      signedOn: on,
    });
    expect(refuse.transferNotAfterLast(on, late)).toStrictEqual({
      _tag: 'TransferNotAfterLast',
      rule: 9,
      message: "A transfer on 2019-03-04 must come after the body's last transfer, on 2020-05-06.",
      on,
      lastTransferOn: late,
    });
    expect(refuse.transferToInactiveAuthority(authority, on)).toStrictEqual({
      _tag: 'TransferToInactiveAuthority',
      rule: 9,
      message: 'Authority ubnd-tinh does not exist on 2019-03-04: a body cannot pass to it then.',
      authority,
      on,
    });
  });
});

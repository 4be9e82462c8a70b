/**
 * A refused correction of a body's record explains itself: each refusal carries its tag, rule and
 * facts, and its message names them — a reorganisation and a life's end only when there is one.
 */
import { describe, expect, it } from 'vitest';
import type {
  BodyId,
  EventId,
  ObligationId,
  ReorganisationId,
  ReportId,
} from '../../kernel/index.js';
import { unsafeCalendarDate } from '../../kernel/index.js';
import type { PeriodLabel } from '../period.js';
import {
  correctionCrossesChange,
  correctionOutsideLife,
  correctionStrandsReport,
  endedByReorganisation,
  nothingRecordedBy,
  unknownEvent,
} from './refusals.js';

const body = 'hoi-dong-thi-dua' as BodyId;
const event = 'ev-17' as EventId;
const reorganisation = 'sap-nhap-2019' as ReorganisationId;
const early = unsafeCalendarDate('2018-01-01');
const on = unsafeCalendarDate('2019-03-04');
const late = unsafeCalendarDate('2020-05-06');

describe('correction refusals', () => {
  it('name the body and the event it never recorded', () => {
    expect(unknownEvent(body, event)).toStrictEqual({
      _tag: 'UnknownEvent',
      rule: 14,
      bodyId: body,
      corrects: event,
      message: 'Body hoi-dong-thi-dua has recorded no event ev-17 to correct.',
    });
  });

  it('name the event, its type and the kind of fact, in lower case', () => {
    expect(nothingRecordedBy(event, 'SeatCreated', 'Name')).toStrictEqual({
      _tag: 'NothingRecordedBy',
      rule: 14,
      corrects: event,
      eventType: 'SeatCreated',
      correction: 'Name',
      message:
        'Event ev-17 (SeatCreated) first recorded no name to correct; name the event that first recorded it.',
    });
  });

  it('name the end’s reason, and its reorganisation only when there is one', () => {
    expect(endedByReorganisation(event, 'merger', reorganisation)).toStrictEqual({
      _tag: 'EndedByReorganisation',
      rule: 14,
      corrects: event,
      reason: 'merger',
      reorganisationId: reorganisation,
      message:
        "Event ev-17 ended the body by merger (reorganisation sap-nhap-2019), which spans several bodies; annul the reorganisation's instrument and record the reorganisation again on the right date.",
    });
    expect(endedByReorganisation(event, 'split', undefined)).toStrictEqual({
      _tag: 'EndedByReorganisation',
      rule: 14,
      corrects: event,
      reason: 'split',
      message:
        "Event ev-17 ended the body by split, which spans several bodies; annul the reorganisation's instrument and record the reorganisation again on the right date.",
    });
  });

  it('name the fact, its date and the life it would leave, open-ended or closed', () => {
    expect(correctionOutsideLife('seat chu-tich', early, { from: on })).toStrictEqual({
      _tag: 'CorrectionOutsideLife',
      rule: 4,
      fact: 'seat chu-tich',
      on: early,
      life: { from: on },
      message:
        'After the correction, seat chu-tich on 2018-01-01 would lie outside [2019-03-04, …).',
    });
    expect(correctionOutsideLife('duty tham-muu', late, { from: early, to: on })).toStrictEqual({
      _tag: 'CorrectionOutsideLife',
      rule: 4,
      fact: 'duty tham-muu',
      on: late,
      life: { from: early, to: on },
      message:
        'After the correction, duty tham-muu on 2020-05-06 would lie outside [2018-01-01, 2019-03-04).',
    });
  });

  it('name the record, the corrected date and the change it would pass', () => {
    expect(correctionCrossesChange('the name', late, on)).toStrictEqual({
      _tag: 'CorrectionCrossesChange',
      rule: 14,
      record: 'the name',
      on: late,
      changedOn: on,
      message:
        'After the correction, the name would change on 2019-03-04, not after 2020-05-06; correct that change first.',
    });
  });

  it('name the obligation, the period and the report it would strand', () => {
    const obligation = 'bao-cao-quy' as ObligationId;
    const report = 'bc-2019-q1' as ReportId;
    expect(correctionStrandsReport(obligation, report, '2019-Q1' as PeriodLabel)).toStrictEqual({
      _tag: 'CorrectionStrandsReport',
      rule: 7,
      obligationId: obligation,
      reportId: report,
      period: '2019-Q1',
      message:
        'After the correction, obligation bao-cao-quy would not be in force during 2019-Q1, for which report bc-2019-q1 was filed.',
    });
  });
});

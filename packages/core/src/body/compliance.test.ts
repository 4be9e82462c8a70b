import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type {
  AuthorityId,
  BodyId,
  DocumentNumber,
  ObligationId,
  ReportId,
} from '../kernel/index.js';
import { unsafeCalendarDate as d } from '../kernel/index.js';
import { complianceOn, obligationCompliance, periodsOn } from './compliance.js';
import type { ComplianceInput } from './compliance.js';
import { Event } from './events.js';
import type { Cadence, PeriodLabel } from './period.js';
import { initialState } from './state.js';
import type { Obligation, Report } from './state.js';
import { evolve } from './evolve.js';

const OBLIGATION = 'so-ket-hang-nam' as ObligationId;

const obligation = (
  cadence: Cadence,
  dueDaysAfterPeriodEnd: number,
  imposedOn: string,
  liftedOn?: string,
): Obligation => ({
  obligationId: OBLIGATION,
  kind: 'report',
  cadence,
  dueDaysAfterPeriodEnd,
  recipients: [{ kind: 'authority', authority: 'ubnd-tinh' as AuthorityId }],
  imposedOn: d(imposedOn),
  ...(liftedOn === undefined ? {} : { liftedOn: d(liftedOn) }),
});

const report = (
  reportId: string,
  period: string,
  submittedOn: string,
  supersedes?: string,
): Report => ({
  reportId: reportId as ReportId,
  obligationId: OBLIGATION,
  period: period as PeriodLabel,
  document: {
    reference: `${reportId}/BC` as DocumentNumber,
    filedBy: 'bcd' as BodyId,
    submittedOn: d(submittedOn),
  },
  ...(supersedes === undefined ? {} : { supersedes: supersedes as ReportId }),
});

const statuses = (input: Omit<ComplianceInput, 'on'>, on: string) =>
  periodsOn({ ...input, on: d(on) }).map((p) => [p.period, p.status]);

/** The seed's annual review: imposed on 2018-12-04, due 31 days after each year. */
const annual = obligation('annual', 31, '2018-12-04');

describe('reporting compliance on a date', () => {
  it('owes the periods wholly within the obligation’s life that have ended, not the first partial one', () => {
    const reports = [report('r-2019', '2019', '2020-01-15')];
    expect(periodsOn({ obligation: annual, reports, on: d('2020-06-01') })).toEqual([
      {
        period: '2019',
        dueOn: '2020-01-31',
        status: 'filed',
        filed: { reportId: 'r-2019', submittedOn: '2020-01-15' },
        counted: { reportId: 'r-2019', submittedOn: '2020-01-15' },
      },
    ]);
  });

  it('lists a period once it has ended, due until its due date, missing after', () => {
    const input = { obligation: annual, reports: [] };
    expect(statuses(input, '2019-12-31')).toEqual([]);
    expect(statuses(input, '2020-01-01')).toEqual([['2019', 'due']]);
    expect(statuses(input, '2020-01-31')).toContainEqual(['2019', 'due']);
    expect(statuses(input, '2020-02-01')).toContainEqual(['2019', 'missing']);
  });

  it('makes a report on the last day of a period with no grace days due that day, missing next', () => {
    const quarterly = obligation('quarterly', 0, '2019-01-01');
    expect(periodsOn({ obligation: quarterly, reports: [], on: d('2019-04-01') })).toEqual([
      { period: '2019-Q1', dueOn: '2019-03-31', status: 'missing' },
    ]);
    const onTime = [report('q1', '2019-Q1', '2019-03-31')];
    expect(statuses({ obligation: quarterly, reports: onTime }, '2019-04-01')).toEqual([
      ['2019-Q1', 'filed'],
    ]);
  });

  it('counts no report submitted after the date', () => {
    const input = { obligation: annual, reports: [report('late', '2019', '2020-02-10')] };
    expect(statuses(input, '2020-02-09')).toContainEqual(['2019', 'missing']);
    expect(statuses(input, '2020-02-10')).toContainEqual(['2019', 'filed-late']);
  });

  it('keeps the first filing’s timeliness through corrections, counting the latest by the date', () => {
    const reports = [
      report('r', '2019', '2020-01-15'),
      report('c1', '2019', '2020-03-01', 'r'),
      report('c2', '2019', '2020-05-01', 'c1'),
    ];
    const on = (date: string) =>
      periodsOn({ obligation: annual, reports, on: d(date) }).find((p) => p.period === '2019');
    expect(on('2020-04-01')).toMatchObject({
      status: 'filed',
      filed: { reportId: 'r', submittedOn: '2020-01-15' },
      counted: { reportId: 'c1', submittedOn: '2020-03-01' },
    });
    expect(on('2020-06-01')).toMatchObject({ status: 'filed', counted: { reportId: 'c2' } });
    const late = [report('r', '2019', '2020-02-15'), report('c', '2019', '2020-02-16', 'r')];
    expect(statuses({ obligation: annual, reports: late }, '2020-03-01')).toContainEqual([
      '2019',
      'filed-late',
    ]);
  });

  it('lists a report filed before its period ended, and an ad-hoc period only when reported', () => {
    const early = [report('early', '2019', '2019-12-20')];
    expect(statuses({ obligation: annual, reports: early }, '2019-12-25')).toEqual([
      ['2019', 'filed'],
    ]);
    const partial = [report('partial', '2018', '2019-01-10')];
    expect(statuses({ obligation: annual, reports: partial }, '2020-03-01')).toEqual([
      ['2018', 'filed'],
      ['2019', 'missing'],
    ]);
    const adHoc = obligation('ad-hoc', 10, '2019-01-01');
    const requested = [
      report('a', '2019-05-17', '2019-06-10'),
      report('b', '2019-03-02', '2019-03-02'),
    ];
    expect(periodsOn({ obligation: adHoc, reports: requested, on: d('2019-06-01') })).toEqual([
      {
        period: '2019-03-02',
        dueOn: '2019-03-12',
        status: 'filed',
        filed: { reportId: 'b', submittedOn: '2019-03-02' },
        counted: { reportId: 'b', submittedOn: '2019-03-02' },
      },
    ]);
    expect(statuses({ obligation: adHoc, reports: requested }, '2019-07-01')).toEqual([
      ['2019-03-02', 'filed'],
      ['2019-05-17', 'filed-late'],
    ]);
  });

  it('owes nothing after the obligation is lifted, nor the period it was lifted in', () => {
    const lifted = obligation('semi-annual', 15, '2019-01-01', '2019-09-01');
    expect(statuses({ obligation: lifted, reports: [] }, '2021-01-01')).toEqual([
      ['2019-H1', 'missing'],
    ]);
  });

  it('owes no period ending after the body’s end, for which no report may be filed', () => {
    const closed = obligation('semi-annual', 15, '2019-01-01', '2019-09-01');
    const input = { obligation: closed, reports: [], bodyEndedOn: d('2019-09-01') };
    expect(statuses(input, '2021-01-01')).toEqual([['2019-H1', 'missing']]);
    const endedWithPeriod = {
      obligation: obligation('semi-annual', 15, '2019-01-01', '2019-07-01'),
      reports: [],
      bodyEndedOn: d('2019-07-01'),
    };
    expect(statuses(endedWithPeriod, '2021-01-01')).toEqual([['2019-H1', 'missing']]);
  });

  it('owes no period ending after the body’s end even for an obligation not lifted', () => {
    const input = { obligation: annual, reports: [], bodyEndedOn: d('2020-08-15') };
    expect(statuses(input, '2022-03-01')).toEqual([['2019', 'missing']]);
    expect(statuses({ obligation: annual, reports: [] }, '2022-03-01')).toEqual([
      ['2019', 'missing'],
      ['2020', 'missing'],
      ['2021', 'missing'],
    ]);
  });

  it('lists reported ad-hoc periods in date order, whatever the order they were filed in', () => {
    const adHoc = obligation('ad-hoc', 10, '2019-01-01');
    const reports = [
      report('r-3', '2019-09-02', '2019-09-05'),
      report('r-1', '2019-03-04', '2019-09-06'),
      report('r-2', '2019-05-17', '2019-09-07'),
    ];
    expect(statuses({ obligation: adHoc, reports }, '2019-12-31')).toEqual([
      ['2019-03-04', 'filed-late'],
      ['2019-05-17', 'filed-late'],
      ['2019-09-02', 'filed'],
    ]);
  });

  it('gives an obligation in force no end at all, not an undefined one', () => {
    const inForce = obligationCompliance({ obligation: annual, reports: [], on: d('2020-03-01') });
    expect('liftedOn' in inForce).toBe(false);
  });

  it('ignores the reports of other obligations', () => {
    const other = { ...report('x', '2019', '2020-01-02'), obligationId: 'other' as ObligationId };
    expect(statuses({ obligation: annual, reports: [other] }, '2020-03-01')).toContainEqual([
      '2019',
      'missing',
    ]);
  });
});

describe('a body’s compliance on a date', () => {
  const source = {
    kind: 'instrument',
    instrument: {
      type: 'decision',
      number: '1/QĐ-UBND',
      issuer: 'ubnd-tinh',
      signer: { name: 'Nguyễn Văn Trăm' },
      signedOn: '2018-12-04',
    },
  };
  const event = (type: string, effectiveOn: string, data: object): Event => {
    const decoded = Event.decode({ type, data: { bodyId: 'bcd', effectiveOn, source, ...data } });
    if (isLeft(decoded)) throw new Error(`Fixture ${type} does not decode`);
    return decoded.right;
  };
  const impose = (obligationId: string, cadence: Cadence, imposedOn: string) =>
    event('ReportingObligationImposed', imposedOn, {
      obligationId,
      kind: 'report',
      cadence,
      dueDaysAfterPeriodEnd: 31,
      recipients: [{ kind: 'authority', authority: 'ubnd-tinh' }],
    });
  const filed = report('r-2019', '2019', '2020-01-15');
  const state = [
    event('BodyEstablished', '2018-12-04', {
      kind: 'steering-committee',
      name: { vi: 'Ban Chỉ đạo' },
      authority: 'ubnd-tinh',
      origin: { kind: 'decision' },
    }),
    impose(OBLIGATION, 'annual', '2018-12-04'),
    impose('quarterly', 'quarterly', '2020-01-01'),
    event('ReportFiled', '2020-01-15', {
      source: { kind: 'report', report: filed.document },
      reportId: filed.reportId,
      obligationId: OBLIGATION,
      period: filed.period,
      document: filed.document,
    }),
    event('BodyEnded', '2020-08-15', { reason: 'dissolution', successors: [] }),
  ].reduce(evolve, initialState);

  it('lists the obligations imposed by the date, closed ones with their end', () => {
    expect(complianceOn(state, d('2019-06-01')).map((o) => o.obligationId)).toEqual([OBLIGATION]);
    const later = complianceOn(state, d('2021-03-01'));
    expect(later.map((o) => [o.obligationId, o.liftedOn])).toEqual([
      [OBLIGATION, '2020-08-15'],
      ['quarterly', '2020-08-15'],
    ]);
    expect(later[0]?.periods.map((p) => [p.period, p.status])).toEqual([['2019', 'filed']]);
    expect(later[1]?.periods.map((p) => [p.period, p.status])).toEqual([
      ['2020-Q1', 'missing'],
      ['2020-Q2', 'missing'],
    ]);
  });

  it('lists an obligation on the day it is imposed', () => {
    expect(complianceOn(state, d('2020-01-01')).map((o) => o.obligationId)).toEqual([
      OBLIGATION,
      'quarterly',
    ]);
  });

  it('has nothing for a body not yet established', () => {
    expect(complianceOn(initialState, d('2020-01-01'))).toEqual([]);
  });
});

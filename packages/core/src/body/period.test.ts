import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate as d } from '../kernel/index.js';
import type { PeriodLabel as Label } from './period.js';
import {
  PeriodLabel,
  dueDate,
  periodCadence,
  periodFitsCadence,
  periodInterval,
  periodOf,
  periodsBetween,
} from './period.js';

const label = (s: string): Label => {
  const decoded = PeriodLabel.decode(s);
  if (isLeft(decoded)) throw new Error(`bad label ${s}`);
  return decoded.right;
};

describe('period labels', () => {
  it.each([
    ['2019', 'annual', '2019-01-01', '2020-01-01'],
    ['2019-H1', 'semi-annual', '2019-01-01', '2019-07-01'],
    ['2019-H2', 'semi-annual', '2019-07-01', '2020-01-01'],
    ['2019-Q1', 'quarterly', '2019-01-01', '2019-04-01'],
    ['2019-Q4', 'quarterly', '2019-10-01', '2020-01-01'],
    ['2019-12', 'monthly', '2019-12-01', '2020-01-01'],
    ['2020-02', 'monthly', '2020-02-01', '2020-03-01'],
    ['2019-05-17', 'ad-hoc', '2019-05-17', '2019-05-18'],
    ['2020-02-29', 'ad-hoc', '2020-02-29', '2020-03-01'],
    ['2997-12-31', 'ad-hoc', '2997-12-31', '2998-01-01'],
  ])('%s is a %s period from %s until %s', (s, cadence, from, to) => {
    const period = label(s);
    expect(periodCadence(period)).toBe(cadence);
    expect(periodInterval(period)).toEqual({ from, to });
    expect(periodFitsCadence(period, 'monthly')).toBe(cadence === 'monthly');
  });

  it.each([
    '2019-Q5',
    '2019-Q0',
    '2019-H3',
    '2019-13',
    '2019-00',
    '2019-02-29',
    '1899',
    '2998',
    '2998-01-01',
    ' 2019',
    '2019-q1',
    '19',
    '',
    2019,
    null,
  ])('refuses %j', (input) => {
    const decoded = PeriodLabel.decode(input);
    expect(isLeft(decoded)).toBe(true);
  });

  it('says which labels it takes when it refuses one', () => {
    const decoded = PeriodLabel.decode('2019-Q5');
    expect(isLeft(decoded) && decoded.left.map((e) => e.message)).toEqual([
      'PeriodLabel must be YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD (1900-2997)',
    ]);
  });

  it('names the period containing a date, per cadence', () => {
    const date = d('2019-08-15');
    expect(periodOf('annual', date)).toBe('2019');
    expect(periodOf('semi-annual', date)).toBe('2019-H2');
    expect(periodOf('quarterly', date)).toBe('2019-Q3');
    expect(periodOf('monthly', date)).toBe('2019-08');
    expect(periodOf('ad-hoc', date)).toBe('2019-08-15');
    expect(periodOf('annual', d('2998-03-01'))).toBeUndefined();
  });

  it('lists the periods overlapping an interval', () => {
    const interval = { from: d('2019-02-15'), to: d('2019-07-01') };
    expect(periodsBetween('quarterly', interval)).toEqual(['2019-Q1', '2019-Q2']);
    expect(periodsBetween('annual', interval)).toEqual(['2019']);
    expect(periodsBetween('semi-annual', { from: d('2018-12-04'), to: d('2019-07-02') })).toEqual([
      '2018-H2',
      '2019-H1',
      '2019-H2',
    ]);
    expect(periodsBetween('ad-hoc', interval)).toEqual([]);
    expect(periodsBetween('monthly', { from: d('2019-05-01'), to: d('2019-05-01') })).toEqual([]);
  });

  it('computes the last day on which a report is on time', () => {
    expect(dueDate(label('2019'), 15)).toBe('2020-01-15');
    expect(dueDate(label('2019-Q1'), 0)).toBe('2019-03-31');
    expect(dueDate(label('2019-05-17'), 1)).toBe('2019-05-18');
    expect(dueDate(label('2997'), 366)).toBe('2999-01-01');
  });

  it('round-trips through its codec', () => {
    const decoded = PeriodLabel.decode(PeriodLabel.encode(label('2019-Q2')));
    expect(isRight(decoded) && decoded.right).toBe('2019-Q2');
  });
});

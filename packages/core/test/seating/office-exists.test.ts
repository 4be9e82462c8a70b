/**
 * The boundaries of an office's life as the seating rules read it (docs/reference/domain.md rule
 * 18): from the day it is established, up to but not including the day it is abolished.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/kernel/index.js';
import type { OfficeState } from '../../src/office/index.js';
import * as Seating from '../../src/seating/index.js';

const day = (iso: string) => iso as CalendarDate;
const established = { status: 'established', establishedOn: day('2019-01-10') } as OfficeState;
const abolished = {
  status: 'abolished',
  establishedOn: day('2019-01-10'),
  abolishedOn: day('2020-06-01'),
} as OfficeState;

describe('officeExistsOn', () => {
  it('is false for an office never recorded or not established', () => {
    expect(Seating.officeExistsOn(undefined, day('2019-05-05'))).toBe(false);
    expect(Seating.officeExistsOn({ status: 'unestablished' }, day('2019-05-05'))).toBe(false);
  });

  it('starts on the day the office is established', () => {
    expect(Seating.officeExistsOn(established, day('2019-01-09'))).toBe(false);
    expect(Seating.officeExistsOn(established, day('2019-01-10'))).toBe(true);
    expect(Seating.officeExistsOn(established, day('2035-01-01'))).toBe(true);
  });

  it('ends the day before the office is abolished', () => {
    expect(Seating.officeExistsOn(abolished, day('2020-05-31'))).toBe(true);
    expect(Seating.officeExistsOn(abolished, day('2020-06-01'))).toBe(false);
  });
});

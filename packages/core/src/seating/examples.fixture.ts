/** What the seating examples share: the decision behind their events, and dates as calendar dates. */
import type * as Body from '../body/index.js';
import type { CalendarDate } from '../kernel/index.js';

/** The provincial decision every example event rests on. */
export const source = {
  kind: 'instrument',
  instrument: {
    type: 'decision',
    number: '1/QĐ-UBND',
    issuer: 'ubnd-tinh',
    signer: { name: 'Người ký' },
    signedOn: '2018-01-01',
  },
} as Body.Event['data']['source'];

/** `date`, taken as a calendar date. */
export const day = (date: string) => date as CalendarDate;

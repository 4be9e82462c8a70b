/**
 * The record the correction examples start from: a steering committee of `ubnd-tinh` established
 * on 2019-01-01 and dissolved on 2020-01-01, named "Ban", with the seats, duties and obligations
 * each example gives it and nothing else.
 */
import { unsafeCalendarDate } from '../../kernel/index.js';
import type { EstablishedBody } from '../state.js';

/** The dissolved body, with `facts` (each map empty when not given). */
export const endedBody = (
  facts: Partial<Record<'seats' | 'duties' | 'obligations', ReadonlyMap<string, unknown>>>,
): EstablishedBody =>
  ({
    status: 'ended',
    bodyId: 'ban',
    kind: 'steering-committee',
    authority: 'ubnd-tinh',
    origin: { kind: 'decision' },
    establishedOn: unsafeCalendarDate('2019-01-01'),
    endedOn: unsafeCalendarDate('2020-01-01'),
    endReason: 'dissolution',
    successors: [],
    names: [{ from: unsafeCalendarDate('2019-01-01'), name: { vi: 'Ban' } }],
    seats: facts.seats ?? new Map(),
    duties: facts.duties ?? new Map(),
    obligations: facts.obligations ?? new Map(),
    reports: new Map(),
    counted: new Map(),
    absorptions: [],
    transfers: [],
  }) as unknown as EstablishedBody;

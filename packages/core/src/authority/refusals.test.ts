/**
 * An authority refusal explains itself: its message names the authorities, successors and dates
 * it is about, and the rule an unauthorised issuer broke.
 */
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type AuthorityId } from '../kernel/index.js';
import {
  authorityActiveAfterMerger,
  authorityAlreadyRegistered,
  authorityDissolvedAway,
  authorityHasChildren,
  authorityMergedAway,
  authorityNotActive,
  authorityNotFound,
  authoritySplitAway,
  mergerCycle,
  mergerIntoItself,
  noJurisdiction,
  splitNeedsTwoSuccessors,
  superiorCycle,
} from './refusals.js';

const BP = 'ubnd-tinh-binh-phuoc' as AuthorityId;
const DN = 'ubnd-tinh-dong-nai' as AuthorityId;
const DX = 'ubnd-tp-dong-xoai' as AuthorityId;
const on = unsafeCalendarDate('2025-07-01');
const later = unsafeCalendarDate('2025-09-01');

describe('authority refusal messages', () => {
  it('name an authority registered twice or never', () => {
    expect(authorityAlreadyRegistered(BP).message).toBe(
      'Authority ubnd-tinh-binh-phuoc is already registered.',
    );
    expect(authorityNotFound(BP).message).toBe('Authority ubnd-tinh-binh-phuoc is not registered.');
  });

  it('name the date an authority does not exist on', () => {
    expect(authorityNotActive(BP, on).message).toBe(
      'Authority ubnd-tinh-binh-phuoc is not active on 2025-07-01: not yet registered, or ended.',
    );
  });

  it('name how and when an ended authority ended, and its successors', () => {
    expect(authorityMergedAway(BP, DN, on).message).toBe(
      'Authority ubnd-tinh-binh-phuoc was merged into ubnd-tinh-dong-nai on 2025-07-01 and accepts nothing more.',
    );
    expect(authorityDissolvedAway(BP, on).message).toBe(
      'Authority ubnd-tinh-binh-phuoc was dissolved on 2025-07-01 and accepts nothing more.',
    );
    expect(authoritySplitAway(BP, [DN, DX], on).message).toBe(
      'Authority ubnd-tinh-binh-phuoc was split into ubnd-tinh-dong-nai, ubnd-tp-dong-xoai on 2025-07-01 and accepts nothing more.',
    );
  });

  it('name the successors a merger or split cannot have', () => {
    expect(mergerIntoItself(BP).message).toBe(
      'Authority ubnd-tinh-binh-phuoc cannot be merged into itself.',
    );
    expect(mergerCycle(BP, DX).message).toBe(
      'Merging ubnd-tinh-binh-phuoc into ubnd-tp-dong-xoai would make a cycle: ubnd-tp-dong-xoai is under, or was merged into, ubnd-tinh-binh-phuoc.',
    );
    expect(splitNeedsTwoSuccessors(BP, [DN, BP]).message).toBe(
      'Splitting ubnd-tinh-binh-phuoc needs at least two distinct successors other than itself; got ubnd-tinh-dong-nai, ubnd-tinh-binh-phuoc.',
    );
    expect(superiorCycle(BP, DX).message).toBe(
      'ubnd-tp-dong-xoai cannot be placed above ubnd-tinh-binh-phuoc: it is ubnd-tinh-binh-phuoc itself, or under or a successor of it.',
    );
  });

  it('name the end date and the later date the registry relies on', () => {
    expect(authorityActiveAfterMerger(BP, on, later).message).toBe(
      'Authority ubnd-tinh-binh-phuoc cannot be merged away on 2025-07-01: it is registered, renamed, a parent or a successor on 2025-09-01.',
    );
    expect(authorityHasChildren(BP, DX, on).message).toBe(
      'Authority ubnd-tinh-binh-phuoc cannot be dissolved on 2025-07-01: ubnd-tp-dong-xoai is still under it then; merge or dissolve it first.',
    );
  });

  it('name the issuer, its signing date, the authority it changes and rule 9', () => {
    const refusal = noJurisdiction(DN, BP, on);
    expect(refusal.rule).toBe(9);
    expect(refusal.message).toBe(
      'ubnd-tinh-dong-nai had no jurisdiction on 2025-07-01 to register or change ubnd-tinh-binh-phuoc: only an authority above it (or a root itself) has.',
    );
  });
});

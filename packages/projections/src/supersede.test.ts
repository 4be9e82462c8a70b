/**
 * Superseding a subject's current facts: an unchanged fact stays as it is (whatever the order of
 * its payload's keys), a changed one is closed and its successor opened, a derived fact is opened
 * once however often it is derived, and a fact no longer derived is closed.
 *
 * @see docs/reference/domain.md "Time"
 */
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type Instant } from '@mandate/core';
import type { Fact } from './facts.js';
import { supersede } from './supersede.js';
import { currentFacts } from './supersede.fixture.js';

const AT = '2026-01-01T00:00:00.000Z' as Instant;
const seat = (payload: unknown, changes: Partial<Fact> = {}): Fact => ({
  kind: 'seat',
  subject: 'body-1',
  key: 'seat-1',
  ordinal: 0,
  valid: { from: unsafeCalendarDate('2018-03-01') },
  payload,
  ...changes,
});
const SEATS = [{ kind: 'seat' as const }];

describe('supersede', () => {
  it('leaves a fact derived again unchanged, its payload keys in another order', () => {
    const facts = currentFacts([seat({ seatId: 's', roles: ['member'], holder: null })]);
    supersede(
      facts.store,
      'body-1',
      { scopes: SEATS, facts: [seat({ holder: null, roles: ['member'], seatId: 's' })] },
      AT,
    );
    expect(facts.closed).toEqual([]);
    expect(facts.opened).toEqual([]);
  });

  it('counts a key holding undefined as absent, as JSON does', () => {
    const facts = currentFacts([seat({ seatId: 's' })]);
    const derived = seat({ seatId: 's', holder: undefined });
    supersede(facts.store, 'body-1', { scopes: SEATS, facts: [derived] }, AT);
    expect(facts.opened).toEqual([]);
  });

  it('closes a changed fact and opens its successor', () => {
    const facts = currentFacts([seat({ seatId: 's', roles: ['member'] })]);
    const successor = seat({ seatId: 's', roles: ['head'] });
    supersede(facts.store, 'body-1', { scopes: SEATS, facts: [successor] }, AT);
    expect(facts.closed).toEqual([
      expect.objectContaining({ payload: { seatId: 's', roles: ['member'] } }),
    ]);
    expect(facts.current()).toEqual([successor]);
  });

  it.each([
    [
      'its valid end',
      { valid: { from: unsafeCalendarDate('2018-03-01'), to: unsafeCalendarDate('2019-01-01') } },
    ],
    ['its ordinal', { ordinal: 1 }],
    ['what it refers to', { ref: 'person-1' }],
  ])('tells a fact apart by %s alone', (_field, changes) => {
    const facts = currentFacts([seat({ seatId: 's' })]);
    const successor = seat({ seatId: 's' }, changes);
    supersede(facts.store, 'body-1', { scopes: SEATS, facts: [successor] }, AT);
    expect(facts.closed).toHaveLength(1);
    expect(facts.current()).toEqual([successor]);
  });

  it('opens a fact derived twice once', () => {
    const facts = currentFacts([]);
    const derived = seat({ seatId: 's', roles: ['member'] });
    supersede(facts.store, 'body-1', { scopes: SEATS, facts: [derived, { ...derived }] }, AT);
    expect(facts.opened).toEqual([derived]);
  });

  it('closes a fact within the scopes no longer derived, and leaves other kinds alone', () => {
    const duty: Fact = { ...seat({ dutyId: 'd' }), kind: 'duty', key: 'duty-1' };
    const facts = currentFacts([seat({ seatId: 's' }), duty]);
    supersede(facts.store, 'body-1', { scopes: SEATS, facts: [] }, AT);
    expect(facts.current()).toEqual([duty]);
  });
});

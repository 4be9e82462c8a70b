/**
 * Superseding keeps a current fact exactly when the fact derived again is the same fact: the same
 * fields, and a payload with the same JSON once its keys are sorted (a key holding `undefined`
 * being absent, as in JSON). Checked against that definition, written here with JSON text alone,
 * over generated payloads restated (keys in another order, or `undefined` keys added) or replaced.
 *
 * @see docs/reference/domain.md "Time"
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type Instant } from '@mandate/core';
import type { Fact } from './facts.js';
import { supersede } from './supersede.js';
import { currentFacts } from './supersede.fixture.js';

const AT = '2026-01-01T00:00:00.000Z' as Instant;

/** JSON text with every object's keys sorted, `undefined` keys dropped: the model's sameness. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** The same value with every object's keys in reverse order. */
const reversed = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversed)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversed(v)]),
        )
      : value;

/** The same value with an `undefined` key added to every object. */
const withUndefined = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withUndefined)
    : value !== null && typeof value === 'object'
      ? {
          ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUndefined(v)])),
          absent: undefined,
        }
      : value;

const payload = fc.jsonValue({ maxDepth: 3 });
const fields = fc.record({
  key: fc.constantFrom('seat-1', 'seat-2'),
  ordinal: fc.constantFrom(0, 1),
  ref: fc.option(fc.constantFrom('person-1', 'person-2'), { nil: undefined }),
  to: fc.option(fc.constantFrom('2019-01-01', '2020-01-01'), { nil: undefined }),
});
type Fields = typeof fields extends fc.Arbitrary<infer F> ? F : never;

const factOf = ({ key, ordinal, ref, to }: Fields, content: unknown): Fact => ({
  kind: 'seat',
  subject: 'body-1',
  key,
  ordinal,
  ...(ref === undefined ? {} : { ref }),
  valid: {
    from: unsafeCalendarDate('2018-03-01'),
    ...(to === undefined ? {} : { to: unsafeCalendarDate(to) }),
  },
  payload: content,
});

describe('supersede (property)', () => {
  it('keeps a current fact exactly when the derived fact is the same fact', () => {
    fc.assert(
      fc.property(
        payload,
        fc.oneof(
          fc.constant(reversed),
          fc.constant(withUndefined),
          payload.map((other) => () => other),
        ),
        fields,
        fields,
        (content, restate, openFields, derivedFields) => {
          const open = factOf(openFields, content);
          const derived = factOf(derivedFields, restate(content));
          const facts = currentFacts([open]);
          supersede(facts.store, 'body-1', { scopes: [{ kind: 'seat' }], facts: [derived] }, AT);
          const same =
            JSON.stringify(openFields) === JSON.stringify(derivedFields) &&
            sortedJson(content) === sortedJson(derived.payload);
          expect(facts.closed).toHaveLength(same ? 0 : 1);
          expect(facts.opened).toHaveLength(same ? 0 : 1);
          expect(facts.current()).toEqual([same ? open : derived]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  BilingualName,
  BodyId,
  CalendarDate,
  intBetween,
  LegalBasis,
  nonEmptyArray,
  oneOf,
  SeatHolder,
  Source,
  struct,
} from '../kernel/index.js';
import { arbitraryOf } from './arbitrary.js';

describe('arbitraryOf', () => {
  it('derives values every kernel codec accepts and round-trips', () => {
    for (const codec of [LegalBasis, Source, SeatHolder, BilingualName, CalendarDate] as const) {
      fc.assert(
        fc.property(arbitraryOf(codec as t.Mixed), (value) => {
          expect(codec.is(value)).toBe(true);
          const again = (codec as t.Mixed).decode((codec as t.Mixed).encode(value));
          expect(isRight(again) && again.right).toEqual(value);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('follows struct, oneOf, nonEmptyArray and intBetween', () => {
    const codec = struct(
      'Sample',
      { kind: oneOf('Kind', ['a', 'b']), many: nonEmptyArray(BodyId) },
      { count: intBetween('Count', 3, 5) },
    );
    fc.assert(
      fc.property(arbitraryOf(codec), (value) => {
        expect(['a', 'b']).toContain(value.kind);
        expect(value.many.length).toBeGreaterThan(0);
        if (value.count !== undefined) expect(value.count).toBeGreaterThanOrEqual(3);
        expect(Object.values(value)).not.toContain(undefined);
      }),
    );
  });

  it('uses overrides by codec name', () => {
    const pool = fc.constantFrom('b1', 'b2');
    fc.assert(
      fc.property(arbitraryOf(t.readonlyArray(BodyId), { BodyId: pool }), (ids) => {
        for (const id of ids) expect(['b1', 'b2']).toContain(id);
      }),
    );
  });

  it('names the codec it cannot derive', () => {
    const opaque = new t.Type<string>('Opaque', t.string.is, t.string.validate, String);
    expect(() => arbitraryOf(opaque)).toThrow(/Opaque/);
  });
});

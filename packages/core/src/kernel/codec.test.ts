import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { BodyId } from './ids.js';
import { instrumentKey, sameInstrument } from './instrument-key.js';
import { LegalBasis } from './legal-basis.js';
import { intBetween, nonEmptyArray, oneOf, struct } from './codec.js';
import { decodeFailure, decodeWith } from './decode-failure.js';
import { Name } from './text.js';

const Sample = struct('Sample', { id: BodyId }, { name: Name });

describe('struct', () => {
  it('refuses an explicit undefined for an optional key', () => {
    const result = decodeWith(Sample, { id: 'b1', name: undefined });
    expect(isLeft(result) && result.left.issues.map((issue) => issue.path)).toEqual(['name']);
  });

  it('strips unknown keys, including __proto__ and constructor, without polluting anything', () => {
    const input = JSON.parse('{"id":"b1","__proto__":{"polluted":true},"constructor":{"x":1}}');
    const result = Sample.decode(input);
    expect(result).toEqual({ _tag: 'Right', right: { id: 'b1' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws on arbitrary input and names the path of what failed', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = decodeWith(Sample, input);
        if (isLeft(result)) expect(result.left.issues.length).toBeGreaterThan(0);
        else expect(Sample.is(result.right)).toBe(true);
      }),
    );
  });

  it('reports nested paths', () => {
    const result = decodeWith(LegalBasis, {
      type: 'decision',
      number: '1/QĐ-UBND',
      issuer: 'ubnd-binh-phuoc',
      signer: { name: '' },
      signedOn: '2018-12-04',
    });
    expect(isLeft(result) && result.left.issues).toEqual([
      { path: 'signer.name', message: 'Name must not be blank' },
    ]);
  });
});

describe('decode failures', () => {
  const failure = (codec: t.Mixed, input: unknown) => {
    const result = decodeWith(codec, input);
    if (!isLeft(result)) throw new Error('expected a failure');
    return result.left;
  };

  it('sum up at most five distinct issues, each after its path, in one message', () => {
    const Wide = struct('Wide', { a: Name, b: Name, c: Name, d: Name, e: Name, f: Name });
    const blank = { a: ' ', b: ' ', c: ' ', d: ' ', e: ' ', f: ' ' };
    const result = failure(Wide, blank);
    expect(result._tag).toBe('DecodeFailure');
    expect(result.issues).toHaveLength(6);
    expect(result.message).toBe(
      'Invalid Wide: a: Name must not be blank; b: Name must not be blank; ' +
        'c: Name must not be blank; d: Name must not be blank; e: Name must not be blank',
    );
  });

  it('name a problem of the root without a path, and list a repeated issue once', () => {
    expect(failure(Sample, 42)).toEqual({
      _tag: 'DecodeFailure',
      expected: 'Sample',
      issues: [{ path: '', message: 'Sample must be an object' }],
      message: 'Invalid Sample: Sample must be an object',
    });
    const twice = failure(t.union([t.string, t.string]), 1);
    expect(twice.issues).toEqual([{ path: '', message: 'expected string, got 1' }]);
  });

  it('say what was expected and what came, for a codec that gives no message', () => {
    expect(failure(t.string, undefined).message).toBe(
      'Invalid string: expected string, got undefined',
    );
  });

  it('read errors of a codec validated in an empty context, with no root entry before the keys', () => {
    const inStruct = Sample.validate({ id: 42 }, []);
    const bare = t.string.validate(1, []);
    if (!isLeft(inStruct) || !isLeft(bare)) throw new Error('expected failures');
    expect(decodeFailure('Sample', inStruct.left).issues).toEqual([
      {
        path: 'id',
        message:
          "BodyId must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
      },
    ]);
    expect(decodeFailure('string', bare.left).message).toBe(
      'Invalid string: expected a value, got 1',
    );
  });
});

describe('ids', () => {
  it('refuse what is not a string, even when its text would be an id', () => {
    for (const u of [42, ['b1']]) {
      expect(BodyId.is(u)).toBe(false);
      expect(isLeft(BodyId.decode(u))).toBe(true);
    }
  });

  it('refuse a string that does not start with a letter or digit, saying what an id must be', () => {
    expect(BodyId.is('-b1')).toBe(false);
    expect(BodyId.decode('-b1')).toMatchObject({
      left: [
        {
          message:
            "BodyId must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
        },
      ],
    });
  });
});

describe('instrument identity', () => {
  const basis = (number: string, signedOn: string) => {
    const result = decodeWith(LegalBasis, {
      type: 'decision',
      number,
      issuer: 'ubnd-binh-phuoc',
      signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch' },
      signedOn,
    });
    if (!isRight(result)) throw new Error('bad fixture');
    return result.right;
  };

  it('is number + issuer + signing year: the same number in another year is another instrument', () => {
    expect(
      sameInstrument(basis('12/QĐ-UBND', '2018-12-04'), basis('12/QĐ-UBND', '2018-01-02')),
    ).toBe(true);
    expect(
      sameInstrument(basis('12/QĐ-UBND', '2018-12-04'), basis('12/QĐ-UBND', '2019-12-04')),
    ).toBe(false);
    expect(instrumentKey(basis('12/QĐ-UBND', '2018-12-04'))).toBe(
      '12/QĐ-UBND|ubnd-binh-phuoc|2018',
    );
  });

  it('normalises the number: NFC, the look-alike Ð, white space and letter case', () => {
    const canonical = basis('1072/QĐ-TTg', '2018-12-04');
    for (const spelling of ['1072/QÐ-TTg ', '1072/Q\u0110-TTG', '1072 / qđ-ttg'])
      expect(instrumentKey(basis(spelling, '2018-12-04'))).toBe(instrumentKey(canonical));
    expect(sameInstrument(basis('1072/QÐ-TTg', '2018-01-01'), canonical)).toBe(true);
    expect(sameInstrument(basis('1073/QĐ-TTg', '2018-12-04'), canonical)).toBe(false);
  });

  it('drops white space around `/`, `-` and `.` only, on either side; a space within a part stays', () => {
    const canonical = basis('1072/QĐ-TTg', '2018-12-04');
    for (const spelling of ['1072/ QĐ- TTg', '1072 /QĐ -TTg'])
      expect(instrumentKey(basis(spelling, '2018-12-04'))).toBe(instrumentKey(canonical));
    expect(instrumentKey(basis('10 72/QĐ-TTg', '2018-12-04'))).toBe(
      '10 72/QĐ-TTG|ubnd-binh-phuoc|2018',
    );
    expect(sameInstrument(basis('10  72/QĐ-TTg', '2018-12-04'), canonical)).toBe(false);
  });
});

// Each codec below is built inside its test, not when the module loads: the guard's and the
// decoder's set-up then runs under the test that checks it.
describe('struct, built in the test', () => {
  const point = () => struct('Point', { x: t.number, y: t.number }, { label: t.string });

  it('guards exactly: required keys of their type, optional keys absent or of theirs, no other own key', () => {
    const Point = point();
    expect(Point.is({ x: 1, y: 2 })).toBe(true);
    expect(Point.is({ x: 1, y: 2, label: 'a' })).toBe(true);
    expect(Point.is({ x: 1 })).toBe(false);
    expect(Point.is({ x: 1, y: '2' })).toBe(false);
    expect(Point.is({ x: 1, y: 2, label: 3 })).toBe(false);
    expect(Point.is({ x: 1, y: 2, z: 3 })).toBe(false);
    // A key named "undefined" is one more unknown key, not an optional one.
    expect(Point.is({ x: 1, y: 2, undefined: 3 })).toBe(false);
    for (const u of [null, [1, 2], 'x', undefined]) expect(Point.is(u)).toBe(false);
  });

  it('guards own keys only: an inherited key is neither a field nor an unknown key', () => {
    const Point = point();
    const inheriting = Object.assign(Object.create({ z: 3 }) as object, { x: 1, y: 2 });
    expect(Point.is(inheriting)).toBe(true);
  });

  it('decodes the declared keys, says which optional key was given as undefined, and encodes without it', () => {
    const Point = point();
    expect(Point.decode({ x: 1, y: 2, label: 'a', z: 3 })).toEqual({
      _tag: 'Right',
      right: { x: 1, y: 2, label: 'a' },
    });
    expect(Point.decode({ x: 1, y: 2, label: undefined })).toMatchObject({
      _tag: 'Left',
      left: [{ message: 'label must be absent rather than undefined' }],
    });
    expect(Point.decode(7)).toMatchObject({
      _tag: 'Left',
      left: [{ message: 'Point must be an object' }],
    });
    expect(Point.encode({ x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(Point.encode({ x: 1, y: 2, label: 'a' })).toEqual({ x: 1, y: 2, label: 'a' });
    expect(Point.required).toEqual({ x: t.number, y: t.number });
    expect(Point.optional).toEqual({ label: t.string });
  });
});

describe('oneOf', () => {
  it('accepts exactly its literals, says which they are, and encodes a literal as itself', () => {
    const Colour = oneOf('Colour', ['red', 'green']);
    expect(Colour.is('red')).toBe(true);
    expect(Colour.is('blue')).toBe(false);
    expect(Colour.is(1)).toBe(false);
    expect(Colour.decode('green')).toEqual({ _tag: 'Right', right: 'green' });
    for (const u of ['blue', 1]) {
      expect(Colour.decode(u)).toMatchObject({
        _tag: 'Left',
        left: [{ message: 'Colour must be one of red, green' }],
      });
    }
    expect(Colour.encode('red')).toBe('red');
    expect(Colour.literals).toEqual(['red', 'green']);
  });
});

describe('nonEmptyArray', () => {
  it('accepts arrays of at least one valid item, named after the item unless named', () => {
    const Names = nonEmptyArray(t.string);
    expect(Names.name).toBe('NonEmptyArray<string>');
    expect(nonEmptyArray(t.string, 'Names').name).toBe('Names');
    expect(Names.is(['a'])).toBe(true);
    expect(Names.is([])).toBe(false);
    expect(Names.is([1])).toBe(false);
    expect(Names.is('a')).toBe(false);
    expect(Names.decode(['a', 'b'])).toEqual({ _tag: 'Right', right: ['a', 'b'] });
    expect(Names.decode([])).toMatchObject({
      _tag: 'Left',
      left: [{ message: 'NonEmptyArray<string> must have at least one element' }],
    });
    expect(isLeft(Names.decode([1]))).toBe(true);
    expect(Names.encode(['a'])).toEqual(['a']);
    expect(Names.item).toBe(t.string);
  });
});

describe('intBetween', () => {
  it('accepts whole numbers from min to max, both included, and says so of anything else', () => {
    const Month = intBetween('Month', 1, 12);
    for (const n of [1, 7, 12]) {
      expect(Month.is(n)).toBe(true);
      expect(Month.decode(n)).toEqual({ _tag: 'Right', right: n });
    }
    for (const u of [0, 13, 1.5, '3', Number.NaN]) {
      expect(Month.is(u)).toBe(false);
      expect(Month.decode(u)).toMatchObject({
        _tag: 'Left',
        left: [{ message: 'Month must be a whole number from 1 to 12' }],
      });
    }
    expect(Month.encode(3)).toBe(3);
    expect([Month.min, Month.max]).toEqual([1, 12]);
  });
});

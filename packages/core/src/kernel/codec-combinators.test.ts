import { isLeft } from 'fp-ts/Either';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { struct } from './codec.js';
import { discriminatedUnion, withSomeOf } from './codec-combinators.js';

// Each codec is built inside its test, so that its set-up runs under the test that checks it.
const shapes = () =>
  discriminatedUnion('Shape', 'kind', [
    struct('Circle', { kind: t.literal('circle'), radius: t.number }),
    struct('Square', { kind: t.literal('square'), side: t.number }),
  ]);

describe('discriminatedUnion', () => {
  it('guards by the member its own tag names, and nothing else', () => {
    const Shape = shapes();
    expect(Shape.is({ kind: 'circle', radius: 1 })).toBe(true);
    expect(Shape.is({ kind: 'square', side: 1 })).toBe(true);
    expect(Shape.is({ kind: 'square', radius: 1 })).toBe(false);
    expect(Shape.is({ kind: 'triangle', side: 1 })).toBe(false);
    expect(Shape.is({ kind: 1, side: 1 })).toBe(false);
    expect(Shape.is({ side: 1 })).toBe(false);
    for (const u of [null, undefined, 'circle', [{ kind: 'circle', radius: 1 }]])
      expect(Shape.is(u)).toBe(false);
  });

  it('reads the tag only from the value itself, never from its prototype', () => {
    const Shape = shapes();
    const inherited = Object.assign(Object.create({ kind: 'circle' }) as object, { radius: 1 });
    expect(Shape.is(inherited)).toBe(false);
    expect(Shape.decode(inherited)).toMatchObject({
      _tag: 'Left',
      left: [{ message: 'kind must be one of circle, square' }],
    });
  });

  it('decodes with the member the tag names, so an error names that member only', () => {
    const Shape = shapes();
    expect(Shape.decode({ kind: 'square', side: 2, extra: true })).toEqual({
      _tag: 'Right',
      right: { kind: 'square', side: 2 },
    });
    const wrongField = Shape.decode({ kind: 'square', radius: 2 });
    expect(isLeft(wrongField) && wrongField.left.map((error) => error.context.at(-1)?.key)).toEqual(
      ['side'],
    );
    for (const u of [{ kind: 'triangle' }, { kind: 3 }, {}]) {
      expect(Shape.decode(u)).toMatchObject({
        _tag: 'Left',
        left: [{ message: 'kind must be one of circle, square' }],
      });
    }
    expect(Shape.decode(null)).toMatchObject({
      _tag: 'Left',
      left: [{ message: 'Shape must be an object' }],
    });
  });

  it('encodes with the member the tag names, and refuses a tag no member has', () => {
    const Shape = shapes();
    expect(Shape.encode({ kind: 'circle', radius: 1 })).toEqual({ kind: 'circle', radius: 1 });
    expect(() => Shape.encode({ kind: 'triangle' } as never)).toThrow(
      'Shape: no member tagged triangle',
    );
    expect(Shape.key).toBe('kind');
    expect(Shape.types.map((member) => member.name)).toEqual(['Circle', 'Square']);
  });
});

describe('withSomeOf', () => {
  const contact = () =>
    withSomeOf(struct('Contact', { name: t.string }, { email: t.string, phone: t.string }), [
      'email',
      'phone',
    ]);

  it('accepts a value giving at least one of the keys, and no value the codec refuses', () => {
    const Contact = contact();
    for (const u of [
      { name: 'a', email: 'e' },
      { name: 'a', phone: 'p' },
      { name: 'a', email: 'e', phone: 'p' },
    ]) {
      expect(Contact.is(u)).toBe(true);
      expect(Contact.decode(u)).toEqual({ _tag: 'Right', right: u });
    }
    expect(Contact.is({ name: 1, email: 'e' })).toBe(false);
    expect(isLeft(Contact.decode({ name: 1, email: 'e' }))).toBe(true);
  });

  it('refuses a value that gives none of the keys, saying which it needs', () => {
    const Contact = contact();
    expect(Contact.is({ name: 'a' })).toBe(false);
    expect(Contact.decode({ name: 'a' })).toMatchObject({
      _tag: 'Left',
      left: [{ message: 'Contact must give at least one of email, phone' }],
    });
  });

  it('keeps the codec’s name, props and encoding', () => {
    const Contact = contact();
    expect(Contact.name).toBe('Contact');
    expect(Object.keys(Contact.required)).toEqual(['name']);
    expect(Object.keys(Contact.optional)).toEqual(['email', 'phone']);
    expect(Contact.encode({ name: 'a', email: 'e' })).toEqual({ name: 'a', email: 'e' });
  });
});

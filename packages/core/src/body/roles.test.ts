import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { Role, RoleSet, hasRole, roleSet } from './roles.js';

describe('RoleSet', () => {
  it('decodes roles into canonical order, so equal sets are equal values', () => {
    const decoded = RoleSet.decode(['secretary', 'standing-member']);
    expect(isRight(decoded) && decoded.right).toEqual(['standing-member', 'secretary']);
    expect(roleSet('secretary', 'standing-member')).toEqual(['standing-member', 'secretary']);
  });

  it.each([[[]], [['member', 'member']], [['chair']], ['head'], [null]])('refuses %j', (input) => {
    expect(isLeft(RoleSet.decode(input))).toBe(true);
  });

  it('says why it refuses a repeated role', () => {
    const decoded = RoleSet.decode(['member', 'member']);
    expect(isLeft(decoded) && decoded.left.map((e) => e.message)).toEqual([
      'RoleSet must not repeat a role',
    ]);
  });

  it('guards only canonical sets', () => {
    expect(RoleSet.is(['head', 'member'])).toBe(true);
    expect(RoleSet.is(['member', 'head'])).toBe(false);
    expect(RoleSet.is(['head', 'head'])).toBe(false);
  });

  it('any ordering of distinct roles decodes to the same set; repeats are refused', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...Role.literals), { minLength: 1 }),
        fc.boolean(),
        (roles, repeat) => {
          const input = repeat ? [...roles, roles[0]] : [...roles].reverse();
          const decoded = RoleSet.decode(input);
          if (repeat) expect(isLeft(decoded)).toBe(true);
          else {
            const [first, ...rest] = roles as [Role, ...Role[]];
            expect(isRight(decoded) && decoded.right).toEqual(roleSet(first, ...rest));
            expect(hasRole(roleSet(first, ...rest), first)).toBe(true);
          }
        },
      ),
    );
  });
});

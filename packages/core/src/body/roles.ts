/**
 * Roles on a body, and role sets. One seat may combine roles — the seed's "Ủy viên Thường trực
 * kiêm Thư ký" is one seat that is both standing member and secretary — so a seat carries a set
 * of roles: non-empty, without repeats, always in the canonical order of {@link Role} so that two
 * equal sets are equal values.
 *
 * @see docs/reference/domain.md rule 2
 */
import * as t from 'io-ts';
import { nonEmptyArray, oneOf } from '../kernel/index.js';

/** A role on a body, in canonical order: head first, plain member last. */
export const Role = oneOf('Role', [
  'head',
  'deputy-head',
  'standing-member',
  'secretary',
  'member',
] as const);
/** A role on a body. */
export type Role = t.TypeOf<typeof Role>;

/** The brand of a {@link RoleSet}. */
export interface RoleSetBrand {
  readonly RoleSet: unique symbol;
}
/** A non-empty set of roles, listed in canonical order without repeats. */
export type RoleSet = readonly [Role, ...Role[]] & RoleSetBrand;

const rank = (role: Role): number => Role.literals.indexOf(role);

const isCanonical = (roles: ReadonlyArray<Role>): boolean =>
  // Stryker disable next-line ConditionalExpression: equivalent, without `i === 0` the first role is compared with `roles[-1]`, whose rank -1 is below every role's
  roles.every((role, i) => i === 0 || rank(roles[i - 1] as Role) < rank(role));

/** The set of the given roles (repeats dropped), in canonical order. */
export function roleSet(first: Role, ...rest: ReadonlyArray<Role>): RoleSet {
  return Role.literals.filter(
    (role) => role === first || rest.includes(role),
  ) as ReadonlyArray<Role> as RoleSet;
}

const roleList = nonEmptyArray(Role, 'RoleSet');

/** Decodes a non-empty list of distinct roles into a {@link RoleSet}; a repeated role is refused. */
export const RoleSet = new t.Type<RoleSet, ReadonlyArray<Role>, unknown>(
  'RoleSet',
  (u): u is RoleSet => roleList.is(u) && isCanonical(u),
  (u, c) => {
    const result = roleList.validate(u, c);
    if (result._tag === 'Left') return result;
    const [first, ...rest] = result.right;
    return new Set(result.right).size === result.right.length
      ? t.success(roleSet(first, ...rest))
      : t.failure(u, c, 'RoleSet must not repeat a role');
  },
  (roles) => [...roles],
);

/** True when the set holds `role`. */
export const hasRole = (roles: RoleSet, role: Role): boolean => roles.includes(role);

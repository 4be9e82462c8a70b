/**
 * The capacity in which a person holds an office: substantively, or as an acting holder (quyền,
 * phụ trách) until a substantive holder is appointed.
 *
 * @see docs/reference/domain.md "Seats and offices"
 */
import type * as t from 'io-ts';
import { oneOf } from '../kernel/index.js';

/** Substantive holder, or acting holder (quyền, phụ trách). */
export const Capacity = oneOf('Capacity', ['substantive', 'acting']);
/** Substantive holder, or acting holder (quyền, phụ trách). */
export type Capacity = t.TypeOf<typeof Capacity>;

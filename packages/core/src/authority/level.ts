/**
 * Authority levels: where an authority sits in the Vietnamese state hierarchy — national bodies,
 * ministries, provinces, districts, communes — or elsewhere.
 */
import type * as t from 'io-ts';
import { oneOf } from '../kernel/index.js';

/** The level of an authority in the state hierarchy. */
export const AuthorityLevel = oneOf('AuthorityLevel', [
  'national',
  'ministry',
  'province',
  'district',
  'commune',
  'other',
]);
/** The level of an authority in the state hierarchy. */
export type AuthorityLevel = t.TypeOf<typeof AuthorityLevel>;

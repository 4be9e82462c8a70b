/** The kinds of governance body. Kinds may differ among bodies that merge (docs/reference/domain.md "Details"). */
import type * as t from 'io-ts';
import { oneOf } from '../kernel/index.js';

/** The kind of a governance body (ban chỉ đạo, hội đồng, ủy ban, tổ công tác, ...). */
export const BodyKind = oneOf('BodyKind', [
  'steering-committee',
  'council',
  'commission',
  'working-group',
  'board',
  'other',
] as const);
/** The kind of a governance body. */
export type BodyKind = t.TypeOf<typeof BodyKind>;

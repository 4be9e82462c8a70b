/**
 * How many events a read returns, shared by the adapters that page in their own code: the
 * caller's `maxCount` capped at the adapter's ceiling, or the adapter's default when none is
 * asked. A `maxCount` that is not a whole number from 1 is a caller's defect and throws.
 */

/** The events a read returns: `maxCount` capped at `ceiling`, or `fallback` when not given. */
export const readCount = (
  maxCount: number | undefined,
  fallback: number,
  ceiling: number,
): number => {
  if (maxCount === undefined) return fallback;
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw new RangeError('maxCount must be a whole number from 1');
  }
  return Math.min(maxCount, ceiling);
};

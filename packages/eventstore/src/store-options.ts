/**
 * Checks of the numeric options every adapter takes — pool sizes, timeouts, intervals, read
 * page sizes. A value out of range is a caller's defect and throws a `RangeError` naming it.
 */

/** `value` when it is a whole number from `min`; otherwise throws a `RangeError` naming `name`. */
export function wholeNumberOption(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number from ${min}`);
  }
  return value;
}

/** The events a read returns: `maxCount` capped at `ceiling`, or `fallback` when not given. */
export const readCount = (
  maxCount: number | undefined,
  fallback: number,
  ceiling: number,
): number =>
  maxCount === undefined ? fallback : Math.min(wholeNumberOption('maxCount', maxCount, 1), ceiling);

/**
 * How far a store's `verify` has walked its log, told as it goes — for a progress bar over a long
 * log. Every store reports the same way: once before the first event, then after each event of
 * the log checked.
 */

/** How far `verify` has walked the log. */
export interface VerifyProgress {
  /** Events of the log checked so far. */
  readonly done: bigint;
  /** Events the log held when the walk began: the last report has `done` equal to it. */
  readonly total: bigint;
}

/** Told of a {@link VerifyProgress}; must not throw. */
export type VerifyProgressListener = (progress: VerifyProgress) => void;

/**
 * Yields `rows` (the `total` events of the log a store verifies, in order), telling `onProgress`
 * `{ done: 0, total }` first and then, as the checker asks for each next row, how many it has
 * checked. Without a listener, yields `rows` as they are.
 */
export async function* withVerifyProgress<A>(
  rows: AsyncIterable<A> | Iterable<A>,
  total: bigint,
  onProgress: VerifyProgressListener | undefined,
): AsyncGenerator<A> {
  if (onProgress === undefined) {
    yield* rows;
    return;
  }
  let done = 0n;
  onProgress({ done, total });
  for await (const row of rows) {
    yield row;
    done += 1n;
    onProgress({ done, total });
  }
}

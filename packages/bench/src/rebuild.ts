/**
 * One rebuild, as R1 and R2 run it: every projection rebuilt from zero by the runner into a read
 * model, a page of the log per commit.
 */
import * as E from 'fp-ts/Either';
import type { EventStore } from '@mandate/eventstore';
import {
  bitemporalProjection,
  startProjection,
  type CheckpointedModel,
  type FactStore,
} from '@mandate/projections';

/** Events read and applied per commit. */
const PAGE_SIZE = 200;

/** Events done of the total, and the rate since the rebuild started. */
export interface RebuildProgressLine {
  readonly events: number;
  readonly total: number;
  readonly perSecond: number;
}

/**
 * Rebuilds the read model `target` from `store`'s whole log, reporting progress after every page
 * (with `total`, the events the log holds); returns how many events it read.
 */
export async function rebuildInto(
  store: EventStore,
  target: CheckpointedModel<FactStore>,
  progress?: { readonly total: number; readonly report: (line: RebuildProgressLine) => void },
): Promise<number> {
  const runner = startProjection({ store, projection: bitemporalProjection, target });
  const start = performance.now();
  const rebuilt = await runner.rebuild({
    pageSize: PAGE_SIZE,
    ...(progress === undefined
      ? {}
      : {
          onProgress: ({ events }) =>
            progress.report({
              events,
              total: progress.total,
              perSecond: events / ((performance.now() - start) / 1000),
            }),
        }),
  });
  await runner.stop();
  if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right.events;
}

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

/** Rebuilds the read model `target` from `store`'s whole log; returns how many events it read. */
export async function rebuildInto(
  store: EventStore,
  target: CheckpointedModel<FactStore>,
): Promise<number> {
  const runner = startProjection({ store, projection: bitemporalProjection, target });
  const rebuilt = await runner.rebuild({ pageSize: PAGE_SIZE });
  await runner.stop();
  if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right.events;
}

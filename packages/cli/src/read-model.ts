/**
 * The read model a query is answered from, chosen by the store's kind — SQLite: the SQLite read
 * model in a file beside the store (`mandate.sqlite` → `mandate.read-model.sqlite`); PostgreSQL:
 * the PostgreSQL read model in the store's schema; memory and ESDB: the in-memory read model —
 * caught up with the whole log before it answers (a bar on a terminal); one that has applied nothing
 * yet is built as a rebuild builds it, its query indexes made once at the end. A read model that
 * no longer matches its store (the store was replaced) is emptied and built again.
 */
import { basename, dirname, extname, join } from 'node:path';
import * as E from 'fp-ts/Either';
import { openPostgresReadModel } from '@mandate/adapter-postgres/read-model';
import { openSqliteReadModelFile } from '@mandate/adapter-sqlite/read-model';
import type { EventStore } from '@mandate/eventstore';
import {
  bitemporalProjection,
  catchUp,
  verifyCheckpoint,
  createInMemoryReadModel,
  type CheckpointedModel,
  type FactStore,
  type ReadModelQueries,
} from '@mandate/projections';
import { checkFailed, storeUnreachable, type CliFailure } from './failure.js';
import { logSize } from './log-size.js';
import type { OpenedStore } from './open-store.js';
import { startProgress } from './output/progress.js';

/** An open read model: its checkpointed target, its queries, and how to release it. */
export interface OpenReadModel {
  readonly target: CheckpointedModel<FactStore>;
  readonly queries: ReadModelQueries;
  readonly close: () => Promise<void>;
}

/** The SQLite read model's file beside the store's: `mandate.sqlite` → `mandate.read-model.sqlite`. */
export const readModelFileBeside = (storeFile: string): string =>
  join(dirname(storeFile), `${basename(storeFile, extname(storeFile))}.read-model.sqlite`);

async function openFor(opened: OpenedStore): Promise<OpenReadModel> {
  const { location } = opened;
  switch (location.kind) {
    case 'sqlite': {
      const model = openSqliteReadModelFile(
        readModelFileBeside(location.path),
        bitemporalProjection,
      );
      return { target: model.target, queries: model.queries, close: async () => model.close() };
    }
    case 'postgres': {
      const model = await openPostgresReadModel(bitemporalProjection, {
        connectionString: location.connectionString,
        schema: location.schema,
      });
      return { target: model.target, queries: model.queries, close: model.close };
    }
    case 'memory':
    case 'esdb': {
      const model = createInMemoryReadModel();
      return { target: model.target, queries: model.queries, close: async () => undefined };
    }
    default: {
      const unexpected: never = location;
      return unexpected;
    }
  }
}

/** Empties `model` when the store does not hold the event it applied last (a replaced store). */
async function resetWhenStale(
  store: EventStore,
  model: OpenReadModel,
): Promise<E.Either<CliFailure, void>> {
  const verified = await verifyCheckpoint(store, model.target);
  if (E.isRight(verified)) return verified;
  switch (verified.left._tag) {
    case 'CheckpointAhead':
    case 'CheckpointMismatch':
      await model.target.reset();
      return E.right(undefined);
    case 'StoreUnavailable':
    case 'CorruptEvent':
      return E.left(checkFailed(verified.left.message));
    default: {
      const unexpected: never = verified.left;
      return unexpected;
    }
  }
}

/** Applies the rest of the log to `model`, with a bar over the events still to apply. */
async function catchUpWithProgress(
  store: EventStore,
  model: OpenReadModel,
): Promise<E.Either<CliFailure, void>> {
  const fresh = await resetWhenStale(store, model);
  if (E.isLeft(fresh)) return fresh;
  const size = await logSize(store);
  if (E.isLeft(size)) return E.left(checkFailed(size.left.message));
  const from = model.target.checkpoint();
  const progress = startProgress('Catching up', Number(size.right > from ? size.right - from : 0n));
  try {
    // A model with nothing applied yet is built from the whole log as a rebuild builds it.
    const caught = await catchUp(
      { store, projection: bitemporalProjection, target: model.target },
      { onProgress: ({ events }) => progress.update(events), buildFromZero: true },
    );
    return E.isLeft(caught) ? E.left(checkFailed(caught.left.message)) : E.right(undefined);
  } finally {
    progress.stop();
  }
}

/**
 * Opens the read model of `opened`'s kind, catches it up with the whole log, and hands its
 * queries to `answer`; the read model is closed afterwards whatever happens.
 */
export async function withQueries<A>(
  opened: OpenedStore,
  answer: (queries: ReadModelQueries) => Promise<E.Either<CliFailure, A>>,
): Promise<E.Either<CliFailure, A>> {
  let model: OpenReadModel;
  try {
    model = await openFor(opened);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return E.left(storeUnreachable(opened.display, `its read model cannot be opened (${reason})`));
  }
  try {
    const caught = await catchUpWithProgress(opened.store, model);
    return E.isLeft(caught) ? caught : await answer(model.queries);
  } finally {
    await model.close();
  }
}

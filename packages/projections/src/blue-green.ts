/**
 * Blue/green deployment of a projection version. Each version has its own tables
 * (`<name>_v<version>_*`) and a registry records which version answers queries. Deploying a
 * version that is not the active one keeps the active (old) version answering — and following
 * the log, when the old projection is given — while the new version is built from its checkpoint
 * (from zero the first time, a page of the log per commit, reporting progress) and catches up
 * live; then the new version is recorded as active, in one write, and answers from then on. The
 * old version's tables stay until an explicit `retire`.
 *
 * Restart-safe: the registry changes only once the new version has caught up, so a process that
 * stops before the swap serves the old version again when it starts, and deploying again resumes
 * the build where its checkpoint stands; after the swap, the recorded version is what serves.
 *
 * @see docs/reference/domain.md rule 11
 */
import * as E from 'fp-ts/Either';
import type { EventStore } from '@mandate/eventstore';
import type { CheckpointedModel } from './checkpoint.js';
import type { Projection } from './projection.js';
import {
  catchUp,
  startProjection,
  type CatchUpError,
  type ProjectionRunner,
  type RebuildProgress,
} from './runner.js';

// ---------------------------------------------------------------------------------------------
// The registry of active versions
// ---------------------------------------------------------------------------------------------

/** The table of a database registry: each projection's active version, one row per name. */
export const ACTIVE_VERSION_TABLE = 'projection_active';

/** Where the version of each projection that answers queries is recorded. */
export interface ActiveVersionRegistry {
  /** The active version of the projection named `name`, or `undefined` when none is recorded. */
  readonly active: (name: string) => Promise<number | undefined>;
  /** Records `version` as the active version of `name`, in one atomic write. */
  readonly activate: (name: string, version: number) => Promise<void>;
}

/** An in-memory registry of active versions (for tests, and embedders without a database). */
export function createInMemoryActiveVersions(): ActiveVersionRegistry {
  const versions = new Map<string, number>();
  return {
    active: (name) => Promise.resolve(versions.get(name)),
    activate: (name, version) => {
      versions.set(name, version);
      return Promise.resolve();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Deploying a version
// ---------------------------------------------------------------------------------------------

/** The read model of one projection version: its checkpointed target and its queries. */
export interface VersionedReadModel<Model, Queries> {
  readonly target: CheckpointedModel<Model>;
  readonly queries: Queries;
  /**
   * Reclaims what building left behind (the PostgreSQL model's `vacuum`): called once the new
   * version has caught up, before it is recorded as active.
   */
  readonly vacuum?: () => Promise<void>;
}

/** What a deployment needs: the log, the version to deploy, its storage and the registry. */
export interface DeploymentOptions<Model, Queries> {
  readonly store: EventStore;
  /** The version to deploy. */
  readonly projection: Projection<Model>;
  /**
   * The projection of the active version, when the code still has it: the active version then
   * keeps following the log until the swap (otherwise it answers as of its checkpoint). Ignored
   * when it is not the recorded active version (e.g. after the swap, on the next start).
   */
  readonly previous?: Projection<Model>;
  /** Opens (creating its tables if needed) the read model of a version of this projection. */
  readonly open: (
    version: number,
  ) => VersionedReadModel<Model, Queries> | Promise<VersionedReadModel<Model, Queries>>;
  /** Drops the tables of a version of this projection (called by `retire`). */
  readonly drop: (version: number) => void | Promise<void>;
  /** Where the active version is recorded. */
  readonly active: ActiveVersionRegistry;
  /** Called after each page of the log applied to the version being built. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events read per page, and applied per commit, while building (the runner's default). */
  readonly pageSize?: number;
  /** Called when following the log stops on an error. */
  readonly onError?: (error: unknown) => void;
}

/** How a deployment ended. */
export type DeploymentOutcome =
  /** The deployed version serves: swapped in now (replacing `replaced`, if any), or already active. */
  | {
      readonly _tag: 'Serving';
      readonly version: number;
      readonly replaced?: number;
      /** Events applied while building (0 when the version was already active). */
      readonly events: number;
    }
  /** Stopped before the swap: the active version still serves; deploying again resumes. */
  | { readonly _tag: 'Stopped'; readonly position: bigint };

/** A deployment in progress, or done. */
export interface Deployment<Queries> {
  /** The version answering queries now. */
  readonly serving: () => number;
  /** The queries of the version answering now: the old one until the swap, the new one after. */
  readonly queries: () => Queries;
  /** Settles once the deployed version serves or the deployment stopped; Left on a store failure. */
  readonly outcome: Promise<E.Either<CatchUpError, DeploymentOutcome>>;
  /** Resolves once the serving version has applied every event committed before the call. */
  readonly waitUntilCaughtUp: () => Promise<void>;
  /**
   * Drops the tables of the version this deployment replaced, once the swap is done; resolves
   * to that version, or `undefined` when there is nothing to drop (yet).
   */
  readonly retire: () => Promise<number | undefined>;
  /** Stops building (before the swap) and following; resolves when nothing runs any more. */
  readonly stop: () => Promise<void>;
}

interface Serving<Queries> {
  readonly version: number;
  readonly queries: Queries;
  readonly runner: ProjectionRunner | undefined;
}

/**
 * Deploys `projection`'s version: serves it at once when it is the recorded active version;
 * otherwise keeps the active version serving while building this one, then swaps it in.
 * With no version recorded yet, the one being built serves from the start (there is nothing
 * else) and is recorded as active once caught up.
 */
export async function deployProjection<Model, Queries>(
  options: DeploymentOptions<Model, Queries>,
): Promise<Deployment<Queries>> {
  const { store, projection, previous, open, drop, active, onProgress, pageSize, onError } =
    options;
  const { name, version } = projection;
  const follow = (
    followed: Projection<Model>,
    target: CheckpointedModel<Model>,
  ): ProjectionRunner =>
    startProjection({ store, projection: followed, target, ...(onError ? { onError } : {}) });

  const recorded = await active.active(name);
  const next = await open(version);

  if (recorded === version) {
    const current = { version, queries: next.queries, runner: follow(projection, next.target) };
    return handle(
      () => current,
      Promise.resolve(E.right({ _tag: 'Serving', version, events: 0 })),
      new AbortController(),
      () => Promise.resolve(undefined),
      [],
    );
  }

  const old = recorded === undefined ? undefined : await open(recorded);
  let serving: Serving<Queries> =
    recorded === undefined || old === undefined
      ? { version, queries: next.queries, runner: undefined }
      : {
          version: recorded,
          queries: old.queries,
          runner:
            previous?.name === name && previous.version === recorded
              ? follow(previous, old.target)
              : undefined,
        };
  const controller = new AbortController();
  const runners: ProjectionRunner[] = serving.runner === undefined ? [] : [serving.runner];
  let replaced: number | undefined;

  const build = async (): Promise<E.Either<CatchUpError, DeploymentOutcome>> => {
    const stopped = (): DeploymentOutcome => ({
      _tag: 'Stopped',
      position: next.target.checkpoint(),
    });
    const built = await catchUp(
      { store, projection, target: next.target },
      {
        signal: controller.signal,
        ...(onProgress ? { onProgress } : {}),
        ...(pageSize ? { pageSize } : {}),
      },
    );
    if (E.isLeft(built)) return built;
    if (controller.signal.aborted) return E.right(stopped());
    const runner = follow(projection, next.target);
    runners.push(runner);
    await runner.waitUntilCaughtUp();
    await next.vacuum?.();
    if (controller.signal.aborted) return E.right(stopped());
    await active.activate(name, version);
    const before = serving;
    serving = { version, queries: next.queries, runner };
    await before.runner?.stop();
    replaced = recorded;
    return E.right({
      _tag: 'Serving',
      version,
      ...(recorded === undefined ? {} : { replaced: recorded }),
      events: built.right.events,
    });
  };

  let retired = false;
  return handle(
    () => serving,
    build(),
    controller,
    async () => {
      if (replaced === undefined || retired) return undefined;
      retired = true;
      await drop(replaced);
      return replaced;
    },
    runners,
  );
}

/** The deployment handle over what serves now, the build's outcome and the runners started. */
function handle<Queries>(
  now: () => Serving<Queries>,
  outcome: Promise<E.Either<CatchUpError, DeploymentOutcome>>,
  controller: AbortController,
  retire: () => Promise<number | undefined>,
  runners: ReadonlyArray<ProjectionRunner>,
): Deployment<Queries> {
  return {
    serving: () => now().version,
    queries: () => now().queries,
    outcome,
    waitUntilCaughtUp: () => now().runner?.waitUntilCaughtUp() ?? Promise.resolve(),
    retire,
    stop: async () => {
      controller.abort();
      await outcome.catch(() => undefined);
      await Promise.all([now().runner, ...runners].map((runner) => runner?.stop()));
    },
  };
}

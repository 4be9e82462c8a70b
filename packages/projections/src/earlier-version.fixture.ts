/**
 * The story every storage is held to when a read model of projection version 2 is found where the
 * current one is opened: version 2 (before the annulment was kept in the read model) wrote an
 * annulled instrument's record naming only `annulledBy` and change facts without their event's
 * id. Opened on the same storage and caught up, as the CLI does, the current version must build
 * its own tables from the log and answer as the oracle does, leaving version 2's rows as they were.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { expect } from 'vitest';
import type { EventStore } from '@mandate/eventstore';
import { bitemporalProjection } from './bitemporal-projection.js';
import type { CheckpointedModel } from './checkpoint.js';
import type { FactStore } from './fact-store.js';
import {
  RECORDING_START,
  envelope,
  instrument,
  legalBasis,
  memoryWorld,
  wholeLog,
} from './history.fixture.js';
import { createOracle } from './oracle.js';
import type { Projection } from './projection.js';
import { catchUp } from './runner.js';
import type { ReadModelQueries } from './views.js';

/** The projection as version 2, whose tables an earlier release wrote. */
export const VERSION_2: Projection<FactStore> = { ...bitemporalProjection, version: 2 };

/** One storage: a read model of a projection version, and what the test does to its tables. */
export interface EarlierVersionStorage {
  readonly open: (projection: Projection<FactStore>) => Promise<{
    readonly target: CheckpointedModel<FactStore>;
    readonly queries: ReadModelQueries;
  }>;
  /**
   * Rewrites version 2's instrument and change facts as version 2 wrote them: an annulled record's
   * `annulment` as `annulledBy` (its `by`), and no `eventId` in any change.
   */
  readonly rewriteAsVersion2: () => Promise<void>;
  /** Every payload of version 2's instrument and change tables, in a stable order. */
  readonly version2Rows: () => Promise<ReadonlyArray<string>>;
}

const registration = instrument('10/QĐ-UBND', '2019-01-02');
const annulling = instrument('30/QĐ-UBND', '2019-03-01');

/** A log in which a person's registration is annulled ab initio, effective 2019-03-15. */
async function annulledRegistration(): Promise<EventStore> {
  const { store, clock, handler } = memoryWorld(RECORDING_START);
  const submit = async (id: string, command: unknown) => {
    clock.advance(60_000);
    const result = await handler.handle(envelope(id, command));
    if (E.isLeft(result)) throw new Error(`${id}: ${result.left.message}`);
  };
  for (const basis of [registration, annulling])
    await submit(`record-${basis.signedOn}`, {
      type: 'RecordInstrument',
      data: { basis, effectiveOn: basis.signedOn, relations: [] },
    });
  await submit('register', {
    type: 'RegisterPerson',
    data: {
      personId: 'le-van-an',
      name: 'Lê Văn An',
      basis: registration,
      effectiveOn: '2019-01-02',
    },
  });
  await submit('annul', {
    type: 'AnnulInstrument',
    data: { instrument: registration, basis: annulling, effectiveOn: '2019-03-15' },
  });
  return store;
}

/** Brings `model` up to the whole log of `store` under `projection`. */
async function caughtUp(
  store: EventStore,
  projection: Projection<FactStore>,
  target: CheckpointedModel<FactStore>,
): Promise<void> {
  const caught = await catchUp({ store, projection, target });
  if (E.isLeft(caught)) throw new Error(caught.left.message);
}

/** Runs the story on `storage`. */
export async function expectVersion2NotRead(storage: EarlierVersionStorage): Promise<void> {
  const store = await annulledRegistration();
  const oracle = createOracle(await wholeLog(store));
  await caughtUp(store, VERSION_2, (await storage.open(VERSION_2)).target);
  await storage.rewriteAsVersion2();
  const earlier = await storage.version2Rows();
  expect(earlier.join('\n')).toContain('annulledBy');
  expect(earlier.join('\n')).not.toContain('eventId');

  const current = await storage.open(bitemporalProjection);
  await caughtUp(store, bitemporalProjection, current.target);
  const asked = (queries: ReadModelQueries) =>
    Promise.all([
      queries.instrument(legalBasis(registration)),
      queries.changesByInstrument(legalBasis(registration)),
      queries.changesBetween(legalBasis(registration).signedOn, legalBasis(annulling).signedOn),
    ]);
  const answers = await asked(current.queries);
  expect(answers).toEqual(await asked(oracle));
  const [record] = answers;
  expect(E.isRight(record) ? record.right.annulment?.effectiveOn : undefined).toBe('2019-03-15');
  expect(await storage.version2Rows()).toEqual(earlier);
}

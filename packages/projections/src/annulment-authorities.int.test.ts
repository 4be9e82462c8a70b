/**
 * Annulments ab initio of changes to the authority registry, through the read models (rule 14):
 * a district merged into another, the merger annulled; the district then dissolved, a third
 * district registered, that registration annulled, then the dissolution, then the registration
 * of the first two. As known before each
 * annulment's recording every answer about jurisdiction, bodies under an authority and orphans
 * stays as it was; as known from it, the authority rows are back to what they were before the
 * withdrawn events. An annulment with a dependent on the registry is refused. The in-memory,
 * SQLite (a real file) and PostgreSQL (the real server) read models answer as the naive oracle
 * does.
 *
 * @see docs/reference/domain.md rule 14 and "Authorities change too"
 */
import * as E from 'fp-ts/Either';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type AuthorityId, type BodyId, type Instant } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import { answerOf } from './answers.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import { applyBatch } from './checkpoint.js';
import { everyReadModel } from './every-read-model.fixture.js';
import {
  RECORDING_START,
  envelope,
  memoryWorld,
  recordCitedInstruments,
  wholeLog,
} from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { createOracle } from './oracle.js';
import type { InstrumentCitation, ReadModelQueries } from './views.js';

const PROVINCE = 'ubnd-tinh-binh-phuoc' as AuthorityId;
const A = 'ubnd-huyen-a' as AuthorityId;
const B = 'ubnd-huyen-b' as AuthorityId;
const C = 'ubnd-huyen-c' as AuthorityId;
const BODY = 'ban-chi-dao-huyen-a' as BodyId;

const instrument = (number: string, issuer: string, signedOn: string) => ({
  type: 'decision',
  number,
  issuer,
  signer: { name: 'Nguyễn Văn Trăm' },
  signedOn,
});
const PROVINCE_BASIS = instrument('1/QĐ-UBND', PROVINCE, '2018-01-01');
const districtsRegistered = instrument('2/QĐ-UBND', PROVINCE, '2018-01-02');
const established = instrument('3/QĐ-UBND', A, '2018-02-01');
const merger = instrument('4/QĐ-UBND', PROVINCE, '2019-01-01');
const annulsMerger = instrument('5/QĐ-UBND', PROVINCE, '2019-06-01');
const dissolution = instrument('6/QĐ-UBND', PROVINCE, '2019-08-01');
const thirdRegistered = instrument('7/QĐ-UBND', PROVINCE, '2019-09-01');
const annulsThird = instrument('8/QĐ-UBND', PROVINCE, '2019-10-01');
const annulsDissolution = instrument('9/QĐ-UBND', PROVINCE, '2019-11-01');
const annulsProvince = instrument('10/QĐ-UBND', PROVINCE, '2019-12-01');
const annulsDistricts = instrument('11/QĐ-UBND', PROVINCE, '2019-12-02');

const register = (authorityId: string, basis: ReturnType<typeof instrument>, parent?: string) => ({
  type: 'RegisterAuthority',
  data: {
    authorityId,
    name: { vi: `Ủy ban nhân dân ${authorityId}` },
    level: parent === undefined ? 'province' : 'district',
    ...(parent === undefined ? {} : { parent }),
    basis,
    effectiveOn: basis.signedOn,
  },
});
const annul = (annulled: ReturnType<typeof instrument>, basis: ReturnType<typeof instrument>) => ({
  type: 'AnnulInstrument',
  data: { instrument: annulled, basis, effectiveOn: basis.signedOn },
});

/**
 * The commands, in order: `known` marks where an instant is taken, `refused` where the province's
 * registration, on which the districts' rest, is annulled in vain.
 */
const commands: ReadonlyArray<unknown> = [
  register(PROVINCE, PROVINCE_BASIS),
  register(A, districtsRegistered, PROVINCE),
  register(B, districtsRegistered, PROVINCE),
  {
    type: 'EstablishBody',
    data: {
      bodyId: BODY,
      kind: 'steering-committee',
      name: { vi: 'Ban Chỉ đạo chuyển đổi số huyện' },
      authority: A,
      basis: established,
      effectiveOn: established.signedOn,
    },
  },
  {
    type: 'MergeAuthority',
    data: { authorityId: A, into: B, basis: merger, effectiveOn: merger.signedOn },
  },
  'known',
  annul(merger, annulsMerger),
  'known',
  {
    type: 'DissolveAuthority',
    data: { authorityId: A, basis: dissolution, effectiveOn: dissolution.signedOn },
  },
  register(C, thirdRegistered, PROVINCE),
  'known',
  annul(thirdRegistered, annulsThird),
  'known',
  annul(dissolution, annulsDissolution),
  'known',
  'refused',
  annul(districtsRegistered, annulsDistricts),
  'known',
];

const onDate = unsafeCalendarDate('2019-12-31');

describe('changes to the authority registry, annulled ab initio (rule 14)', () => {
  let store: EventStore;
  /** After the merger, after its annulment, after the dissolution, and after each annulment. */
  const known: Instant[] = [];
  /** The annulment of the province's registration, on which the districts' rest. */
  let refused: unknown;
  let appended: number;

  beforeAll(async () => {
    const world = memoryWorld(RECORDING_START);
    store = world.store;
    const submitted = commands.filter((command) => typeof command !== 'string');
    await recordCitedInstruments(world.handler, [
      ...submitted,
      annul(PROVINCE_BASIS, annulsProvince),
    ]);
    for (const [i, command] of commands.entries()) {
      world.clock.advance(60_000);
      if (command === 'known') {
        known.push(world.clock.now());
        continue;
      }
      if (command === 'refused') {
        const logged = (await wholeLog(store)).length;
        const annulment = annul(PROVINCE_BASIS, annulsProvince);
        refused = await world.handler.handle(envelope('annul-province', annulment));
        appended = (await wholeLog(store)).length - logged;
        continue;
      }
      const result = await world.handler.handle(envelope(`command-${i}`, command));
      if (E.isLeft(result)) throw new Error(`command ${i}: ${result.left.message}`);
    }
  });

  it('refuses an annulment a later registry event rests on, appending nothing', () => {
    expect(refused).toMatchObject(
      E.left({ _tag: 'Refused', refusal: { _tag: 'AnnulmentHasDependents' } }),
    );
    expect(appended).toBe(0);
  });

  const models = everyReadModel('annulment-authorities', () => store);

  it.each(models)('answers %s as each annulment leaves the registry', async (_name, build) => {
    const model = await build();
    const standing = async (knownAt: Instant | undefined) =>
      (await answerOf(model.jurisdiction(BODY, onDate, knownAt))).standing;
    const orphans = async (knownAt: Instant | undefined) =>
      (await answerOf(model.orphanedBodies(onDate, knownAt))).map(({ bodyId, endedOn }) => [
        bodyId,
        endedOn,
      ]);
    const under = async (authority: AuthorityId, knownAt: Instant | undefined) =>
      E.map((bodies: ReadonlyArray<BodyId>) => [...bodies])(
        await model.bodiesUnder(authority, onDate, knownAt),
      );
    // Merged into B, then the merger annulled: the body answers to A again.
    expect(await standing(known[0])).toEqual(B);
    expect(await under(B, known[0])).toEqual(E.right([BODY]));
    expect(await standing(known[1])).toEqual(A);
    expect(await under(B, known[1])).toEqual(E.right([]));
    expect(await under(A, known[1])).toEqual(E.right([BODY]));
    // Dissolved and a third district registered; the registration, then the dissolution, annulled.
    expect(await orphans(known[2])).toEqual([[BODY, dissolution.signedOn]]);
    expect(await under(C, known[2])).toEqual(E.right([]));
    expect(await orphans(known[3])).toEqual([[BODY, dissolution.signedOn]]);
    expect(await under(C, known[3])).toMatchObject(E.left({ _tag: 'UnknownAuthority' }));
    expect(await orphans(known[4])).toEqual([]);
    expect(await standing(known[4])).toEqual(A);
    // The districts' registration annulled: the body answers to an authority never registered.
    expect(await under(A, known[5])).toMatchObject(E.left({ _tag: 'UnknownAuthority' }));
    expect(await orphans(known[5])).toEqual([[BODY, undefined]]);
    expect(await orphans(undefined)).toEqual([[BODY, undefined]]);
    expect(await under(PROVINCE, undefined)).toEqual(E.right([]));
  });

  // Shrunk from the multi-stream-append cut property: a model caught up to a position inside the
  // annulment's one append has the registry's record of it, not yet the withdrawal, and must
  // still mark the annulled instrument's changes as the oracle of the same events does.
  it('marks the annulled changes withdrawn as the oracle does, caught up inside the append', async () => {
    const log = await wholeLog(store);
    const annulled = log.findIndex((stored) => stored.type === 'InstrumentAnnulled');
    expect(log[annulled + 1]?.type).toBe('EventsWithdrawn');
    const prefix = log.slice(0, annulled + 1);
    const model = createInMemoryReadModel();
    await applyBatch(model.target, bitemporalProjection, prefix);
    const asked = (queries: ReadModelQueries) =>
      queries.changesByInstrument(merger as unknown as InstrumentCitation);
    const answer = await asked(model.queries);
    expect(answer).toMatchObject(E.right([{ type: 'AuthorityMerged', withdrawn: true }]));
    expect(answer).toEqual(await asked(createOracle(prefix)));
  });

  it('answers every model as the oracle does, as known at each step', async () => {
    const oracle = createOracle(await wholeLog(store));
    const asked = (queries: ReadModelQueries, knownAt: Instant | undefined) =>
      Promise.all([
        queries.jurisdiction(BODY, onDate, knownAt),
        queries.orphanedBodies(onDate, knownAt),
        ...[PROVINCE, A, B, C].map((authority) => queries.bodiesUnder(authority, onDate, knownAt)),
      ]);
    for (const [name, build] of models.slice(0, 3)) {
      const model = await build();
      for (const knownAt of [...known, undefined])
        expect(await asked(model, knownAt), `${name}, known at ${String(knownAt)}`).toEqual(
          await asked(oracle, knownAt),
        );
    }
  });
});

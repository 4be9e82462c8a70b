/**
 * An id whose establishment an annulment withdrew stays taken (rule 14), through the handler: a
 * body, an office or a person established (registered) by an instrument later annulled is not
 * established again under the same id — nor a body started under it by a merger, a split or a
 * succession. Each is refused `IdentityWithdrawn`, naming the id and the annulment, and appends
 * nothing; the same command under a new id is accepted. Any other command on the id is refused
 * `EstablishmentWithdrawn`, naming the annulment too. The shrunk case of the append-cut
 * property (seed 635467535): before the refusal, the re-establishment was appended, and every
 * read model refused the stream as corrupt.
 *
 * @see docs/reference/domain.md rule 14
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { BodyId } from '@mandate/core';
import { envelope, establishOffice, registerPerson } from './commands.fixture.js';
import { createBatchHandler } from './batch.js';
import { failureOf, wholeLog, acceptedOf } from './store.fixture.js';
import {
  again,
  annulledWorld,
  annulling,
  establishBody,
  first,
  newBody,
  reorganised,
  type WithdrawnWorld,
} from './withdrawn-identity.fixture.js';

/** Submits `command` to the world, expecting the refusal `tag` of `kind` `id`, and nothing appended. */
async function expectRefused(
  { handler, store }: WithdrawnWorld,
  command: unknown,
  kind: string,
  id: string,
  tag: 'IdentityWithdrawn' | 'EstablishmentWithdrawn' = 'IdentityWithdrawn',
): Promise<void> {
  const size = (await wholeLog(store)).length;
  expect(failureOf(await handler.handle(envelope('again', command)))).toMatchObject({
    _tag: 'Refused',
    refusal: {
      _tag: tag,
      rule: 14,
      kind,
      id,
      annulled: { number: first.number },
      annulledBy: { kind: 'instrument', instrument: { number: annulling.number } },
    },
  });
  expect(await wholeLog(store)).toHaveLength(size);
}

describe('an id whose establishment was withdrawn stays taken (rule 14)', () => {
  it('refuses establishing the body again, and takes a new id', async () => {
    const world = await annulledWorld(establishBody('bcd-x', first));
    await expectRefused(world, establishBody('bcd-x', again), 'body', 'bcd-x');
    const loaded = await world.handler.loadBody('bcd-x' as BodyId);
    expect(E.isRight(loaded) && loaded.right.state.status).toBe('unestablished');
    acceptedOf(await world.handler.handle(envelope('new-id', establishBody('bcd-y', again))));
  });

  it('refuses establishing the office again', async () => {
    const office = { ...establishOffice(), data: { ...establishOffice().data, basis: first } };
    const world = await annulledWorld(office);
    const repeated = { ...office, data: { ...office.data, basis: again } };
    await expectRefused(world, repeated, 'office', 'chu-tich-ubnd-tinh');
  });

  it('refuses registering the person again', async () => {
    const person = { ...registerPerson(), data: { ...registerPerson().data, basis: first } };
    const world = await annulledWorld(person);
    const repeated = { ...person, data: { ...person.data, basis: again } };
    await expectRefused(world, repeated, 'person', 'nguyen-van-tram');
  });

  it.each([
    ['MergeBodies', { bodies: ['bcd-1', 'bcd-2'], successor: newBody('bcd-x') }],
    ['SplitBody', { body: 'bcd-1', successors: [newBody('bcd-z'), newBody('bcd-x')] }],
    ['SucceedBody', { body: 'bcd-1', successor: newBody('bcd-x') }],
  ])('refuses starting a body under the withdrawn id by %s', async (type, data) => {
    const world = await annulledWorld(establishBody('bcd-x', first));
    await expectRefused(world, { type, data: { ...reorganised, ...data } }, 'body', 'bcd-x');
  });

  it('refuses any other command on the withdrawn body, office or person, naming the annulment', async () => {
    const body = await annulledWorld(establishBody('bcd-x', first));
    const rename = {
      type: 'AmendBody',
      data: {
        bodyId: 'bcd-x',
        basis: again,
        effectiveOn: again.signedOn,
        changes: [{ change: 'Rename', name: { vi: 'Tổ công tác mới' } }],
      },
    };
    await expectRefused(body, rename, 'body', 'bcd-x', 'EstablishmentWithdrawn');
    // A body never established is refused as before.
    expect(
      failureOf(
        await body.handler.handle(
          envelope('unknown', { ...rename, data: { ...rename.data, bodyId: 'bcd-q' } }),
        ),
      ),
    ).toMatchObject({ refusal: { _tag: 'NotEstablished' } });

    const office = { ...establishOffice(), data: { ...establishOffice().data, basis: first } };
    const abolish = {
      type: 'AbolishOffice',
      data: { officeId: 'chu-tich-ubnd-tinh', basis: again, effectiveOn: again.signedOn },
    };
    const officeWorld = await annulledWorld(office);
    await expectRefused(
      officeWorld,
      abolish,
      'office',
      'chu-tich-ubnd-tinh',
      'EstablishmentWithdrawn',
    );

    const person = { ...registerPerson(), data: { ...registerPerson().data, basis: first } };
    const correct = {
      type: 'CorrectPersonName',
      data: {
        personId: 'nguyen-van-tram',
        corrects: 'e-1',
        name: 'Nguyễn Văn Trầm',
        basis: again,
        effectiveOn: again.signedOn,
      },
    };
    const personWorld = await annulledWorld(person);
    await expectRefused(
      personWorld,
      correct,
      'person',
      'nguyen-van-tram',
      'EstablishmentWithdrawn',
    );
  });

  it.each([
    ['MergeBodies', { bodies: ['bcd-x', 'bcd-1'], successor: newBody('bcd-z') }],
    ['SplitBody', { body: 'bcd-x', successors: [newBody('bcd-z'), newBody('bcd-y')] }],
  ])('refuses %s of the withdrawn body, naming the annulment', async (type, data) => {
    const world = await annulledWorld(establishBody('bcd-x', first));
    const command = { type, data: { ...reorganised, ...data } };
    await expectRefused(world, command, 'body', 'bcd-x', 'EstablishmentWithdrawn');
  });

  it('refuses the establishment in a batch, which appends nothing', async () => {
    const world = await annulledWorld(establishBody('bcd-x', first));
    const size = (await wholeLog(world.store)).length;
    const batches = createBatchHandler({ store: world.store });
    const batch = {
      commandId: 'batch',
      actor: 'clerk@ubnd-binh-phuoc',
      commands: [establishBody('bcd-y', again), establishBody('bcd-x', again)],
    };
    expect(await batches.handleBatch(batch)).toMatchObject({
      left: { _tag: 'RefusedInBatch', index: 1, refusal: { _tag: 'IdentityWithdrawn' } },
    });
    expect(await wholeLog(world.store)).toHaveLength(size);
  });
});

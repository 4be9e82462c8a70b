/**
 * The usage example of the package README, run as a test: the README shows the region between
 * the `#region usage` markers below verbatim, and the last test checks that it still does.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// #region usage
import * as E from 'fp-ts/lib/Either.js';
import type { BodyId } from '@mandate/core';
import { createInMemoryEventStore } from '@mandate/eventstore';
import { createCommandHandler } from '@mandate/application';

const basis = {
  type: 'decision',
  number: 'XXXX-1/QĐ-UBND',
  issuer: 'ubnd-tinh-binh-phuoc',
  signer: { name: 'Nguyễn Văn Trăm' },
  signedOn: '2018-01-02',
};
const decision = { ...basis, number: '…/QĐ-UBND', signedOn: '2018-12-04' };

async function usage() {
  const handler = createCommandHandler({ store: createInMemoryEventStore() });

  // A command may cite only an instrument recorded in the instrument registry.
  for (const [commandId, instrument] of [
    ['cmd-0000-a', basis],
    ['cmd-0000-b', decision],
  ] as const) {
    const recorded = await handler.handle({
      commandId,
      actor: 'clerk@ubnd-binh-phuoc',
      command: {
        type: 'RecordInstrument',
        data: { basis: instrument, effectiveOn: instrument.signedOn, relations: [] },
      },
    });
    if (E.isLeft(recorded)) throw new Error(recorded.left.message);
  }

  const registered = await handler.handle({
    commandId: 'cmd-0001', // the same id is applied once, however often it is submitted
    actor: 'clerk@ubnd-binh-phuoc',
    command: {
      type: 'RegisterAuthority',
      data: {
        authorityId: 'ubnd-tinh-binh-phuoc',
        name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước' },
        level: 'province',
        basis,
        effectiveOn: '2018-01-02',
      },
    },
  });
  if (E.isLeft(registered)) throw new Error(registered.left.message);

  const established = await handler.handle({
    commandId: 'cmd-0002',
    actor: 'clerk@ubnd-binh-phuoc',
    command: {
      type: 'EstablishBody',
      data: {
        bodyId: 'bcd-chinh-quyen-dien-tu',
        kind: 'steering-committee',
        name: { vi: 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh' },
        authority: 'ubnd-tinh-binh-phuoc',
        basis: decision,
        effectiveOn: '2018-12-04',
      },
    },
  });
  if (E.isLeft(established)) {
    // DecodeFailure | Unauthorised | Refused | StoreError | ConflictRetriesExhausted | CorruptEvent
    console.error(established.left._tag, established.left.message);
    return;
  }
  // { commandId, duplicate, unchanged, streams: [{ stream, nextExpectedRevision }], lastPosition, events }
  console.log(established.right.streams); // [{ stream: 'body-bcd-chinh-quyen-dien-tu', nextExpectedRevision: 0n }]

  const body = await handler.loadBody('bcd-chinh-quyen-dien-tu' as BodyId);
  if (E.isRight(body)) console.log(body.right.state.status, body.right.revision); // active 0n
}
// #endregion usage

describe('the README example', () => {
  it('runs, printing what its comments say', async () => {
    const printed: unknown[][] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => printed.push(args);
    try {
      await usage();
    } finally {
      console.log = log;
    }
    expect(printed).toEqual([
      [[{ stream: 'body-bcd-chinh-quyen-dien-tu', nextExpectedRevision: 0n }]],
      ['active', 0n],
    ]);
  });

  it('is shown verbatim in the README', async () => {
    const source = await readFile(new URL('./readme.test.ts', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const region = /\/\/ #region usage\n([\s\S]*?)\/\/ #endregion usage/.exec(source)?.[1];
    expect(region).toBeDefined();
    expect(readme).toContain(`\`\`\`ts\n${region ?? ''}\`\`\``);
  });
});

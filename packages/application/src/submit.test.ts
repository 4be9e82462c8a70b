/**
 * The typed entry: `submit` takes a command the compiler has checked, with the envelope's other
 * fields as options, and handles it exactly as `handle` handles the same envelope — decoding its
 * values, answering a repeated command id with its first outcome (docs/reference/domain.md rule 10).
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from './command.js';
import { createCommandHandler } from './handle.js';
import { memoryStore } from './store.fixture.js';

const province: CommandInput = {
  type: 'RegisterAuthority',
  data: {
    authorityId: 'ubnd-tinh-binh-phuoc',
    name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước' },
    level: 'province',
    basis: {
      type: 'decision',
      number: '1/QĐ-UBND',
      issuer: 'ubnd-tinh-binh-phuoc',
      signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
      signedOn: '2017-12-20',
    },
    effectiveOn: '2017-12-20',
  },
};

describe('submit', () => {
  it('appends a typed command once per command id', async () => {
    const handler = createCommandHandler({ store: memoryStore() });
    const record: CommandInput = {
      type: 'RecordInstrument',
      data: { basis: province.data.basis, effectiveOn: '2017-12-20', relations: [] },
    };
    expect(E.isRight(await handler.submit(record, { commandId: 'c-0', actor: 'clerk' }))).toBe(
      true,
    );
    const options = { commandId: 'c-1', actor: 'clerk' };
    const first = await handler.submit(province, options);
    const again = await handler.submit(province, options);
    expect(E.isRight(first) && first.right.events).toBe(1);
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
  });

  it('still decodes the values the type admits', async () => {
    const handler = createCommandHandler({ store: memoryStore() });
    const impossible = { ...province, data: { ...province.data, effectiveOn: '2017-02-30' } };
    const result = await handler.submit(impossible, { commandId: 'c-2', actor: 'clerk' });
    expect(E.isLeft(result) && result.left._tag).toBe('DecodeFailure');
  });

  it('refuses at compile time a command its payload does not fit', () => {
    const wrongLevel: CommandInput = {
      ...province,
      // @ts-expect-error `level` is one of the authority levels.
      data: { ...province.data, level: 'galaxy' },
    };
    // @ts-expect-error every command has a `type` the application knows.
    const unknownType: CommandInput = { type: 'AbolishEverything', data: {} };
    expect([wrongLevel.type, unknownType.type]).toEqual(['RegisterAuthority', 'AbolishEverything']);
  });
});

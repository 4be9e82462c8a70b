/**
 * Applying decision files: all of a file or nothing, the refused change named with its line and
 * the rule, a plan that appends nothing, and a file applied twice recording nothing the second
 * time.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { createBatchHandler } from '@mandate/application';
import { createInMemoryEventStore, type EventStore } from '@mandate/eventstore';
import { applyDecision, planDecision, readDecision } from './apply.js';
import type { CompiledDecision } from './compile.js';

const instrument = [
  'instrument:',
  '  type: decision',
  '  number: 1/QĐ-UBND',
  '  issuer: ubnd-tinh-binh-phuoc',
  '  signer:',
  '    name: Nguyễn Văn Trăm',
  '  signedOn: 2017-12-20',
];

const register = (authorityId: string) => [
  '  - type: RegisterAuthority',
  '    data:',
  `      authorityId: ${authorityId}`,
  '      name:',
  '        vi: Ủy ban nhân dân tỉnh Bình Phước',
  '      level: province',
  '      effectiveOn: 2017-12-20',
];

const text = (...changes: string[][]) =>
  [...instrument, 'illustrative: An example.', 'changes:', ...changes.flat(), ''].join('\n');

const compiled = (source: string): CompiledDecision => {
  const read = readDecision('d.yaml', source);
  if (E.isLeft(read)) throw new Error(read.left.message);
  return read.right;
};

const log = async (store: EventStore) => {
  const read = await store.readAll();
  return E.isRight(read) ? read.right : [];
};

const options = { actor: 'clerk' };

describe('applyDecision', () => {
  it('records the instrument and every change, once', async () => {
    const store = createInMemoryEventStore();
    const handler = createBatchHandler({ store });
    const decision = compiled(text(register('ubnd-tinh-binh-phuoc')));
    const first = await applyDecision(handler, decision, options);
    expect(E.isRight(first) && first.right).toMatchObject({
      duplicate: false,
      appended: 2,
      illustrative: 'An example.',
      changes: [
        { path: 'instrument', type: 'RecordInstrument' },
        { path: 'changes.0', type: 'RegisterAuthority' },
      ],
    });
    const again = await applyDecision(handler, decision, options);
    expect(E.isRight(again) && again.right).toMatchObject({ duplicate: true, appended: 0 });
    expect(await log(store)).toHaveLength(2);
  });

  it('records nothing when a change is refused, naming it, its line and its rule', async () => {
    const store = createInMemoryEventStore();
    const handler = createBatchHandler({ store });
    const decision = compiled(
      text(register('ubnd-tinh-binh-phuoc'), register('ubnd-tinh-binh-phuoc')),
    );
    const result = await applyDecision(handler, decision, options);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'ChangeRefused',
      change: 1,
      path: 'changes.1',
      position: { line: 17 },
      commandType: 'RegisterAuthority',
    });
    expect(E.isLeft(result) && result.left.message).toMatch(
      /^d\.yaml:17:5: changes\.1 \(RegisterAuthority\) refused \[\w+/,
    );
    expect(await log(store)).toEqual([]);
  });

  it('takes an instrument recorded before, identically, as nothing to do', async () => {
    const store = createInMemoryEventStore();
    const handler = createBatchHandler({ store });
    await applyDecision(handler, compiled(text(register('ubnd-tinh-binh-phuoc'))), options);
    const city = [
      '  - type: RegisterAuthority',
      '    data:',
      '      authorityId: ubnd-tp-dong-xoai',
      '      name:',
      '        vi: Ủy ban nhân dân thành phố Đồng Xoài',
      '      level: district',
      '      parent: ubnd-tinh-binh-phuoc',
      '      effectiveOn: 2018-01-01',
    ];
    const second = await applyDecision(handler, compiled(text(city)), options);
    expect(E.isRight(second) && second.right.changes.map((change) => change.events.length)).toEqual(
      [0, 1],
    );
  });
});

describe('a correction in a decision file (rule 14)', () => {
  it('corrects the name a body was established with, naming that event by id', async () => {
    const store = createInMemoryEventStore();
    const handler = createBatchHandler({ store });
    const establish = [
      '  - type: EstablishBody',
      '    data:',
      '      bodyId: bcd-chinh-quyen-dien-tu',
      '      kind: steering-committee',
      '      name:',
      '        vi: Ban Chỉ đạo chính quyền điện tử',
      '      authority: ubnd-tinh-binh-phuoc',
      '      effectiveOn: 2018-01-01',
    ];
    const first = await applyDecision(
      handler,
      compiled(text(register('ubnd-tinh-binh-phuoc'), establish)),
      options,
    );
    expect(E.isRight(first)).toBe(true);
    const established = (await log(store)).find((event) => event.type === 'BodyEstablished');
    const erratum = instrument.map((line) =>
      line.replace('1/QĐ-UBND', '2/QĐ-UBND').replace('2017-12-20', '2018-02-01'),
    );
    const correction = [
      ...erratum,
      'changes:',
      '  - type: CorrectBodyRecord',
      '    data:',
      '      bodyId: bcd-chinh-quyen-dien-tu',
      `      corrects: ${established?.eventId ?? ''}`,
      '      correction:',
      '        correct: Name',
      '        name:',
      '          vi: Ban Chỉ đạo xây dựng chính quyền điện tử',
      '',
    ].join('\n');
    const second = await applyDecision(handler, compiled(correction), options);
    expect(E.isRight(second) && second.right.changes.map((change) => change.type)).toEqual([
      'RecordInstrument',
      'CorrectBodyRecord',
    ]);
    expect((await log(store)).at(-1)).toMatchObject({
      type: 'BodyNameCorrected',
      data: { corrects: established?.eventId, previous: { vi: 'Ban Chỉ đạo chính quyền điện tử' } },
    });
  });
});

describe('planDecision', () => {
  it('says what each change would record, with streams and dates, and appends nothing', async () => {
    const store = createInMemoryEventStore();
    const decision = compiled(text(register('ubnd-tinh-binh-phuoc')));
    const plan = await planDecision(createBatchHandler({ store }), decision, options);
    expect(E.isRight(plan) && plan.right.changes.flatMap((change) => change.events)).toEqual([
      {
        eventId: `${decision.commandId}.instrument`,
        stream: 'instruments',
        type: 'InstrumentRecorded',
        effectiveOn: '2017-12-20',
      },
      {
        eventId: `${decision.commandId}.0.1`,
        stream: 'authorities',
        type: 'AuthorityRegistered',
        effectiveOn: '2017-12-20',
      },
    ]);
    expect(await log(store)).toEqual([]);
  });
});

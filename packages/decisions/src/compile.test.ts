/**
 * Compiling a decision file: the instrument recorded first and cited by every change, an id from
 * the content (not its layout), events named after the changes, and every problem — a missing or
 * unknown key, a wrong value, a misplaced basis — reported with its path and line.
 */
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { readDecision } from './apply.js';
import type { CompiledDecision } from './compile.js';
import type { DecisionFileError } from './problems.js';

const file = (changes: string): string =>
  [
    'instrument:',
    '  type: decision',
    '  number: 12/QĐ-UBND',
    '  issuer: ubnd-tinh-binh-phuoc',
    '  signer:',
    '    name: Nguyễn Văn Trăm',
    '    title: Chủ tịch UBND tỉnh',
    '  signedOn: 2018-12-04',
    'changes:',
    changes,
  ].join('\n');

const rename = [
  '  - type: RenameAuthority',
  '    id: doi-ten',
  '    data:',
  '      authorityId: ubnd-tinh-binh-phuoc',
  '      name:',
  '        vi: Ủy ban nhân dân tỉnh Bình Phước',
  '      effectiveOn: 2019-01-01',
].join('\n');

const compiled = (text: string): CompiledDecision => {
  const result = readDecision('d.yaml', text);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const failed = (text: string): DecisionFileError => {
  const result = readDecision('d.yaml', text);
  if (E.isRight(result)) throw new Error('expected the file to be refused');
  return result.left;
};

const problems = (text: string) => {
  const error = failed(text);
  return error._tag === 'InvalidDecisionFile'
    ? error.problems.map(({ path, position, message }) => ({ path, line: position?.line, message }))
    : [];
};

describe('compileDecision', () => {
  it('records the instrument first, then each change with the instrument as its basis', () => {
    const { commands } = compiled(file(rename));
    expect(commands).toMatchObject([
      {
        type: 'RecordInstrument',
        data: { basis: { number: '12/QĐ-UBND' }, effectiveOn: '2018-12-04', relations: [] },
      },
      { type: 'RenameAuthority', data: { basis: { number: '12/QĐ-UBND' } } },
    ]);
  });

  it('gives the same id to the same content, whatever its layout, and another to other content', () => {
    const yaml = compiled(file(rename));
    const json = compiled(
      JSON.stringify(
        JSON.parse(JSON.stringify(yaml.commands)) && {
          instrument: {
            type: 'decision',
            number: '12/QĐ-UBND',
            issuer: 'ubnd-tinh-binh-phuoc',
            signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
            signedOn: '2018-12-04',
          },
          changes: [
            {
              type: 'RenameAuthority',
              id: 'doi-ten',
              data: {
                authorityId: 'ubnd-tinh-binh-phuoc',
                name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước' },
                effectiveOn: '2019-01-01',
              },
            },
          ],
        },
      ),
    );
    expect(json.commandId).toBe(yaml.commandId);
    expect(yaml.commandId).toMatch(/^decision-[0-9a-f]{32}$/);
    expect(compiled(file(rename.replace('2019-01-01', '2019-01-02'))).commandId).not.toBe(
      yaml.commandId,
    );
  });

  it('names a change’s events after its id, and the others after the file and the change', () => {
    const decision = compiled(file(`${rename}\n${rename.replace('    id: doi-ten\n', '')}`));
    expect([
      decision.eventIds(0, 1),
      decision.eventIds(1, 1),
      decision.eventIds(1, 2),
      decision.eventIds(2, 1),
    ]).toEqual([
      `${decision.commandId}.instrument`,
      'doi-ten.1',
      'doi-ten.2',
      `${decision.commandId}.1.1`,
    ]);
  });

  it('reports a missing field and a wrong value at their paths and lines', () => {
    const broken = rename.replace('      effectiveOn: 2019-01-01', '      effectiveOn: 2019-02-30');
    expect(problems(file(broken))).toEqual([
      expect.objectContaining({ path: 'changes.0.data.effectiveOn', line: 16 }),
    ]);
    const missing = rename.replace('      authorityId: ubnd-tinh-binh-phuoc\n', '');
    expect(problems(file(missing))).toEqual([
      expect.objectContaining({ path: 'changes.0.data.authorityId', line: 13 }),
    ]);
  });

  it('reports a key no codec knows (a typo) rather than dropping it', () => {
    expect(problems(file(rename.replace('      effectiveOn', '      efectiveOn')))).toEqual(
      expect.arrayContaining([
        { path: 'changes.0.data.efectiveOn', line: 16, message: 'unknown key "efectiveOn"' },
      ]),
    );
    expect(problems(`${file(rename)}\nillustrativ: yes\n`)).toEqual([
      { path: 'illustrativ', line: 17, message: 'unknown key "illustrativ"' },
    ]);
  });

  it('reports an unknown command type at its line', () => {
    expect(problems(file(rename.replace('RenameAuthority', 'RenameEverything')))).toEqual([
      expect.objectContaining({ path: 'changes.0.type', line: 10 }),
    ]);
  });

  it('refuses a basis in a change, another instrument recorded, and a basis with no instrument', () => {
    const withBasis = `${rename}\n      basis: {}`;
    expect(problems(file(withBasis))).toEqual([
      expect.objectContaining({ path: 'changes.0.data.basis', line: 17 }),
    ]);
    const recording = '  - type: RecordInstrument\n    data: {}';
    expect(problems(file(recording))).toEqual([
      expect.objectContaining({ path: 'changes.0.type', line: 10 }),
    ]);
    const noInstrument = `changes:\n${rename}\n`;
    expect(problems(noInstrument)).toEqual([
      {
        path: 'changes.0',
        line: 2,
        message: 'this change cites the file’s instrument, and the file has no `instrument`',
      },
    ]);
  });

  it('says a file with no changes or no object is invalid, naming the file', () => {
    expect(failed('instrument: 3\n')).toMatchObject({
      _tag: 'InvalidDecisionFile',
      file: 'd.yaml',
    });
    expect(failed('- just\n- a list\n')).toMatchObject({ _tag: 'InvalidDecisionFile' });
  });

  it('prefixes every problem with the file, line and column', () => {
    const error = failed(file(rename.replace('2019-01-01', 'soon')));
    expect(error.message).toMatch(/^d\.yaml:16:20: changes\.0\.data\.effectiveOn: /);
  });
});

/**
 * Rule 15: instruments are recorded once, under a canonical key (number + issuer + year, the
 * number normalised), with their relations; a citation that does not resolve, or conflicts with
 * the recorded instrument, is refused. Each property is biconditional: the registry refuses
 * exactly when a naive model says so. The model keys instruments its own way (letters and digits
 * with separators, read character by character) and imports nothing it checks.
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import * as Instrument from '../../src/instrument/index.js';
import { LegalBasis, decodeWith, instrumentKey } from '../../src/kernel/index.js';
import { show } from '../../src/testing/deep-equal.js';

// -------------------------------------------------------------------------------------------------
// Generated citations: a few numbers, each printed several ways
// -------------------------------------------------------------------------------------------------

/** Ways one number gets printed: the look-alike eth, stray and doubled spaces, letter case. */
const spellings = (digits: string): ReadonlyArray<string> => [
  `${digits}/QĐ-TTg`,
  `${digits}/QÐ-TTg `,
  `${digits} / QĐ-TTG`,
  `${digits}/qđ-ttg`,
  `${digits}/Qð-TTg`,
  `${digits}/QĐ-UBND  `,
  `${digits}/QĐ  -UBND`,
];

const basisJson = fc.record({
  type: fc.constantFrom('decision', 'directive'),
  number: fc.constantFrom('109', '1072').chain((digits) => fc.constantFrom(...spellings(digits))),
  issuer: fc.constantFrom('thu-tuong', 'ubnd-tinh-binh-phuoc'),
  signer: fc.record({ name: fc.constantFrom('Người ký A', 'Người ký B') }),
  signedOn: fc.constantFrom('2018-01-02', '2018-12-04', '2019-03-01'),
});

const decodeBasis = (json: unknown): LegalBasis => {
  const decoded = decodeWith(LegalBasis, json);
  if (isLeft(decoded)) throw new Error(`bad generated basis: ${show(json)}`);
  return decoded.right;
};

const relationJson = fc.record({
  kind: fc.constantFrom('amends', 'replaces', 'repeals', 'annuls', 'on-the-basis-of'),
  to: basisJson.map(({ number, issuer, signedOn }) => ({ number, issuer, signedOn })),
});

const recordJson = fc.record({
  type: fc.constant('RecordInstrument'),
  data: fc.record({
    basis: basisJson,
    effectiveOn: fc.constantFrom('2018-01-02', '2019-03-01'),
    relations: fc.array(relationJson, { maxLength: 2 }),
  }),
});

const decodeCommand = (json: unknown): Instrument.Command => {
  const decoded = decodeWith(Instrument.Command, json);
  if (isLeft(decoded)) throw new Error(`bad generated command: ${show(json)}`);
  return decoded.right;
};

// -------------------------------------------------------------------------------------------------
// The naive model
// -------------------------------------------------------------------------------------------------

const LOOK_ALIKES: Readonly<Record<string, string>> = { Ð: 'Đ', ð: 'đ' };

/** The model's key: the number's characters but spaces, look-alikes read as Đ, upper-cased. */
function modelKey(number: string, issuer: string, signedOn: string): string {
  let canonical = '';
  for (const character of number.normalize('NFC')) {
    if (character === ' ') continue;
    canonical += (LOOK_ALIKES[character] ?? character).toUpperCase();
  }
  return `${canonical}#${issuer}#${signedOn.slice(0, 4)}`;
}

interface ModelInstrument {
  readonly key: string;
  readonly numberAndIssuer: string;
  readonly type: string;
  readonly signer: string;
  readonly signedOn: string;
}

const modelOf = (b: {
  number: string;
  issuer: string;
  signedOn: string;
  type?: string;
  signer?: { name: string };
}): ModelInstrument => {
  const key = modelKey(b.number, b.issuer, b.signedOn);
  return {
    key,
    numberAndIssuer: key.slice(0, key.lastIndexOf('#')),
    type: b.type ?? '',
    signer: b.signer?.name ?? '',
    signedOn: b.signedOn,
  };
};

/** What the model says of recording `command` in `registry`: refused, nothing to do, or recorded. */
function modelDecision(
  registry: ReadonlyArray<ModelInstrument>,
  command: {
    data: {
      basis: Parameters<typeof modelOf>[0];
      relations: ReadonlyArray<{ to: Parameters<typeof modelOf>[0] }>;
    };
  },
): 'refused' | 'nothing' | 'recorded' {
  const cited = modelOf(command.data.basis);
  const same = registry.find((r) => r.key === cited.key);
  if (same !== undefined)
    return same.type === cited.type &&
      same.signer === cited.signer &&
      same.signedOn === cited.signedOn
      ? 'nothing'
      : 'refused';
  for (const { to } of command.data.relations) {
    const target = registry.find((r) => r.key === modelOf(to).key);
    if (target === undefined || target.signedOn !== to.signedOn || target.signedOn > cited.signedOn)
      return 'refused';
  }
  return 'recorded';
}

// -------------------------------------------------------------------------------------------------
// Properties
// -------------------------------------------------------------------------------------------------

describe('docs/reference/domain.md rule 15: instruments are recorded once, citations resolve', () => {
  it('two printings of a number are one key exactly when the model says so', () => {
    fc.assert(
      fc.property(basisJson, basisJson, (a, b) => {
        const same = instrumentKey(decodeBasis(a)) === instrumentKey(decodeBasis(b));
        expect(same).toBe(modelOf(a).key === modelOf(b).key);
      }),
      { numRuns: 500 },
    );
  });

  it('records, ignores or refuses each command exactly as the model says; a refusal appends nothing', () => {
    fc.assert(
      fc.property(fc.array(recordJson, { minLength: 1, maxLength: 25 }), (commands) => {
        let state = Instrument.decider.initialState;
        let model: ModelInstrument[] = [];
        for (const json of commands) {
          const command = decodeCommand(json);
          const decision = Instrument.decider.decide(command, state, undefined);
          const expected = modelDecision(model, json);
          const actual = isLeft(decision)
            ? 'refused'
            : decision.right.length === 0
              ? 'nothing'
              : 'recorded';
          if (actual !== expected)
            throw new Error(
              `${actual}, the model says ${expected}: ${show(json)}\n${show(decision)}`,
            );
          if (isLeft(decision)) {
            expect(decision.left.rule).toBe(15);
            continue;
          }
          expect(decision.right.length).toBeLessThanOrEqual(1);
          state = decision.right.reduce(Instrument.decider.evolve, state);
          if (expected === 'recorded') model = [...model, modelOf(json.data.basis)];
          expect(state.instruments.size).toBe(model.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a citation exactly when it names no recorded instrument, or conflicts with the one it names', () => {
    fc.assert(
      fc.property(fc.array(recordJson, { maxLength: 15 }), basisJson, (commands, citedJson) => {
        let state = Instrument.decider.initialState;
        for (const json of commands) {
          const decision = Instrument.decider.decide(decodeCommand(json), state, undefined);
          if (isRight(decision)) state = decision.right.reduce(Instrument.decider.evolve, state);
        }
        const registry = [...state.instruments.values()].map(({ instrument }) =>
          modelOf(instrument),
        );
        const cited = modelOf(citedJson);
        const same = registry.find((r) => r.key === cited.key);
        const refused =
          same === undefined ||
          same.type !== cited.type ||
          same.signer !== cited.signer ||
          same.signedOn !== cited.signedOn;
        const checked = Instrument.checkCitation(state, decodeBasis(citedJson));
        expect(isLeft(checked), show({ citedJson, checked })).toBe(refused);
        if (isLeft(checked)) {
          // The refusal names the citation, and the recorded instrument(s) it met: the one under
          // its key, or those of its number and issuer recorded in other years.
          expect(checked.left.rule).toBe(15);
          const named =
            checked.left._tag === 'CitationConflict'
              ? [checked.left.recorded]
              : checked.left.candidates;
          const candidates = registry.filter(
            (r) => r.key !== cited.key && r.numberAndIssuer === cited.numberAndIssuer,
          );
          expect(named.length).toBe(same === undefined ? candidates.length : 1);
          expect(checked.left.cited.number).toBe(decodeBasis(citedJson).number);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers what replaced an instrument from the later instruments’ relations', () => {
    const older = decodeBasis({
      type: 'decision',
      number: '109/QĐ-TTg',
      issuer: 'thu-tuong',
      signer: { name: 'Người ký A' },
      signedOn: '2018-01-02',
    });
    const newer = decodeBasis({ ...older, number: '1072/QĐ-TTg', signedOn: '2019-03-01' });
    const record = (basis: LegalBasis, relations: ReadonlyArray<unknown>) =>
      decodeCommand({
        type: 'RecordInstrument',
        data: { basis, effectiveOn: basis.signedOn, relations },
      });
    let state = Instrument.decider.initialState;
    for (const command of [
      record(older, []),
      record(newer, [
        {
          kind: 'replaces',
          to: { number: '109/QÐ-TTg ', issuer: 'thu-tuong', signedOn: '2018-01-02' },
        },
      ]),
    ]) {
      const decision = Instrument.decider.decide(command, state, undefined);
      if (isLeft(decision)) throw new Error(show(decision));
      state = decision.right.reduce(Instrument.decider.evolve, state);
    }
    const replacedBy = Instrument.relatedBy(state, older, 'replaces');
    expect(replacedBy.map(({ instrument }) => instrument.number)).toEqual(['1072/QĐ-TTg']);
    expect(Instrument.relatedBy(state, older, 'amends')).toEqual([]);
    expect(
      Instrument.relatedBy(
        state,
        { ...older, signedOn: '2019-01-02' as typeof older.signedOn },
        'replaces',
      ),
    ).toEqual([]);
  });
});

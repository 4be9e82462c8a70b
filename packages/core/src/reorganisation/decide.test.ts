/**
 * Examples for what the rule 5 property leaves unread (the gaps the mutation run over decide.ts
 * found): the kind a new body's origin records for a succession, a new body's optional purpose,
 * the words of `TooFewBodies`, and a body outside the issuer's jurisdiction started or absorbing.
 */
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { BodyId } from '../kernel/index.js';
import { establisherOnly } from '../kernel/index.js';
import * as Body from '../body/index.js';
import { Command, decide } from './index.js';
import type { BodyStates } from './index.js';

const context = { jurisdiction: establisherOnly };
const basis = {
  type: 'decision',
  number: '1/QĐ-UBND',
  issuer: 'ubnd-tinh',
  signer: { name: 'Nguyễn Văn A', title: 'Chủ tịch' },
  signedOn: '2020-01-01',
};

function decoded(json: unknown): Command {
  const result = Command.decode(json);
  if (isLeft(result)) throw new Error(`Fixture does not decode: ${JSON.stringify(json)}`);
  return result.right;
}

/** The state of a body established on 2019-01-01 under the province. */
function established(bodyId: string, authority = 'ubnd-tinh'): Body.State {
  const command = Body.Command.decode({
    type: 'EstablishBody',
    data: {
      bodyId,
      kind: 'steering-committee',
      name: { vi: `Ban ${bodyId}` },
      authority,
      basis: { ...basis, issuer: authority, signedOn: '2019-01-01' },
      effectiveOn: '2019-01-01',
    },
  });
  if (isLeft(command)) throw new Error('The establishment does not decode');
  const decision = Body.decider.decide(command.right, Body.initialState, context);
  if (isLeft(decision)) throw new Error(decision.left.message);
  return decision.right.reduce(Body.evolve, Body.initialState);
}

const successor = (bodyId: string, extra: object = {}) => ({
  bodyId,
  kind: 'steering-committee',
  name: { vi: `Ban ${bodyId}` },
  authority: 'ubnd-tinh',
  ...extra,
});
const states: BodyStates = new Map([
  ...(['a', 'b'] as const).map((id) => [id as BodyId, established(id)] as const),
  ['x' as BodyId, established('x', 'ubnd-tp')] as const,
]);
const common = { reorganisationId: 'to-chuc-lai', basis, effectiveOn: '2020-01-01' };

/** The data of the `BodyEstablished` event a decision records for `bodyId`. */
const establishment = (command: Command, bodyId: string) => {
  const decision = decide(command, states, context);
  if (isLeft(decision)) throw new Error(decision.left.message);
  const event = decision.right
    .find((stream) => stream.bodyId === bodyId)
    ?.events.find((e) => e.type === 'BodyEstablished');
  return event?.data;
};

describe('a new body', () => {
  it('records the succession it was started by, with the purpose given', () => {
    const purpose = { vi: 'Chỉ đạo chuyển đổi số' };
    const command = decoded({
      type: 'SucceedBody',
      data: { ...common, body: 'a', successor: successor('c', { purpose }) },
    });
    expect(establishment(command, 'c')).toMatchObject({
      purpose,
      origin: { kind: 'reorganisation', reorganisation: 'succession', predecessors: ['a'] },
    });
  });

  it('has no purpose key when none is given', () => {
    const command = decoded({
      type: 'MergeBodies',
      data: { ...common, bodies: ['a', 'b'], successor: successor('c') },
    });
    expect(establishment(command, 'c')).not.toHaveProperty('purpose');
  });
});

describe('TooFewBodies', () => {
  it('names the kind of reorganisation that needs more bodies', () => {
    const merger = decide(
      decoded({
        type: 'MergeBodies',
        data: { ...common, bodies: ['a'], successor: successor('c') },
      }),
      states,
      context,
    );
    expect(isLeft(merger) && merger.left.message).toBe(
      'A merger needs at least 2 distinct bodies; 1 given.',
    );
    const split = decide(
      decoded({ type: 'SplitBody', data: { ...common, body: 'a', successors: [successor('c')] } }),
      states,
      context,
    );
    expect(isLeft(split) && split.left.message).toBe(
      'A split needs at least 2 distinct bodies; 1 given.',
    );
  });
});

describe('a body outside the issuer’s jurisdiction (rule 9)', () => {
  const refusalOf = (json: unknown) => {
    const decision = decide(decoded(json), states, context);
    return isLeft(decision) ? decision.left._tag : 'accepted';
  };

  it('is not started by the issuer’s merger', () => {
    const elsewhere = successor('c', { authority: 'ubnd-tp' });
    expect(
      refusalOf({
        type: 'MergeBodies',
        data: { ...common, bodies: ['a', 'b'], successor: elsewhere },
      }),
    ).toBe('NoJurisdiction');
  });

  it('does not absorb the issuer’s bodies', () => {
    expect(refusalOf({ type: 'AbsorbBodies', data: { ...common, bodies: ['a'], into: 'x' } })).toBe(
      'NoJurisdiction',
    );
  });
});

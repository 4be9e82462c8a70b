/**
 * Given/When/Then examples for persons: registration of Nguyễn Văn Trăm, a name correction
 * (đính chính), NFC normalisation, and one example per refusal.
 */
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { fold, type PersonId } from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { Command, Event, decider } from './index.js';

function decoded<C extends t.Mixed>(codec: C, json: unknown): t.TypeOf<C> {
  const result = codec.decode(json);
  if (isLeft(result)) throw new Error(`Fixture does not decode as ${codec.name}`);
  return result.right;
}
const command = (json: unknown): Command => decoded(Command, json);
const event = (json: unknown): Event => decoded(Event, json);

const TRAM = 'nguyen-van-tram';
const basis = {
  type: 'decision',
  number: 'DEMO-1/QĐ-UBND',
  issuer: 'ubnd-tinh-binh-phuoc',
  signer: { name: 'Nguyễn Văn A' },
  signedOn: '2018-12-04',
};
const source = { kind: 'instrument', instrument: basis };
const registered = event({
  type: 'PersonRegistered',
  data: { personId: TRAM, name: 'Nguyễn Văn Trăm', effectiveOn: '2018-12-04', source },
});
const correct = (name: string, personId = TRAM) =>
  command({
    type: 'CorrectPersonName',
    data: { personId, name, basis, effectiveOn: '2018-12-04' },
  });

const spec = DeciderSpecification.for(decider, undefined);

describe('Person', () => {
  it('registers a person, with the name in NFC even when typed with combining marks', () => {
    const decomposed = 'Nguyễn Văn Trăm'.normalize('NFD');
    spec
      .given([])
      .when(
        command({
          type: 'RegisterPerson',
          data: { personId: TRAM, name: decomposed, basis, effectiveOn: '2018-12-04' },
        }),
      )
      .then([registered]);
  });

  it('corrects a name, naming the one it supersedes', () => {
    spec
      .given([registered])
      .when(correct('Nguyễn Văn Trâm'))
      .then([
        event({
          type: 'PersonNameCorrected',
          data: {
            personId: TRAM,
            name: 'Nguyễn Văn Trâm',
            previous: 'Nguyễn Văn Trăm',
            effectiveOn: '2018-12-04',
            source,
          },
        }),
      ]);
    const state = fold(decider, [
      registered,
      event({
        type: 'PersonNameCorrected',
        data: {
          personId: TRAM,
          name: 'Nguyễn Văn Trâm',
          previous: 'Nguyễn Văn Trăm',
          effectiveOn: '2018-12-04',
          source,
        },
      }),
    ]);
    expect(state).toMatchObject({ status: 'registered', name: 'Nguyễn Văn Trâm' });
  });

  it('does nothing when the correction gives the name already recorded (in any normal form)', () => {
    spec
      .given([registered])
      .when(correct('Nguyễn Văn Trăm'.normalize('NFD')))
      .thenNothingHappens();
  });

  it('PersonAlreadyRegistered: a person is registered once', () => {
    spec
      .given([registered])
      .when(
        command({
          type: 'RegisterPerson',
          data: { personId: TRAM, name: 'Nguyễn Văn Trăm', basis, effectiveOn: '2019-01-01' },
        }),
      )
      .thenRefuses('PersonAlreadyRegistered', { personId: TRAM as PersonId });
  });

  it('PersonNotFound: only a registered person’s name can be corrected', () => {
    spec.given([]).when(correct('Nguyễn Văn Trăm')).thenRefuses('PersonNotFound');
    spec
      .given([registered])
      .when(correct('Trần Thị B', 'tran-thi-b'))
      .thenRefuses('PersonNotFound');
  });
});

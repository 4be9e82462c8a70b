/**
 * Given/When/Then examples for persons: registration of Nguyễn Văn Trăm, a name correction
 * (đính chính), NFC normalisation, and one example per refusal.
 */
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { fold, type EventId, type PersonId } from '../kernel/index.js';
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
const correct = (name: string, personId = TRAM, corrects = 'event-1') =>
  command({
    type: 'CorrectPersonName',
    data: { personId, corrects, name, basis, effectiveOn: '2018-12-04' },
  });

const corrected = event({
  type: 'PersonNameCorrected',
  data: {
    personId: TRAM,
    corrects: 'event-1',
    name: 'Nguyễn Văn Trâm',
    previous: 'Nguyễn Văn Trăm',
    effectiveOn: '2018-12-04',
    source,
  },
});

/** The stream as the store would hand it in: the registration, then the correction. */
const recorded = new Map<EventId, Event>([
  ['event-1' as EventId, registered],
  ['event-2' as EventId, corrected],
]);

const spec = DeciderSpecification.for(decider, { recorded });

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

  it('corrects a name, naming the registration and the name it supersedes', () => {
    spec.given([registered]).when(correct('Nguyễn Văn Trâm')).then([corrected]);
    const state = fold(decider, [registered, corrected]);
    expect(state).toMatchObject({ status: 'registered', name: 'Nguyễn Văn Trâm' });
  });

  it('does nothing when the correction gives the name already recorded (in any normal form)', () => {
    spec
      .given([registered])
      .when(correct('Nguyễn Văn Trăm'.normalize('NFD')))
      .thenNothingHappens();
  });

  it('a second correction names the registration again, and supersedes the corrected name', () => {
    spec
      .given([registered, corrected])
      .when(correct('Nguyễn Văn Tâm'))
      .then([
        event({
          type: 'PersonNameCorrected',
          data: {
            personId: TRAM,
            corrects: 'event-1',
            name: 'Nguyễn Văn Tâm',
            previous: 'Nguyễn Văn Trâm',
            effectiveOn: '2018-12-04',
            source,
          },
        }),
      ]);
  });

  it('NotTheRegistration: a correction names the registration, not an unknown event nor a correction', () => {
    spec
      .given([registered])
      .when(correct('Nguyễn Văn Trâm', TRAM, 'event-9'))
      .thenRefuses('NotTheRegistration', { corrects: 'event-9' as EventId, rule: 14 });
    spec
      .given([registered, corrected])
      .when(correct('Nguyễn Văn Tâm', TRAM, 'event-2'))
      .thenRefuses('NotTheRegistration', { eventType: 'PersonNameCorrected' });
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

/**
 * Rule 14 for a person's name: over generated streams of registrations and name corrections, a
 * correction naming any recorded event (or an unknown id) is refused exactly when a naive model
 * says so — the person is not registered under that id, or the event named is not the person's
 * registration — and an accepted one names that event and the name it replaces.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { decodeWith, type EventId, type RecordedEvents } from '../../src/kernel/index.js';
import * as Person from '../../src/person/index.js';
import { show } from '../../src/testing/deep-equal.js';

const basis = {
  type: 'decision',
  number: 'XXXX-1/QĐ-UBND',
  issuer: 'ubnd-tinh-binh-phuoc',
  signer: { name: 'Người ký' },
  signedOn: '2018-12-04',
};
const names = ['Nguyễn Văn Trăm', 'Nguyễn Văn Trâm', 'Trần Thị Hoa'];

const step = fc.record({
  register: fc.boolean(),
  personId: fc.constantFrom('nguyen-van-tram', 'tran-thi-hoa'),
  name: fc.constantFrom(...names),
  target: fc.nat(),
  unknown: fc.boolean(),
});

describe('docs/reference/domain.md rule 14: a person’s name is corrected naming the registration', () => {
  it('refused exactly when the model says; accepted ones name the registration and the old name', () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        let state = Person.initialState;
        const recorded = new Map<EventId, Person.Event>();
        for (const s of steps) {
          const ids = [...recorded.keys()];
          const corrects =
            s.unknown || ids.length === 0
              ? 'event-unknown'
              : (ids[s.target % ids.length] as string);
          const json = s.register
            ? {
                type: 'RegisterPerson',
                data: { personId: s.personId, name: s.name, basis, effectiveOn: '2018-12-04' },
              }
            : {
                type: 'CorrectPersonName',
                data: {
                  personId: s.personId,
                  corrects,
                  name: s.name,
                  basis,
                  effectiveOn: '2018-12-04',
                },
              };
          const command = decodeWith(Person.Command, json);
          if (isLeft(command)) throw new Error(`bad generated command: ${show(json)}`);
          const decision = Person.decider.decide(command.right, state, {
            recorded: recorded as RecordedEvents<Person.Event>,
          });
          // The model, on plain JSON: the stream's first event registers; a correction must name it.
          const plain = [...recorded].map(
            ([id, e]) => [id, JSON.parse(JSON.stringify(e))] as const,
          );
          const registration = plain.find(([, e]) => e.type === 'PersonRegistered');
          const registeredAs = registration?.[1].data.personId as string | undefined;
          const refused = s.register
            ? registeredAs !== undefined
            : registeredAs !== s.personId || registration?.[0] !== corrects;
          if (isLeft(decision) !== refused)
            throw new Error(
              `${isLeft(decision) ? 'refused' : 'accepted'} against the model: ${show(json)}\n${show(plain)}`,
            );
          if (isLeft(decision)) {
            tally.refused++;
            continue;
          }
          for (const event of decision.right) {
            if (event.type === 'PersonNameCorrected') {
              tally.accepted++;
              expect(event.data.corrects).toBe(corrects);
              expect(event.data.previous).toBe(
                state.status === 'registered' ? state.name : undefined,
              );
            }
            recorded.set(`event-${recorded.size + 1}` as EventId, event);
          }
          state = decision.right.reduce(Person.decider.evolve, state);
        }
      }),
      { numRuns: 300 },
    );
    expect(tally.accepted, 'some corrections were accepted').toBeGreaterThan(20);
    expect(tally.refused, 'some commands were refused').toBeGreaterThan(20);
  });
});

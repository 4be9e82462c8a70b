/** A person refusal explains itself: its message names the person it is about. */
import { describe, expect, it } from 'vitest';
import type { EventId, PersonId } from '../kernel/index.js';
import { notTheRegistration, personAlreadyRegistered, personNotFound } from './refusals.js';

const person = 'nguyen-van-a' as PersonId;

describe('person refusal messages', () => {
  it('name the person registered twice, or not registered at all', () => {
    expect(personAlreadyRegistered(person).message).toBe(
      'Person nguyen-van-a cannot be registered: this stream already holds a person.',
    );
    expect(personNotFound(person).message).toBe('Person nguyen-van-a has not been registered.');
  });

  it('name the event a name correction named, and its type when the stream holds it', () => {
    const event = 'e-3' as EventId;
    expect(notTheRegistration(person, event, undefined)).toStrictEqual({
      _tag: 'NotTheRegistration',
      rule: 14,
      personId: person,
      corrects: event,
      message: 'Person nguyen-van-a has recorded no event e-3 to correct.',
    });
    expect(notTheRegistration(person, event, 'PersonNameCorrected')).toStrictEqual({
      _tag: 'NotTheRegistration',
      rule: 14,
      personId: person,
      corrects: event,
      eventType: 'PersonNameCorrected',
      message:
        "Event e-3 (PersonNameCorrected) did not record nguyen-van-a's name; name the PersonRegistered event.",
    });
  });
});

/** A person refusal explains itself: its message names the person it is about. */
import { describe, expect, it } from 'vitest';
import type { PersonId } from '../kernel/index.js';
import { personAlreadyRegistered, personNotFound } from './refusals.js';

const person = 'nguyen-van-a' as PersonId;

describe('person refusal messages', () => {
  it('name the person registered twice, or not registered at all', () => {
    expect(personAlreadyRegistered(person).message).toBe(
      'Person nguyen-van-a cannot be registered: this stream already holds a person.',
    );
    expect(personNotFound(person).message).toBe('Person nguyen-van-a has not been registered.');
  });
});

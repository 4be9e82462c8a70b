/**
 * Why a person's record refuses a command: each refusal is a readonly tagged value built by the
 * small constructor beside it.
 */
import type { PersonId, RefusalShape } from '../kernel/index.js';

/** The stream already holds a person: a person is registered once. */
export interface PersonAlreadyRegistered extends RefusalShape<'PersonAlreadyRegistered'> {
  readonly personId: PersonId;
}
/** The stream already holds a person: a person is registered once. */
export const personAlreadyRegistered = (personId: PersonId): PersonAlreadyRegistered => ({
  _tag: 'PersonAlreadyRegistered',
  personId,
  message: `Person ${personId} cannot be registered: this stream already holds a person.`,
});

/** No person with this id has been registered in the stream. */
export interface PersonNotFound extends RefusalShape<'PersonNotFound'> {
  readonly personId: PersonId;
}
/** No person with this id has been registered in the stream. */
export const personNotFound = (personId: PersonId): PersonNotFound => ({
  _tag: 'PersonNotFound',
  personId,
  message: `Person ${personId} has not been registered.`,
});

/** Why a person's record refused a command. */
export type Refusal = PersonAlreadyRegistered | PersonNotFound;

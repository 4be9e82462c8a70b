/**
 * Why a person's record refuses a command: each refusal is a readonly tagged value built by the
 * small constructor beside it.
 */
import type { EventId, PersonId, RefusalShape } from '../kernel/index.js';

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

/**
 * The event a name correction names is not the person's registration: it is not in the stream, or
 * it is of another kind (a correction names the `PersonRegistered` event, never an earlier
 * correction).
 */
export interface NotTheRegistration extends RefusalShape<'NotTheRegistration'> {
  readonly rule: 14;
  readonly personId: PersonId;
  readonly corrects: EventId;
  /** The type of the event named, when the stream holds it. */
  readonly eventType?: string;
}
/** Refuses a name correction that does not name the person's registration. */
export const notTheRegistration = (
  personId: PersonId,
  corrects: EventId,
  eventType: string | undefined,
): NotTheRegistration => ({
  _tag: 'NotTheRegistration',
  rule: 14,
  personId,
  corrects,
  ...(eventType === undefined ? {} : { eventType }),
  message:
    eventType === undefined
      ? `Person ${personId} has recorded no event ${corrects} to correct.`
      : `Event ${corrects} (${eventType}) did not record ${personId}'s name; name the PersonRegistered event.`,
});

/** Why a person's record refused a command. */
export type Refusal = PersonAlreadyRegistered | PersonNotFound | NotTheRegistration;

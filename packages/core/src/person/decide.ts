/**
 * Decides commands to a person's record: a person is registered once; correcting the name to the
 * one already recorded is nothing to do. Persons are under no authority's jurisdiction, so no
 * context is needed; every change still cites its instrument (docs/reference/domain.md rule 8).
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instrumentSource } from '../kernel/index.js';
import type { Command } from './commands.js';
import type { Event } from './events.js';
import { personAlreadyRegistered, personNotFound, type Refusal } from './refusals.js';
import type { PersonState } from './state.js';

/** Decides a command against a person's record: a refusal, or the events to record. */
export function decide(
  command: Command,
  state: PersonState,
): Either<Refusal, ReadonlyArray<Event>> {
  const { personId, name, basis, effectiveOn } = command.data;
  const source = instrumentSource(basis);
  switch (command.type) {
    case 'RegisterPerson':
      return state.status === 'unregistered'
        ? right([{ type: 'PersonRegistered', data: { personId, name, effectiveOn, source } }])
        : left(personAlreadyRegistered(personId));
    case 'CorrectPersonName': {
      if (state.status === 'unregistered' || state.personId !== personId)
        return left(personNotFound(personId));
      if (state.name === name) return right([]);
      return right([
        {
          type: 'PersonNameCorrected',
          data: { personId, name, previous: state.name, effectiveOn, source },
        },
      ]);
    }
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

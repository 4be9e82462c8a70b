/**
 * Decides commands to a person's record: a person is registered once; a name correction names the
 * registration event (rule 14), and correcting the name to the one already recorded is nothing to
 * do. Persons are under no authority's jurisdiction; the context holds only the stream's events by
 * id, for a correction to name. Every change cites its instrument (docs/reference/domain.md rule 8).
 */
import { left, right, type Either } from 'fp-ts/Either';
import { instrumentSource, noRecordedEvents, type RecordedEvents } from '../kernel/index.js';
import type { Command } from './commands.js';
import type { Event } from './events.js';
import {
  notTheRegistration,
  personAlreadyRegistered,
  personNotFound,
  type Refusal,
} from './refusals.js';
import type { PersonState } from './state.js';

/** What a person decision may know beyond the state: the stream's events by id (rule 14). */
export interface PersonContext {
  readonly recorded?: RecordedEvents<Event>;
}

/** Decides a command against a person's record: a refusal, or the events to record. */
export function decide(
  command: Command,
  state: PersonState,
  context: PersonContext = {},
): Either<Refusal, ReadonlyArray<Event>> {
  const { personId, name, basis, effectiveOn } = command.data;
  const source = instrumentSource(basis);
  switch (command.type) {
    case 'RegisterPerson':
      return state.status === 'unregistered'
        ? right([{ type: 'PersonRegistered', data: { personId, name, effectiveOn, source } }])
        : left(personAlreadyRegistered(personId));
    case 'CorrectPersonName': {
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an unregistered state has no `personId`, so the next test refuses it too; this one narrows the type
      if (state.status === 'unregistered') return left(personNotFound(personId));
      if (state.personId !== personId) return left(personNotFound(personId));
      const { corrects } = command.data;
      const named = (context.recorded ?? noRecordedEvents).get(corrects);
      if (named?.type !== 'PersonRegistered')
        return left(notTheRegistration(personId, corrects, named?.type));
      if (state.name === name) return right([]);
      return right([
        {
          type: 'PersonNameCorrected',
          data: { personId, corrects, name, previous: state.name, effectiveOn, source },
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

/**
 * A read model's refusal in plain words: an unknown body, person or instrument (as known at the instant
 * asked), or a malformed question — which the argument decoders keep from happening, so it is
 * reported as a refusal all the same rather than trusted away.
 */
import type { QueryError } from '@mandate/projections';
import { queryRefused, type QueryRefused } from './failure.js';

const asKnown = (knownAt: string | undefined): string =>
  knownAt === undefined ? '' : ` as known at ${knownAt}`;

/** The {@link QueryRefused} of a read model's refusal. */
export function refusalOf(error: QueryError): QueryRefused {
  switch (error._tag) {
    case 'UnknownBody':
      return queryRefused(`no body ${error.bodyId} is known${asKnown(error.knownAt)}`);
    case 'UnknownPerson':
      return queryRefused(
        `no person ${error.personId} is known${asKnown(error.knownAt)}: they held no office and sat in no seat`,
      );
    case 'UnknownInstrument':
      return queryRefused(`no instrument ${error.key} is recorded${asKnown(error.knownAt)}`);
    case 'InvalidQuery':
      return queryRefused(
        `the read model refused ${error.argument} ${JSON.stringify(error.value)}`,
      );
    default: {
      const unexpected: never = error;
      return unexpected;
    }
  }
}

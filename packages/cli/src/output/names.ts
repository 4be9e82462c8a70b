/**
 * How the answers name things for a person: a body by its Vietnamese name on the date (else its
 * latest name, else its id), a seat holder by the person or office behind it.
 */
import type { BodyView } from '@mandate/projections';

/** The body's Vietnamese name on the date asked, else its latest, else its id. */
export const bodyName = (body: BodyView): string =>
  body.name?.vi ?? body.names.at(-1)?.name.vi ?? body.bodyId;

/**
 * Stream names: which stream holds which aggregate's events. Every body, office and person has a
 * stream of its own; the whole authority registry is one stream, and so is the instrument registry. A reorganisation has no stream:
 * it writes to the streams of the bodies it touches. Each office also has an index of the bodies
 * following it, a stream apart from the office's own (the read models and annulments leave it be).
 */
import type { BodyId, OfficeId, PersonId } from '@mandate/core';
import type { StreamName } from '@mandate/eventstore';

/** The one stream of the authority registry. */
export const AUTHORITIES_STREAM: StreamName = 'authorities';

/** The one stream of the instrument registry. */
export const INSTRUMENTS_STREAM: StreamName = 'instruments';

/** The stream of one governance body, e.g. `body-bcd-xay-dung-chinh-quyen-dien-tu`. */
export const bodyStream = (bodyId: BodyId): StreamName => `body-${bodyId}`;

/** The stream of one office, e.g. `office-chu-tich-ubnd-tinh`. */
export const officeStream = (officeId: OfficeId): StreamName => `office-${officeId}`;

/** The stream of one person's record, e.g. `person-nguyen-van-tram`. */
export const personStream = (personId: PersonId): StreamName => `person-${personId}`;

/**
 * The index of the bodies following one office ex officio, e.g.
 * `seats-of-office-chu-tich-ubnd-tinh` (rule 20).
 */
export const followersStream = (officeId: OfficeId): StreamName =>
  `${FOLLOWERS_STREAM_PREFIX}${officeId}`;

/** What the name of every office's index of followers begins with. */
export const FOLLOWERS_STREAM_PREFIX = 'seats-of-office-';

/**
 * The rules across streams for a body's seats: what a seat names in the office and person
 * streams must exist, and nobody sits twice in one body. Checked by the caller that holds the
 * other streams' states when a body decision begins holdings, and when an office command changes
 * who holds an office some body follows (found on the office's index of followers). Imported as
 * a namespace:
 * `import { Seating } from '@mandate/core'`.
 */
export { newHoldings, officesNamed, personsNamed } from './holdings.js';
export type { NewHolding } from './holdings.js';
export { officeExistsOn, seatingRefusal, streamsNamed } from './check.js';
export { FollowerEventVersions, SeatFollowsOffice, followers, newFollowings } from './followers.js';
export type { FollowersState } from './followers.js';
export { changesWhoHolds, officeChangeRefusal, officesFollowed } from './office-change.js';
export type { NamedStreams, PersonLookup, SeatingFacts } from './check.js';
export type {
  PersonSitsTwice,
  Refusal,
  SeatOfficeNotInForce,
  SeatPersonNotRegistered,
} from './refusals.js';

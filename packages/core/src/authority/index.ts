/**
 * The authority registry: the hierarchy of authorities (with any superiors beside a parent), their
 * renames, mergers, splits and dissolutions, and jurisdiction.
 */
export type { AuthorityTable } from './authority-table.js';
export {
  AddAuthoritySuperior,
  Command,
  DissolveAuthority,
  MergeAuthority,
  RegisterAuthority,
  RenameAuthority,
  SplitAuthority,
} from './commands.js';
export { decider } from './decider.js';
export {
  AuthorityDissolved,
  AuthorityMerged,
  AuthorityRegistered,
  AuthorityRenamed,
  AuthoritySplit,
  AuthoritySuperiorAdded,
  Event,
  EventVersions,
} from './events.js';
export { ancestorsOf, currentAuthorityOf, jurisdictionOf } from './jurisdiction.js';
export { AuthorityLevel } from './level.js';
export type { NameEntry, NameTimeline } from './name-timeline.js';
export type {
  AuthorityActiveAfterMerger,
  AuthorityAlreadyRegistered,
  AuthorityDissolvedAway,
  AuthorityHasChildren,
  AuthorityMergedAway,
  AuthorityNotActive,
  AuthorityNotFound,
  AuthoritySplitAway,
  NoJurisdiction,
  SplitNeedsTwoSuccessors,
  SuperiorCycle,
  MergerCycle,
  MergerIntoItself,
  Refusal,
} from './refusals.js';
export { authoritiesOf, authorityOf, endedOn, initialState, isActiveOn, nameOn } from './state.js';
export type {
  ActiveAuthority,
  AuthorityFacts,
  AuthorityRecord,
  DissolvedAuthority,
  EmptyRegistry,
  MergedAuthority,
  PopulatedRegistry,
  RegistryState,
  SplitAuthorityRecord,
  SuperiorLink,
} from './state.js';
export { orphanedBodies } from './orphans.js';
export type { OrphanedBody } from './orphans.js';

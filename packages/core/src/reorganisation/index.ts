/**
 * The reorganisation decider: mergers, absorptions, splits and successions across bodies. It has
 * no stream of its own; it returns the events for each body's stream, to append atomically.
 * Imported as a namespace: `import { Reorganisation } from '@mandate/core'`.
 */
export {
  AbsorbBodies,
  CarriedDuty,
  Command,
  MergeBodies,
  NewBody,
  SplitBody,
  SucceedBody,
} from './commands.js';
export { bodiesStarted, bodiesTouched, decide } from './decide.js';
export type { BodyStates, StreamEvents } from './decide.js';
export type {
  BodyNamedTwice,
  CarriedDutyIdTaken,
  CarriedDutyTarget,
  DutyNotCarriable,
  NotActiveOnDate,
  Refusal,
  SuccessorExists,
  TooFewBodies,
} from './refusals.js';

/**
 * What handling a command returns: `CommandAccepted`, or one of the tagged `CommandFailure`s, each
 * built by a small constructor here. A refused command appends nothing; a command whose id was
 * recorded before answers with the first outcome, marked `duplicate`.
 *
 * @see docs/reference/domain.md rule 10
 */
import type {
  Authority,
  Body,
  CommandId,
  DecodeFailure,
  EstablishmentWithdrawn,
  IdentityWithdrawn,
  Instrument,
  Office,
  Person,
  Reorganisation,
  Seating,
} from '@mandate/core';
import type {
  AppendResult,
  CorruptEvent,
  StoreError,
  StreamName,
  VersionConflict,
} from '@mandate/eventstore';
import type { AnnulmentNotAlone } from './annulment-not-alone.js';

// ---------------------------------------------------------------------------------------------
// Accepted
// ---------------------------------------------------------------------------------------------

/** A command that was applied, found already applied (`duplicate`), or had nothing to do. */
export interface CommandAccepted {
  readonly commandId: CommandId;
  /** True when the command id had been recorded before: nothing was decided or appended now. */
  readonly duplicate: boolean;
  /** True when the decision was that there is nothing to do: nothing was appended. */
  readonly unchanged: boolean;
  /** Each stream appended to (by this command, or first time for a duplicate) and its revision. */
  readonly streams: ReadonlyArray<{
    readonly stream: StreamName;
    readonly nextExpectedRevision: bigint;
  }>;
  /** The global position of the last event appended, when any was. */
  readonly lastPosition?: bigint;
  /** How many events this call appended (0 for a duplicate or an unchanged command). */
  readonly events: number;
}

/** The outcome of an append made (or found already made) for `commandId`. */
export const appended = (
  commandId: CommandId,
  result: AppendResult,
  events: number,
): CommandAccepted => ({
  commandId,
  duplicate: result.duplicate,
  unchanged: false,
  streams: result.streams.map(({ stream, nextExpectedRevision }) => ({
    stream,
    nextExpectedRevision,
  })),
  lastPosition: result.lastPosition,
  events: result.duplicate ? 0 : events,
});

/** The outcome of a command the deciders found nothing to do for. */
export const unchanged = (commandId: CommandId): CommandAccepted => ({
  commandId,
  duplicate: false,
  unchanged: true,
  streams: [],
  events: 0,
});

// ---------------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------------

/**
 * Any refusal of any decider, of an establishment under an id whose establishment was withdrawn,
 * or of an annulment submitted with other commands.
 */
export type AnyRefusal =
  | Authority.Refusal
  | Instrument.Refusal
  | Office.Refusal
  | Person.Refusal
  | Body.Refusal
  | Reorganisation.Refusal
  | Seating.Refusal
  | IdentityWithdrawn
  | EstablishmentWithdrawn
  | AnnulmentNotAlone;

/** The decider refused the command; nothing was appended. */
export interface Refused {
  readonly _tag: 'Refused';
  readonly commandId: CommandId;
  readonly commandType: string;
  readonly refusal: AnyRefusal;
  readonly message: string;
}

/** The actor policy does not let this actor submit this command; nothing was decided. */
export interface Unauthorised {
  readonly _tag: 'Unauthorised';
  readonly actor: string;
  readonly commandType: string;
  readonly message: string;
}

/** Every attempt met a concurrent append to a stream the command touches; nothing was appended. */
export interface ConflictRetriesExhausted {
  readonly _tag: 'ConflictRetriesExhausted';
  readonly commandId: CommandId;
  /** How many times the command was decided and its append tried. */
  readonly attempts: number;
  /** The conflict of the last attempt. */
  readonly conflict: VersionConflict;
  readonly message: string;
}

/** Why a command was not accepted. */
export type CommandFailure =
  DecodeFailure | Unauthorised | Refused | StoreError | ConflictRetriesExhausted | CorruptEvent;

/** Builds a {@link Refused} carrying the decider's refusal. */
export const refused = (
  commandId: CommandId,
  commandType: string,
  refusal: AnyRefusal,
): Refused => ({
  _tag: 'Refused',
  commandId,
  commandType,
  refusal,
  message: `${commandType} ${commandId} was refused: ${refusal.message}`,
});

/** Builds an {@link Unauthorised}; `reason` says which policy refused and why. */
export const unauthorised = (actor: string, commandType: string, reason: string): Unauthorised => ({
  _tag: 'Unauthorised',
  actor,
  commandType,
  message: `${JSON.stringify(actor)} may not submit ${commandType}: ${reason}`,
});

/** Builds a {@link ConflictRetriesExhausted} after `attempts` attempts ending in `conflict`. */
export const conflictRetriesExhausted = (
  commandId: CommandId,
  attempts: number,
  conflict: VersionConflict,
): ConflictRetriesExhausted => ({
  _tag: 'ConflictRetriesExhausted',
  commandId,
  attempts,
  conflict,
  message: `Command ${commandId} met a concurrent change in each of ${attempts} attempts (last: ${conflict.message})`,
});

/**
 * The command handler: decode → idempotency → authorise → load and fold → decide → append
 * atomically with expected revisions, the command id and the revisions of the other streams the
 * decision read (read expectations) → on a version conflict, reload and decide again, a bounded
 * number of times.
 *
 * Idempotency (docs/reference/domain.md rule 10) holds across processes and restarts because the store records
 * the command id in the same transaction as the events: a recorded command is answered with its
 * first outcome without being decided again; a race lost to another submission of the same
 * command is answered the same way, whether it shows as the store's duplicate answer or as a
 * decision (a refusal, or nothing to do) taken on a state that already holds that command's
 * events.
 *
 * @see docs/reference/domain.md rules 9, 10 and 17
 */
import { randomUUID } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type { CommandId } from '@mandate/core';
import { NO_UPCASTERS, type EventStore, type UpcasterRegistry } from '@mandate/eventstore';
import { allowEveryActor, type ActorPolicy } from './authorise.js';
import { routeCommand, type CommandInput } from './command.js';
import { decideCommand } from './decision.js';
import type { Stamp } from './stamp.js';
import { decodeEnvelope, ENVELOPE_LIMITS } from './envelope.js';
import type { InputLimits } from './input-size.js';
import { createLoaders, type Loaders } from './loaders.js';
import { toNewEvents, type CommandTrace } from './new-events.js';
import {
  appended,
  conflictRetriesExhausted,
  refused,
  unchanged,
  type CommandAccepted,
  type CommandFailure,
} from './result.js';

/** The default number of times a command is decided again after a version conflict. */
export const DEFAULT_MAX_CONFLICT_RETRIES = 3;

/** How to build a command handler. */
export interface CommandHandlerOptions {
  /** The event store every command is loaded from and appended to. */
  readonly store: EventStore;
  /** Makes the id of each appended event (default: `crypto.randomUUID`). */
  readonly newEventId?: () => string;
  /** Whether an actor may submit a command at all (default: everyone may). */
  readonly authorise?: ActorPolicy;
  /** How many times a command is decided again after a version conflict (default 3). */
  readonly maxConflictRetries?: number;
  /** Upcasters for stored events of older schema versions (default: none). */
  readonly upcasters?: UpcasterRegistry;
  /** The size and nesting an envelope may have (default {@link ENVELOPE_LIMITS}). */
  readonly envelopeLimits?: InputLimits;
}

/** The result of handling one command. */
export type CommandResult = Either<CommandFailure, CommandAccepted>;

/** Who submits a command, and the id that makes it idempotent (docs/reference/domain.md rule 10). */
export interface SubmitOptions {
  readonly commandId: string;
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** Handles commands, and loads folded states for read-side use. */
export interface CommandHandler extends Loaders {
  /** Decodes, authorises, decides and appends one submitted command; never throws on bad input. */
  readonly handle: (envelope: unknown) => Promise<CommandResult>;
  /**
   * Handles a command the compiler has checked against its payload's type; its values are still
   * decoded (an invalid date or id is a `DecodeFailure`), as `handle` decodes untrusted input.
   */
  readonly submit: (command: CommandInput, options: SubmitOptions) => Promise<CommandResult>;
}

/** Creates a command handler over a store; a negative or fractional retry bound is a defect. */
export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const {
    store,
    newEventId = randomUUID,
    authorise = allowEveryActor,
    maxConflictRetries = DEFAULT_MAX_CONFLICT_RETRIES,
    upcasters = NO_UPCASTERS,
    envelopeLimits = ENVELOPE_LIMITS,
  } = options;
  if (!Number.isSafeInteger(maxConflictRetries) || maxConflictRetries < 0) {
    throw new RangeError('maxConflictRetries must be a whole number from 0');
  }
  const loaders = createLoaders({ store, upcasters });

  /** The first outcome of a command whose id the store has recorded, if it has. */
  async function recorded(
    commandId: CommandId,
  ): Promise<Either<CommandFailure, CommandAccepted | undefined>> {
    const found = await store.findCommand(commandId);
    if (isLeft(found)) return found;
    return right(found.right === undefined ? undefined : appended(commandId, found.right, 0));
  }

  async function handle(input: unknown): Promise<CommandResult> {
    const decoded = decodeEnvelope(input, envelopeLimits);
    if (isLeft(decoded)) return decoded;
    const { commandId, actor, command } = decoded.right;

    const first = await recorded(commandId);
    if (isLeft(first)) return first;
    if (first.right !== undefined) return right(first.right);

    const allowed = authorise(actor, command);
    if (isLeft(allowed)) return allowed;

    const trace: CommandTrace = {
      commandId,
      actor,
      correlationId: decoded.right.correlationId ?? commandId,
      causationId: decoded.right.causationId ?? commandId,
    };
    const stamp: Stamp = (events, versions) => toNewEvents(events, versions, trace, newEventId);
    const routed = routeCommand(command);

    for (let attempt = 1; ; attempt++) {
      const decision = await decideCommand(routed, loaders, stamp);
      if (isLeft(decision)) return decision;
      if (decision.right._tag === 'Refused' || decision.right.appends.length === 0) {
        // The state may already hold this very command, appended by a concurrent submission.
        const meanwhile = await recorded(commandId);
        if (isLeft(meanwhile)) return meanwhile;
        if (meanwhile.right !== undefined) return right(meanwhile.right);
        return decision.right._tag === 'Refused'
          ? left(refused(commandId, command.type, decision.right.refusal))
          : right(unchanged(commandId));
      }
      const { appends, expectations } = decision.right;
      const result = await store.append({ commandId, appends, expectations });
      if (!isLeft(result)) return right(appended(commandId, result.right, decision.right.events));
      if (result.left._tag !== 'VersionConflict') return result;
      if (attempt > maxConflictRetries) {
        return left(conflictRetriesExhausted(commandId, attempt, result.left));
      }
    }
  }

  const submit = (command: CommandInput, options: SubmitOptions): Promise<CommandResult> =>
    handle({ ...options, command });

  return { handle, submit, ...loaders };
}

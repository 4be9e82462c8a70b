/**
 * The actor policy: whether an actor (a user or a system) may submit a command at all. It is
 * injected by the embedding application, and asked before anything is loaded or decided. It is
 * distinct from jurisdiction (docs/reference/domain.md rule 9), which the deciders judge from the instrument
 * cited, whoever submits it.
 */
import { right, type Either } from 'fp-ts/Either';
import type { AnyCommand } from './command.js';
import type { Unauthorised } from './result.js';

/** Decides whether `actor` may submit `command`; build refusals with `unauthorised`. */
export type ActorPolicy = (actor: string, command: AnyCommand) => Either<Unauthorised, void>;

/** The default policy: every actor may submit every command. */
export const allowEveryActor: ActorPolicy = () => right(undefined);

/**
 * Why a `mandate` command did not do what it was asked, as values recognised by `_tag`, and the
 * exit code each one gives: 2 for a wrong invocation (an argument or store address that does not
 * decode), 1 for a refusal or a failed check (an unknown body, a store that cannot be opened, a
 * broken hash chain). Every failure has a message in plain words for stderr.
 */

/** An argument or option value that does not decode; nothing was read or written. */
export interface InvalidArgument {
  readonly _tag: 'InvalidArgument';
  /** The argument or option at fault, as written on the command line (e.g. `--on`). */
  readonly argument: string;
  readonly value: string;
  /** Why it does not decode. */
  readonly reason: string;
  readonly message: string;
}

/** The command was called in a way it does not take (options that go only together, or apart). */
export interface UsageError {
  readonly _tag: 'UsageError';
  readonly message: string;
}

/** The store could not be opened or read: absent, not a store, unreachable. */
export interface StoreUnreachable {
  readonly _tag: 'StoreUnreachable';
  /** The store's address as given (a PostgreSQL password is masked). */
  readonly store: string;
  readonly message: string;
}

/** The question was refused by the read model: the body or person asked about is not known. */
export interface QueryRefused {
  readonly _tag: 'QueryRefused';
  readonly message: string;
}

/** A check did not pass: `verify` found a broken link, or a stored event did not decode. */
export interface CheckFailed {
  readonly _tag: 'CheckFailed';
  readonly message: string;
}

/**
 * A decision file was not applied: malformed, invalid (every problem with its line and path), a
 * change refused by its decider (its rule), or the store failed; nothing of it was recorded.
 */
export interface DecisionRejected {
  readonly _tag: 'DecisionRejected';
  readonly message: string;
}

/** Every reason a command stops short. */
export type CliFailure =
  InvalidArgument | UsageError | StoreUnreachable | QueryRefused | CheckFailed | DecisionRejected;

/** Builds an {@link InvalidArgument}. */
export const invalidArgument = (
  argument: string,
  value: string,
  reason: string,
): InvalidArgument => ({
  _tag: 'InvalidArgument',
  argument,
  value,
  reason,
  message: `${argument} ${JSON.stringify(value)} is not valid: ${reason}`,
});

/** Builds a {@link UsageError}. */
export const usageError = (message: string): UsageError => ({ _tag: 'UsageError', message });

/** Builds a {@link StoreUnreachable}. */
export const storeUnreachable = (store: string, reason: string): StoreUnreachable => ({
  _tag: 'StoreUnreachable',
  store,
  message: `cannot use the store ${store}: ${reason}`,
});

/** Builds a {@link QueryRefused}. */
export const queryRefused = (message: string): QueryRefused => ({ _tag: 'QueryRefused', message });

/** Builds a {@link DecisionRejected}. */
export const decisionRejected = (message: string): DecisionRejected => ({
  _tag: 'DecisionRejected',
  message,
});

/** Builds a {@link CheckFailed}. */
export const checkFailed = (message: string): CheckFailed => ({ _tag: 'CheckFailed', message });

/** The process exit code of a wrong invocation. */
export const USAGE_EXIT_CODE = 2;
/** The process exit code of a refusal or a failed check. */
export const REFUSED_EXIT_CODE = 1;

/** The exit code a failure gives: 2 for a wrong invocation, 1 for a refusal or failed check. */
export function exitCodeOf(failure: CliFailure): number {
  switch (failure._tag) {
    case 'InvalidArgument':
    case 'UsageError':
      return USAGE_EXIT_CODE;
    case 'StoreUnreachable':
    case 'QueryRefused':
    case 'CheckFailed':
    case 'DecisionRejected':
      return REFUSED_EXIT_CODE;
    default: {
      const unexpected: never = failure;
      return unexpected;
    }
  }
}

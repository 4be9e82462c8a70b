/**
 * Planning and applying decision files through the application's batch handler: a file is one
 * batch — its instrument recorded first, then its changes in order, each decided on what the
 * earlier ones leave — appended all or nothing in one append, under the id its content gives it,
 * so applying it again records nothing. A refusal names the change, its line and the rule.
 *
 * @see docs/reference/domain.md rule 10
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type { BatchFailure, BatchHandler, BatchPlan, PlannedEvent } from '@mandate/application';
import { compileDecision, type CompiledDecision } from './compile.js';
import {
  changeRefused,
  decisionNotApplied,
  invalidDecisionFile,
  type DecisionFileError,
} from './problems.js';
import { parseSourceText } from './source-text.js';

/** What one change of a file records (or would record). */
export interface ChangeOutcome {
  /** The change's place in `changes`, from 0; -1 for the record of the file's instrument. */
  readonly change: number;
  /** Its path in the file: `instrument` or `changes.N`. */
  readonly path: string;
  readonly type: string;
  /** Its events; none when there is nothing to do (an instrument recorded before, identically). */
  readonly events: ReadonlyArray<PlannedEvent>;
}

/** What a file records (or would record). */
export interface DecisionOutcome {
  readonly file: string;
  readonly commandId: string;
  /** Why the file is illustrative, when it says it is. */
  readonly illustrative?: string;
  /** True when the file was applied before: nothing is recorded now. */
  readonly duplicate: boolean;
  readonly changes: ReadonlyArray<ChangeOutcome>;
  /** How many events were appended (0 for a plan or a duplicate). */
  readonly appended: number;
}

/** Who applies the files, for the audit trail. */
export interface ApplyOptions {
  readonly actor: string;
}

/** Parses and compiles a file's text. */
export function readDecision(
  file: string,
  text: string,
): Either<DecisionFileError, CompiledDecision> {
  const source = parseSourceText(file, text);
  return isLeft(source) ? source : compileDecision(source.right);
}

/** The batch of a compiled file, as the application takes it. */
const batchOf = (decision: CompiledDecision, { actor }: ApplyOptions) => ({
  commandId: decision.commandId,
  actor,
  commands: decision.commands,
});

/** A batch failure as a problem of the file, at the change it concerns. */
function fileError(decision: CompiledDecision, failure: BatchFailure): DecisionFileError {
  const pathOf = (command: number) => {
    const change = decision.changeOf(command);
    return change < 0 ? 'instrument' : `changes.${change}`;
  };
  const at = (path: string) => {
    const position = decision.locate(path);
    return position === undefined ? {} : { position };
  };
  switch (failure._tag) {
    case 'RefusedInBatch': {
      const change = decision.changeOf(failure.index);
      return changeRefused(
        decision.file,
        change,
        decision.locate(pathOf(failure.index)),
        failure.commandType,
        failure.refusal,
      );
    }
    case 'DuplicateEventId': {
      const path = `${pathOf(failure.index)}.id`;
      return invalidDecisionFile(decision.file, [
        {
          path,
          ...at(path),
          message: `the event id ${failure.eventId} is already used in a stream this change writes; give the change another id`,
        },
      ]);
    }
    case 'DecodeFailure':
      return invalidDecisionFile(
        decision.file,
        failure.issues.map(({ path, message }) => {
          const [, command, rest] = /^commands\.(\d+)(?:\.data(.*))?$/.exec(path) ?? [];
          const inFile =
            command === undefined
              ? ''
              : `${pathOf(Number(command))}${rest === undefined ? '' : `.data${rest}`}`;
          return { path: inFile, ...at(inFile), message };
        }),
      );
    default:
      return decisionNotApplied(decision.file, failure);
  }
}

/** The plan's commands as the file's changes. */
function outcomeOf(decision: CompiledDecision, plan: BatchPlan, appended: number): DecisionOutcome {
  return {
    file: decision.file,
    commandId: decision.commandId,
    ...(decision.illustrative === undefined ? {} : { illustrative: decision.illustrative }),
    duplicate: plan.duplicate,
    changes: plan.commands.map(({ type, events }, command) => {
      const change = decision.changeOf(command);
      return { change, path: change < 0 ? 'instrument' : `changes.${change}`, type, events };
    }),
    appended,
  };
}

/** What applying a compiled file would record, deciding every change and appending nothing. */
export async function planDecision(
  handler: BatchHandler,
  decision: CompiledDecision,
  options: ApplyOptions,
): Promise<Either<DecisionFileError, DecisionOutcome>> {
  const plan = await handler.planBatch(batchOf(decision, options), {
    eventIds: decision.eventIds,
  });
  return isLeft(plan)
    ? left(fileError(decision, plan.left))
    : right(outcomeOf(decision, plan.right, 0));
}

/** Applies a compiled file all or nothing, in one append; a file applied before records nothing. */
export async function applyDecision(
  handler: BatchHandler,
  decision: CompiledDecision,
  options: ApplyOptions,
): Promise<Either<DecisionFileError, DecisionOutcome>> {
  const applied = await handler.handleBatch(batchOf(decision, options), {
    eventIds: decision.eventIds,
  });
  return isLeft(applied)
    ? left(fileError(decision, applied.left))
    : right(outcomeOf(decision, applied.right, applied.right.events));
}

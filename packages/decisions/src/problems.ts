/**
 * What can be wrong with a decision file, as typed values: its text is malformed, its content does
 * not decode (every problem with its path and line), or a decider refused one of its changes (the
 * change's path and line, the refusal's tag and rule). Each message starts `file:line:column:` so
 * editors and terminals link to the place.
 */
import type { AnyRefusal, BatchFailure } from '@mandate/application';
import type { MalformedFile, Position } from './source-text.js';

/** One problem at one place of a file. */
export interface DecisionProblem {
  /** Dotted path inside the file, e.g. `changes.2.data.bodyId` (empty: the whole file). */
  readonly path: string;
  readonly position?: Position;
  readonly message: string;
}

/** The file's content does not decode as a decision file: every problem found. */
export interface InvalidDecisionFile {
  readonly _tag: 'InvalidDecisionFile';
  readonly file: string;
  readonly problems: ReadonlyArray<DecisionProblem>;
  readonly message: string;
}

/** A decider refused one change of the file: nothing of the file was recorded. */
export interface ChangeRefused {
  readonly _tag: 'ChangeRefused';
  readonly file: string;
  /** The refused change's place in `changes`, from 0; -1 for the file's instrument itself. */
  readonly change: number;
  readonly path: string;
  readonly position?: Position;
  readonly commandType: string;
  readonly refusal: AnyRefusal;
  readonly message: string;
}

/** The store failed, or the file's events could not be appended as they are; nothing recorded. */
export interface DecisionNotApplied {
  readonly _tag: 'DecisionNotApplied';
  readonly file: string;
  readonly cause: Exclude<BatchFailure, { readonly _tag: 'RefusedInBatch' | 'DecodeFailure' }>;
  readonly message: string;
}

/** Why a decision file was not planned or applied. */
export type DecisionFileError =
  MalformedFile | InvalidDecisionFile | ChangeRefused | DecisionNotApplied;

/** `file:line:column` (or `file` when the place is unknown). */
const where = (file: string, position: Position | undefined): string =>
  position === undefined ? file : `${file}:${position.line}:${position.column}`;

/** One problem as a line of text: place, path, and what is wrong. */
export const describeProblem = (file: string, problem: DecisionProblem): string =>
  `${where(file, problem.position)}: ${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`;

/** Builds an {@link InvalidDecisionFile}; its message lists every problem, one per line. */
export const invalidDecisionFile = (
  file: string,
  problems: ReadonlyArray<DecisionProblem>,
): InvalidDecisionFile => ({
  _tag: 'InvalidDecisionFile',
  file,
  problems,
  message: problems.map((problem) => describeProblem(file, problem)).join('\n'),
});

/** Builds a {@link ChangeRefused} naming the refusal's tag and the rule it enforces. */
export const changeRefused = (
  file: string,
  change: number,
  position: Position | undefined,
  commandType: string,
  refusal: AnyRefusal,
): ChangeRefused => {
  const path = change < 0 ? 'instrument' : `changes.${change}`;
  const rule = refusal.rule === undefined ? '' : `, rule ${refusal.rule}`;
  return {
    _tag: 'ChangeRefused',
    file,
    change,
    path,
    ...(position === undefined ? {} : { position }),
    commandType,
    refusal,
    message: `${where(file, position)}: ${path} (${commandType}) refused [${refusal._tag}${rule}]: ${refusal.message}`,
  };
};

/** Builds a {@link DecisionNotApplied}. */
export const decisionNotApplied = (
  file: string,
  cause: DecisionNotApplied['cause'],
): DecisionNotApplied => ({
  _tag: 'DecisionNotApplied',
  file,
  cause,
  message: `${file}: not applied [${cause._tag}]: ${cause.message}`,
});

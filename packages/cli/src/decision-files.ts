/**
 * Decision files on the command line: each named file read and compiled (every problem of every
 * file reported before anything is applied), then applied one file at a time — each all or
 * nothing, in one append, once — through `@mandate/decisions`, to the store or to a rehearsal copy.
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { createBatchHandler } from '@mandate/application';
import {
  applyDecision,
  readDecision,
  type CompiledDecision,
  type DecisionOutcome,
} from '@mandate/decisions';
import type { EventStore } from '@mandate/eventstore';
import {
  checkFailed,
  decisionRejected,
  invalidArgument,
  type CliFailure,
  type DecisionRejected,
  type InvalidArgument,
} from './failure.js';
import { rehearsalCopy } from './rehearsal.js';

/** Reads and compiles every file; an unreadable file is a usage error, a bad one a rejection. */
export function readDecisionFiles(
  paths: ReadonlyArray<string>,
): E.Either<InvalidArgument | DecisionRejected, ReadonlyArray<CompiledDecision>> {
  const compiled: CompiledDecision[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const reason =
        (error as { readonly code?: string }).code === 'ENOENT' ? 'no such file' : String(error);
      return E.left(invalidArgument('FILE', path, reason));
    }
    const decision = readDecision(path, text);
    if (E.isLeft(decision)) problems.push(decision.left.message);
    else compiled.push(decision.right);
  }
  return problems.length > 0
    ? E.left(decisionRejected(`nothing was applied:\n${problems.join('\n')}`))
    : E.right(compiled);
}

/** How to handle the files: apply them, or rehearse them on a copy (`dry-run`). */
export type DecisionMode = 'apply' | 'dry-run';

/**
 * Applies each decision in order — to the store, or for a dry run to an in-memory copy of it, so
 * that each file is planned on what the files before it would leave — handing each outcome to
 * `report` as it comes; stops at the first file not applied (the files before it stay applied,
 * each being atomic on its own).
 */
export async function runDecisions(
  store: EventStore,
  decisions: ReadonlyArray<CompiledDecision>,
  mode: DecisionMode,
  actor: string,
  report: (outcome: DecisionOutcome) => void,
): Promise<E.Either<CliFailure, ReadonlyArray<DecisionOutcome>>> {
  const target = mode === 'apply' ? E.right(store) : await rehearsalCopy(store);
  if (E.isLeft(target)) return E.left(checkFailed(`cannot read the store: ${target.left.message}`));
  const handler = createBatchHandler({ store: target.right });
  const outcomes: DecisionOutcome[] = [];
  for (const decision of decisions) {
    const result = await applyDecision(handler, decision, { actor });
    if (E.isLeft(result)) {
      const applied = outcomes.filter((outcome) => !outcome.duplicate).length;
      const before =
        mode === 'apply' && applied > 0 ? ` (the ${applied} file(s) before it stay applied)` : '';
      return E.left(
        decisionRejected(
          `${result.left.message}\nnothing of ${decision.file} was recorded${before}`,
        ),
      );
    }
    outcomes.push(mode === 'apply' ? result.right : { ...result.right, appended: 0 });
    report(result.right);
  }
  return E.right(outcomes);
}

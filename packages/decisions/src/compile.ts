/**
 * Compiling a parsed decision file into the batch the application applies: the instrument's
 * `RecordInstrument` first, then each change's command with the instrument as its basis, under a
 * command id derived from the file's content — the SHA-256 of its canonical JSON, so the same file
 * applied twice is recognised whatever its layout or comments — and event ids named after the
 * changes. Every command is decoded by the application's own codecs; every problem is reported
 * with its path and line, and a key no codec knows (a typo) is a problem too, not silently dropped.
 */
import { createHash } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { AnyCommand, type BatchEventIds } from '@mandate/application';
import { LegalBasis, decodeFailure, decodeWith, type DecodeIssue } from '@mandate/core';
import { canonicalJson } from '@mandate/eventstore';
import { changeCommands, type Walkable } from './command-codecs.js';
import { DecisionFile, type InstrumentSection } from './format.js';
import { invalidDecisionFile, type DecisionProblem, type InvalidDecisionFile } from './problems.js';
import type { SourceText } from './source-text.js';
import { unknownKeys } from './unknown-keys.js';

/** A decision file ready to apply: its batch, and how to tell its changes apart. */
export interface CompiledDecision {
  readonly file: string;
  /** The batch's id: `decision-` and 32 hex digits of the content's SHA-256. */
  readonly commandId: string;
  /** Why the file is illustrative, when it says it is. */
  readonly illustrative?: string;
  /** The instrument the file records and cites, when it has one. */
  readonly instrument?: InstrumentSection;
  /** The batch's commands: the instrument's record first (when there is one), then each change. */
  readonly commands: ReadonlyArray<unknown>;
  /** The change (index in `changes`) each command comes from; -1 for the instrument's record. */
  readonly changeOf: (command: number) => number;
  /** Names the events each command records. */
  readonly eventIds: BatchEventIds;
  /** Where a path of the file is written. */
  readonly locate: SourceText['locate'];
}

/** The SHA-256 of the value's canonical JSON, as the file's command id. */
const commandIdOf = (value: unknown): string =>
  `decision-${createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32)}`;

/** The record of the file's instrument, as the registry's command. */
const recordInstrument = (instrument: InstrumentSection) => ({
  type: 'RecordInstrument',
  data: {
    basis: LegalBasis.encode(instrument),
    effectiveOn: instrument.effectiveOn ?? instrument.signedOn,
    relations: instrument.relations ?? [],
    ...(instrument.reference === undefined ? {} : { reference: instrument.reference }),
  },
});

/** A command's decode issue as a problem of the file, at the change's path. */
function problemOf(change: number, issue: DecodeIssue, hasInstrument: boolean): DecisionProblem {
  if (issue.path === 'data.basis' && !hasInstrument)
    return {
      path: `changes.${change}`,
      message: 'this change cites the file’s instrument, and the file has no `instrument`',
    };
  return {
    path: issue.path === '' ? `changes.${change}` : `changes.${change}.${issue.path}`,
    message: issue.message,
  };
}

/** Compiles a parsed file, or lists every problem in it with its path and line. */
export function compileDecision(source: SourceText): Either<InvalidDecisionFile, CompiledDecision> {
  const located = (problems: ReadonlyArray<DecisionProblem>) =>
    left(
      invalidDecisionFile(
        source.file,
        problems.map((problem) => {
          const position = source.locate(problem.path);
          return position === undefined ? problem : { ...problem, position };
        }),
      ),
    );
  const decoded = decodeWith(DecisionFile, source.value);
  if (isLeft(decoded)) return located(decoded.left.issues);
  const file = decoded.right;
  const problems: DecisionProblem[] = unknownKeys(DecisionFile, source.value, '');
  const basis = file.instrument === undefined ? undefined : LegalBasis.encode(file.instrument);
  const commands: unknown[] =
    file.instrument === undefined ? [] : [recordInstrument(file.instrument)];
  for (const [index, change] of file.changes.entries()) {
    if (change.type === 'RecordInstrument') {
      problems.push({
        path: `changes.${index}.type`,
        message:
          'the file records its own `instrument`; another instrument is recorded by its own file',
      });
      continue;
    }
    if ('basis' in change.data) {
      problems.push({
        path: `changes.${index}.data.basis`,
        message: 'a change takes its basis from the file’s `instrument`; remove `basis`',
      });
      continue;
    }
    const codec = changeCommands.get(change.type);
    const data = codec?.required?.['data'] as Walkable | undefined;
    if (data !== undefined)
      problems.push(...unknownKeys(data, change.data, `changes.${index}.data`));
    const command = {
      type: change.type,
      data: basis === undefined ? change.data : { ...change.data, basis },
    };
    const result = AnyCommand.decode(command);
    if (isLeft(result)) {
      for (const issue of decodeFailure(AnyCommand.name, result.left).issues)
        problems.push(problemOf(index, issue, basis !== undefined));
      continue;
    }
    commands.push(command);
  }
  if (problems.length > 0) return located(problems);

  const commandId = commandIdOf(source.value);
  const offset = file.instrument === undefined ? 0 : 1;
  const changeOf = (command: number) => command - offset;
  return right({
    file: source.file,
    commandId,
    ...(file.illustrative === undefined ? {} : { illustrative: file.illustrative }),
    ...(file.instrument === undefined ? {} : { instrument: file.instrument }),
    commands,
    changeOf,
    eventIds: (command, event) => {
      const change = changeOf(command);
      if (change < 0) return `${commandId}.instrument`;
      return `${file.changes[change]?.id ?? `${commandId}.${change}`}.${event}`;
    },
    locate: source.locate,
  });
}

/**
 * @mandate/decisions — decision files: one legal instrument per YAML or JSON file with the ordered
 * changes it makes, read with the line of every problem, checked by the application's own command
 * codecs, planned (what each change will record) and applied all or nothing in one append, once.
 * The file format's JSON Schema is published as `@mandate/decisions/schema.json`.
 */
export type { ApplyOptions, ChangeOutcome, DecisionOutcome } from './apply.js';
export { applyDecision, planDecision, readDecision } from './apply.js';
export type { CompiledDecision } from './compile.js';
export { compileDecision } from './compile.js';
export { Change, DecisionFile, InstrumentSection } from './format.js';
export type { JsonSchema } from './json-schema.js';
export { DECISION_SCHEMA_ID, decisionFileSchema } from './json-schema.js';
export type {
  ChangeRefused,
  DecisionFileError,
  DecisionNotApplied,
  DecisionProblem,
  InvalidDecisionFile,
} from './problems.js';
export { describeProblem } from './problems.js';
export type { MalformedFile, Position, SourceText } from './source-text.js';
export { parseSourceText } from './source-text.js';

/**
 * How a planned or applied decision file reads for a person: a heading with the file, what it
 * did (or would do) and its illustrative label, then one row per event — the change it comes from,
 * the command, the event type, the stream and the date it takes effect.
 */
import type { DecisionOutcome } from '@mandate/decisions';
import { renderTable } from './table.js';

/** What the outcome says happened, in a few words. */
function summary(outcome: DecisionOutcome, planned: boolean): string {
  const events = outcome.changes.reduce((sum, change) => sum + change.events.length, 0);
  if (outcome.duplicate) return 'applied before: nothing recorded';
  if (planned) return `would record ${events} event(s)`;
  return `recorded ${outcome.appended} event(s)`;
}

/** The outcome of one file as text; `planned` for a dry run. */
export function renderDecisionOutcome(outcome: DecisionOutcome, planned: boolean): string {
  const heading = `${outcome.file}: ${summary(outcome, planned)}`;
  const label =
    outcome.illustrative === undefined ? [] : [`  ILLUSTRATIVE — ${outcome.illustrative}`];
  const rows = outcome.changes.flatMap((change) =>
    change.events.length === 0
      ? [[change.path, change.type, '(nothing to do)', '', '']]
      : change.events.map((event) => [
          change.path,
          change.type,
          event.type,
          event.stream,
          event.effectiveOn,
        ]),
  );
  const table =
    rows.length === 0
      ? []
      : renderTable({ headings: ['change', 'command', 'event', 'stream', 'effective'], rows })
          .split('\n')
          .map((line) => `  ${line}`);
  return [heading, ...label, ...table].join('\n');
}

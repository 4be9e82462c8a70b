/**
 * `mandate replay`: reads the store's whole log and folds every stream with its aggregate's
 * decider, then reports how many events and streams it folded, by type, and at what rate (a bar
 * on a terminal). A stored event that does not decode fails the replay (exit 1), naming it.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { print, runAction, withStore } from '../command-context.js';
import { checkFailed } from '../failure.js';
import { logSize } from '../log-size.js';
import { toJson } from '../output/json.js';
import { startProgress } from '../output/progress.js';
import { renderTable } from '../output/table.js';
import { replayLog, type ReplayReport } from '../replay.js';

/** The `--json` shape of `mandate replay`. */
export interface ReplayJson extends ReplayReport {
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const renderReplay = (report: ReplayJson): string =>
  [
    `Replayed ${report.events} events in ${report.seconds.toFixed(2)} s (${report.eventsPerSecond} events/s), up to position ${report.lastPosition}.`,
    `Streams folded: ${Object.entries(report.streams)
      .map(([aggregate, count]) => `${count} ${aggregate}`)
      .join(
        ', ',
      )}${report.unfolded === 0 ? '' : `; ${report.unfolded} events in streams of no aggregate`}.`,
    '',
    renderTable({
      headings: ['event', 'count'],
      rows: Object.entries(report.byType).map(([type, count]) => [type, String(count)]),
    }),
  ].join('\n');

/** Registers `mandate replay`. */
export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .summary('Read the whole log, fold every stream, and report counts and rate.')
    .description(
      'Read the whole log, fold every stream, and report counts and rate.' +
        '\n\nWith --json: { events, streams: { body, office, person, authorities, instruments }, byType,\n  unfolded, lastPosition, seconds, eventsPerSecond }',
    )
    .option('--json', 'print the report as JSON')
    .action(
      runAction((options: { readonly json?: true }, command: Command) =>
        withStore(command, 'existing', async ({ store }) => {
          const size = await logSize(store);
          if (E.isLeft(size)) return E.left(checkFailed(size.left.message));
          const progress = startProgress('Replaying', Number(size.right));
          const started = performance.now();
          const replayed = await replayLog(store, { onProgress: progress.update });
          progress.stop();
          if (E.isLeft(replayed)) return E.left(checkFailed(replayed.left.message));
          const seconds = (performance.now() - started) / 1000;
          const report: ReplayJson = {
            ...replayed.right,
            seconds,
            eventsPerSecond: seconds > 0 ? Math.round(replayed.right.events / seconds) : 0,
          };
          print(options.json === true ? toJson(report) : renderReplay(report));
          return E.right(undefined);
        }),
      ),
    );
}

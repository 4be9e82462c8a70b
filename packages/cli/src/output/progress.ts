/**
 * A progress bar for long work (reading a whole log, catching a read model up), with the rate and
 * the time left, drawn on stderr with `cli-progress` — only when both stdout and stderr are
 * terminals, so that pipes and files get the answer alone.
 */
import cliProgress from 'cli-progress';

/** A running progress report. */
export interface Progress {
  /** Sets how many of the total are done. */
  readonly update: (done: number) => void;
  /** Removes the bar. */
  readonly stop: () => void;
}

const QUIET: Progress = { update: () => undefined, stop: () => undefined };

/** True when a bar may be drawn: stdout and stderr are both terminals. */
export const onTerminal = (): boolean =>
  process.stdout.isTTY === true && process.stderr.isTTY === true;

/** Starts a bar named `label` over `total` events; quiet off a terminal or for an empty total. */
export function startProgress(label: string, total: number): Progress {
  if (!onTerminal() || total === 0) return QUIET;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}`,
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { speed: '0' });
  return {
    update: (done) => {
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { speed: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
    },
    stop: () => bar.stop(),
  };
}

/** A bar drawn from reports of how much of a total is done, as a store's `verify` tells them. */
export interface ReportedProgress {
  /** Takes one report; the first starts the bar over its total. */
  readonly report: (progress: { readonly done: bigint; readonly total: bigint }) => void;
  /** Removes the bar, if one was started. */
  readonly stop: () => void;
}

/** A bar named `label` that starts on the first report; quiet off a terminal. */
export function progressFromReports(label: string): ReportedProgress {
  let progress: Progress | undefined;
  return {
    report: ({ done, total }) => {
      progress ??= startProgress(label, Number(total));
      progress.update(Number(done));
    },
    stop: () => progress?.stop(),
  };
}

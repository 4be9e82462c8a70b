/**
 * `pnpm bench` — runs the benchmark suite and prints its report (Markdown tables) on stdout;
 * progress goes to stderr.
 *
 *   pnpm bench                       every benchmark at full size (about ten minutes)
 *   pnpm bench -- --only fold        only B1 (names: fold, workloads, as-shipped, replay, read-models, roster,
 *                                    esdb, trust, postgres)
 *   pnpm bench -- --quick            tiny sizes, one repeat: proves everything runs
 */
import { Command, InvalidArgumentError } from 'commander';
import { formatReport } from './report.js';
import { BENCHMARKS, runSuite, type BenchmarkName } from './suite.js';

const isBenchmark = (name: string): name is BenchmarkName =>
  (BENCHMARKS as ReadonlyArray<string>).includes(name);

const benchmarkNames = (value: string, previous: BenchmarkName[] = []): BenchmarkName[] => {
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isBenchmark(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown benchmark ${unknown.join(', ')}; one of ${BENCHMARKS.join(', ')}`,
    );
  }
  return [...previous, ...names.filter(isBenchmark)];
};

const program = new Command('bench')
  .description('Mandate benchmarks, reported as ratios against baselines measured in the same run')
  .option('--quick', 'tiny sizes and single repeats, to prove every benchmark works', false)
  .option('--only <names>', `run only these benchmarks (${BENCHMARKS.join(', ')})`, benchmarkNames);

// `pnpm bench -- --only fold` passes the `--` through: drop it so that the options are seen.
program.parse(process.argv.filter((arg, i) => i < 2 || arg !== '--'));
const options = program.opts<{ quick: boolean; only?: BenchmarkName[] }>();

const result = await runSuite(
  { quick: options.quick, ...(options.only === undefined ? {} : { only: options.only }) },
  (line) => process.stderr.write(`${line}\n`),
);
process.stdout.write(`${formatReport(result)}\n`);

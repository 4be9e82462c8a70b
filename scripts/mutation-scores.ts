/**
 * Writes the mutation scores of `packages/core` into its README, between the markers
 * `<!-- mutation-scores:start -->` and `<!-- mutation-scores:end -->`, from the committed Stryker
 * records in `packages/core/mutation/` (each run's incremental file), so the table cannot drift
 * from what the runs recorded. Scores are computed by `mutation-testing-metrics`, Stryker's own
 * library: killed and timed-out mutants over killed, timed out, survived and not covered; static
 * and marked (`// Stryker disable`) mutants are ignored. `pnpm mutation:scores` rewrites the
 * table; `mutation-scores.test.ts` fails when the committed copy is stale. Below the table it
 * names the source files no record holds and those changed since their record's last run.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateMetrics } from 'mutation-testing-metrics';

/** Results by source file, as a Stryker report holds them. */
type FileResultDictionary = Parameters<typeof calculateMetrics>[0];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the records live. */
const RECORDS_DIR = join(ROOT, 'packages/core/mutation');
/** The README whose table this script writes. */
export const README_PATH = join(ROOT, 'packages/core/README.md');
const SOURCE_DIR = 'packages/core/src';
const START = '<!-- mutation-scores:start -->';
const END = '<!-- mutation-scores:end -->';
/** Prettier would align the table's columns; the generated text is kept as written. */
const IGNORE_START = '<!-- prettier-ignore-start -->';
const IGNORE_END = '<!-- prettier-ignore-end -->';

/** Every file's results, from every record, with the record that holds each. */
function readRecords(): { files: FileResultDictionary; recordOf: Map<string, string> } {
  const files: FileResultDictionary = {};
  const recordOf = new Map<string, string>();
  for (const record of readdirSync(RECORDS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const report: unknown = JSON.parse(readFileSync(join(RECORDS_DIR, record), 'utf8'));
    if (typeof report !== 'object' || report === null || !('files' in report))
      throw new Error(`${record} is not a Stryker report: it has no "files"`);
    for (const [path, result] of Object.entries(report.files as FileResultDictionary)) {
      const earlier = recordOf.get(path);
      if (earlier !== undefined)
        throw new Error(`${path} is in two records, ${earlier} and ${record}: keep it in one`);
      files[path] = result;
      recordOf.set(path, record);
    }
  }
  return { files, recordOf };
}

/** The folder a source file is reported under: its folder below `src`, `body/corrections` apart. */
const folderOf = (path: string): string => {
  const parts = relative(SOURCE_DIR, path).split('/');
  return parts.slice(0, Math.max(1, parts.length - 1)).join('/');
};

/**
 * Files Stryker finds nothing to mutate in, so no run records them: types alone, or (for
 * `recorded-events.ts`) one `new Map()`, which no mutator changes.
 */
const WITHOUT_MUTANTS = new Set(
  ['body/context.ts', 'kernel/refusal.ts', 'kernel/recorded-events.ts'].map(
    (path) => `${SOURCE_DIR}/${path}`,
  ),
);

/** The source files Stryker mutates (the config's `mutate` patterns), relative to the root. */
function mutableFiles(): ReadonlyArray<string> {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'testing') walk(path);
      } else if (
        entry.name.endsWith('.ts') &&
        !/\.test\.ts$|\.fixture\.ts$|^(index|events|commands)\.ts$/.test(entry.name)
      )
        found.push(path);
    }
  };
  walk(SOURCE_DIR);
  return found.sort();
}

const percent = (score: number): string => (Number.isNaN(score) ? 'n/a' : `${score.toFixed(2)} %`);

/** Static mutants and those a `// Stryker disable` comment marks, apart. */
function ignoredKinds(files: FileResultDictionary): { static: number; marked: number } {
  let statics = 0;
  let marked = 0;
  for (const file of Object.values(files))
    for (const mutant of file.mutants)
      if (mutant.status === 'Ignored')
        if (mutant.statusReason?.startsWith('Static mutant') === true) statics++;
        else marked++;
  return { static: statics, marked };
}

function row(label: string, files: FileResultDictionary): string {
  const { metrics } = calculateMetrics(files);
  const ignored = ignoredKinds(files);
  const scored = metrics.killed + metrics.timeout + metrics.survived + metrics.noCoverage;
  return `| ${label} | ${Object.keys(files).length} | ${scored} | ${metrics.killed + metrics.timeout} | ${metrics.survived} | ${metrics.noCoverage} | ${ignored.static} | ${ignored.marked} | ${percent(metrics.mutationScore)} |`;
}

/** The table of scores by folder, its total, and the mutable files no record holds. */
export function scoresTable(): string {
  const { files, recordOf } = readRecords();
  const byFolder = new Map<string, FileResultDictionary>();
  for (const [path, result] of Object.entries(files)) {
    const folder = folderOf(path);
    byFolder.set(folder, { ...byFolder.get(folder), [path]: result });
  }
  const folders = [...byFolder.keys()].sort();
  const lines = [
    '| folder | files | mutants | killed | survived | no coverage | static | marked | score |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...folders.map((folder) => {
      const group = byFolder.get(folder) as FileResultDictionary;
      const records = [...new Set(Object.keys(group).map((path) => recordOf.get(path)))];
      return row(`\`${folder}\` (${records.map((r) => `\`${r}\``).join(', ')})`, group);
    }),
    row('**all of `packages/core`**', files),
  ];
  const named = (paths: ReadonlyArray<string>) =>
    paths.map((path) => `\`${relative(SOURCE_DIR, path)}\``).join(', ');
  const missing = mutableFiles().filter(
    (path) => files[path] === undefined && !WITHOUT_MUTANTS.has(path),
  );
  const changed = Object.entries(files)
    .filter(([path, result]) => readFileSync(join(ROOT, path), 'utf8') !== result.source)
    .map(([path]) => path);
  return [
    lines.join('\n'),
    missing.length === 0
      ? 'Every file Stryker mutates is in a record.'
      : `Files Stryker mutates that no record holds: ${named(missing)}.`,
    changed.length === 0
      ? 'No file has changed since its record was last run.'
      : `Files changed since their record was last run (their figures are of the earlier code): ${named(changed)}.`,
  ].join('\n\n');
}

/** `readme` with the text between the markers replaced by `table`. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`${README_PATH} lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${IGNORE_START}\n\n${table}\n\n${IGNORE_END}\n${readme.slice(end)}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README_PATH, withTable(readFileSync(README_PATH, 'utf8'), scoresTable()));
  console.log(`wrote the mutation scores into ${README_PATH}`);
}

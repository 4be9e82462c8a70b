/**
 * The demo: tells the Bình Phước 2018 story on the embedded default store — one SQLite file —
 * then audits it through the SQLite read model kept in a second file beside it, and checks the
 * store's tamper-evident history. Usage: `pnpm demo [--on YYYY-MM-DD] [--file F]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { CalendarDate, decodeWith } from '@mandate/core';
import { auditStory } from './audit.js';
import { render } from './render.js';
import { renderAudit } from './render-audit.js';
import { renderSequel, tellSequel } from './sequel.js';
import { tellStory } from './story.js';

/** Reads `--on` and `--file` from the command line, refusing anything else. */
function parseArguments(argv: ReadonlyArray<string>): { on: string; file?: string } {
  const options: { on: string; file?: string } = { on: '2019-01-01' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag ?? ''} needs a value`);
    if (flag === '--on') {
      const date = decodeWith(CalendarDate, value);
      if (E.isLeft(date)) throw new Error(`--on: ${date.left.message}`);
      options.on = date.right;
    } else if (flag === '--file') options.file = value;
    else throw new Error(`unknown argument ${flag ?? ''}; use --on YYYY-MM-DD or --file PATH`);
  }
  return options;
}

/** The read model's file, beside the events file: `mandate.sqlite` → `mandate.read-model.sqlite`. */
const readModelFileBeside = (eventsFile: string): string =>
  join(dirname(eventsFile), `${basename(eventsFile, extname(eventsFile))}.read-model.sqlite`);

async function main(): Promise<void> {
  const { on, file } = parseArguments(process.argv.slice(2));
  const directory = file === undefined ? mkdtempSync(join(tmpdir(), 'mandate-demo-')) : undefined;
  const path = file ?? join(directory as string, 'mandate.sqlite');
  const opened = await createSqliteEventStore({ path });
  if (E.isLeft(opened)) throw new Error(`cannot open ${path}: ${opened.left.message}`);
  const store = opened.right;
  try {
    const answers = await tellStory(store, on as CalendarDate);
    console.log(render(answers, on, `the SQLite file ${path}`));
    const readModelFile = readModelFileBeside(path);
    const audit = await auditStory(store, readModelFile, on as CalendarDate);
    console.log(`\n${renderAudit(audit, `in ${readModelFile}`)}`);
    console.log(`\n${renderSequel(await tellSequel(store, readModelFile))}`);
    const verified = await store.verify();
    if (E.isLeft(verified)) throw new Error(verified.left.message);
    console.log(
      verified.right.ok
        ? `\nTamper-evident history: verified ${verified.right.events} events in ${verified.right.streams} streams.`
        : `\nTamper-evident history: BROKEN — ${verified.right.problem.message}`,
    );
  } finally {
    await store.close();
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

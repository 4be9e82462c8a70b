/**
 * `mandate demo`: tells the Bình Phước 2018 story from the decision files shipped with mandate, on
 * a SQLite file in a fresh temporary folder (removed afterwards): the files applied one by one
 * (those the article does not state labelled ILLUSTRATIVE), then the successor's roster on two
 * dates and as known before and after an erratum, its lineage (text and Mermaid), its reporting
 * compliance, the audit of the merger decision, `verify` passing — and `verify` failing on a copy
 * of the store with one byte altered, naming the event.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import {
  epochMillisecondsOf,
  instantOf,
  type BodyId,
  type CalendarDate,
  type Instant,
} from '@mandate/core';
import type { CompiledDecision } from '@mandate/decisions';
import type { EventStore } from '@mandate/eventstore';
import type { QueryError, ReadModelQueries } from '@mandate/projections';
import { print, runAction } from '../command-context.js';
import { readDecisionFiles, runDecisions } from '../decision-files.js';
import { indent, renderAudit, renderLineage, renderLineageMermaid } from '../demo/render.js';
import { nameBook, type NameBook } from '../output/name-book.js';
import { renderCompliance } from './compliance.js';
import { renderRoster } from './roster.js';
import { tamperAndVerify } from '../demo/tamper.js';
import { checkFailed, type CliFailure } from '../failure.js';
import { openStore } from '../open-store.js';
import { refusalOf } from '../query-refusal.js';
import { withQueries } from '../read-model.js';

/** Where the build puts the story's decision files: beside the binary. */
export const DEMO_DECISIONS = fileURLToPath(new URL('./decisions/', import.meta.url));

/** The dates the demo asks about. */
const ROSTER_DATES = ['2019-01-01', '2020-06-01'] as CalendarDate[];
/** After the misprinted start of the new director, before the corrected one. */
const ERRATUM_DATE = '2020-04-01' as CalendarDate;
const COMPLIANCE_DATE = '2020-06-01' as CalendarDate;

/** The first decision holding a command of `type`, and that command's data. */
function findCommand(
  decisions: ReadonlyArray<CompiledDecision>,
  type: string,
): { decision: CompiledDecision; data: Record<string, unknown> } | undefined {
  for (const decision of decisions)
    for (const command of decision.commands as ReadonlyArray<{
      type: string;
      data: Record<string, unknown>;
    }>)
      if (command.type === type) return { decision, data: command.data };
  return undefined;
}

/** 1 ms before the first event of `commandId` was recorded. */
async function justBefore(store: EventStore, commandId: string): Promise<Instant | undefined> {
  for (let after = 0n; ;) {
    const page = await store.readAll({ after });
    if (E.isLeft(page) || page.right.length === 0) return undefined;
    const found = page.right.find((event) => event.metadata.commandId === commandId);
    if (found !== undefined) return instantOf(epochMillisecondsOf(found.recordedAt) - 1);
    after = page.right.at(-1)?.position ?? after;
  }
}

/** Asks the read model the demo's questions about `successor` and prints the answers. */
async function tellAnswers(
  queries: ReadModelQueries,
  names: NameBook,
  successor: BodyId,
  beforeErratum: Instant | undefined,
  merger: CompiledDecision | undefined,
): Promise<E.Either<CliFailure, void>> {
  const ask = async <A>(
    answer: Promise<E.Either<QueryError, A>>,
  ): Promise<E.Either<CliFailure, A>> => E.mapLeft(refusalOf)(await answer);

  for (const on of ROSTER_DATES) {
    const view = await ask(queries.body(successor, on));
    if (E.isLeft(view)) return view;
    const roster = await ask(queries.roster(successor, on));
    if (E.isLeft(roster)) return roster;
    print(`\n${await renderRoster(view.right, roster.right, names, on)}`);
  }

  print(`\nThe standing member and secretary on ${ERRATUM_DATE}, before and after the erratum:`);
  for (const [label, knownAt] of [
    [`as known at ${beforeErratum ?? '?'} (before the erratum was recorded)`, beforeErratum],
    ['as known now', undefined],
  ] as const) {
    const view = await ask(queries.body(successor, ERRATUM_DATE, knownAt));
    if (E.isLeft(view)) return view;
    const roster = await ask(queries.roster(successor, ERRATUM_DATE, knownAt));
    if (E.isLeft(roster)) return roster;
    const seat = roster.right.filter((s) => s.roles.includes('standing-member'));
    print(`\n${label}:\n${indent(await renderRoster(view.right, seat, names, ERRATUM_DATE))}`);
  }

  const body = await ask(queries.body(successor, ROSTER_DATES[0] as CalendarDate));
  if (E.isLeft(body)) return body;
  const predecessors = [];
  for (const id of body.right.predecessors) {
    const view = await ask(queries.body(id, body.right.establishedOn));
    if (E.isLeft(view)) return view;
    predecessors.push(view.right);
  }
  print(`\nLineage:\n${indent(renderLineage(body.right, predecessors))}`);
  print(`\nLineage as Mermaid:\n${indent(renderLineageMermaid(body.right, predecessors))}`);

  const compliance = await ask(queries.compliance(successor, COMPLIANCE_DATE));
  if (E.isLeft(compliance)) return compliance;
  print(`\n${renderCompliance(body.right, compliance.right, COMPLIANCE_DATE)}`);

  if (merger?.instrument !== undefined) {
    const { number, issuer, signedOn } = merger.instrument;
    const changes = await ask(queries.changesByInstrument({ number, issuer, signedOn }));
    if (E.isLeft(changes)) return changes;
    print(
      `\nAudit of decision ${number} (${issuer}, signed ${signedOn}): ${changes.right.length} changes\n${indent(renderAudit(changes.right))}`,
    );
  }
  return E.right(undefined);
}

/** Tells the story in `folder`. */
async function tell(folder: string): Promise<E.Either<CliFailure, void>> {
  if (!existsSync(DEMO_DECISIONS))
    return E.left(checkFailed(`the demo's decision files are missing from ${DEMO_DECISIONS}`));
  const files = readdirSync(DEMO_DECISIONS)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(DEMO_DECISIONS, name));
  const decisions = readDecisionFiles(files);
  if (E.isLeft(decisions)) return decisions;
  const file = join(folder, 'mandate.sqlite');
  const opened = await openStore(`sqlite:${file}`, { kind: 'sqlite', path: file }, 'create');
  if (E.isLeft(opened)) return opened;
  const { store } = opened.right;
  try {
    print(
      `The Bình Phước 2018 story, from ${files.length} decision files, on the SQLite file ${file}:\n`,
    );
    const applied = await runDecisions(store, decisions.right, 'apply', 'mandate demo', (o) =>
      print(
        `  ${o.file.slice(DEMO_DECISIONS.length)}: ${o.appended} event(s)${o.illustrative === undefined ? '' : `\n      ILLUSTRATIVE — ${o.illustrative}`}`,
      ),
    );
    if (E.isLeft(applied)) return applied;

    const merger = findCommand(decisions.right, 'MergeBodies');
    const successor = (merger?.data['successor'] as { bodyId?: BodyId } | undefined)?.bodyId;
    if (successor === undefined) return E.left(checkFailed('the demo files merge no bodies'));
    const erratum = findCommand(decisions.right, 'CorrectOfficeHolding');
    const beforeErratum =
      erratum === undefined ? undefined : await justBefore(store, erratum.decision.commandId);
    const names = nameBook(store);
    const answers = await withQueries(opened.right, (queries) =>
      tellAnswers(queries, names, successor, beforeErratum, merger?.decision),
    );
    if (E.isLeft(answers)) return answers;

    const verified = await store.verify();
    if (E.isLeft(verified)) return E.left(checkFailed(verified.left.message));
    if (!verified.right.ok) return E.left(checkFailed(verified.right.problem.message));
    print(
      `\nverify: the hash chain holds — ${verified.right.events} events in ${verified.right.streams} streams.`,
    );
  } finally {
    await store.close();
  }

  const tampered = await tamperAndVerify(file, join(folder, 'tampered.sqlite'));
  if (E.isLeft(tampered)) return tampered;
  const { offset, from, to, problem, event } = tampered.right;
  print(
    [
      `\nA copy of the store with one byte altered (offset ${offset}: "${from}" → "${to}", a reporting deadline):`,
      `verify: FAILED — ${problem}`,
      ...(event === undefined
        ? []
        : [`  the altered event: ${event.eventId} (${event.type} in ${event.stream})`]),
    ].join('\n'),
  );
  return E.right(undefined);
}

/** Registers `mandate demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Tell the Bình Phước 2018 story from the shipped decision files on a temporary SQLite store, then show tampering caught.',
    )
    .action(
      runAction(async () => {
        const folder = mkdtempSync(join(tmpdir(), 'mandate-demo-'));
        try {
          return await tell(folder);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }),
    );
}

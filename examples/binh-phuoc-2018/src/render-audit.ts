/** Renders the audit's answers from the read model as the plain text the demo prints. */
import type { CalendarDate } from '@mandate/core';
import type { ChangeView, ComplianceView, PersonHoldings, RosterSeat } from '@mandate/projections';
import type { AuditAnswers, AuditNames, RosterAnswer } from './audit.js';
import { ROLE_NAMES } from './render.js';

const nameOf = (names: Readonly<Record<string, string>>, id: string): string => names[id] ?? id;

const rolesOf = (seat: Pick<RosterSeat, 'roles'>): string =>
  seat.roles.map((role) => ROLE_NAMES[role]).join(' kiêm ');

/** The line of a seat someone sits in, or `undefined` for a vacant one. */
function occupiedSeatLine(seat: RosterSeat, names: AuditNames): string | undefined {
  const occupant = seat.occupant;
  if (occupant === null || occupant.kind === 'vacant') return undefined;
  const person = nameOf(names.people, occupant.person);
  const basis =
    occupant.via === 'named'
      ? `named${occupant.acting ? ' acting' : ''}${occupant.asOffice === undefined ? '' : `, as ${nameOf(names.offices, occupant.asOffice)}`}${occupant.holdsOffice === false ? ' — FLAG: does not hold that office on this date' : ''}`
      : `ex officio as ${nameOf(names.offices, occupant.office)}${occupant.acting ? ', acting' : ''}`;
  return `       ${rolesOf(seat)} — ${person} (${basis})`;
}

function rosterLines(label: string, answer: RosterAnswer, names: AuditNames): string[] {
  if (!answer.successorKnown) return [`   ${label}: the committee was unknown — 0 seats`];
  const occupied = answer.seats.flatMap((seat) => occupiedSeatLine(seat, names) ?? []);
  const vacant = answer.seats.filter((seat) => seat.occupant?.kind === 'vacant').length;
  const vacantByDecision = answer.seats.filter((seat) => seat.occupant === null).length;
  return [
    `   ${label}: ${answer.seats.length} seats`,
    ...occupied,
    ...(vacant === 0 ? [] : [`       ${vacant} ex-officio seats vacant (no holder recorded)`]),
    ...(vacantByDecision === 0 ? [] : [`       ${vacantByDecision} seats vacant by decision`]),
  ];
}

const until = (to: CalendarDate | undefined): string => (to === undefined ? '' : ` until ${to}`);

function holdingsLines(holdings: PersonHoldings, names: AuditNames): string[] {
  return [
    ...holdings.offices.map(
      (o) =>
        `     office  ${nameOf(names.offices, o.officeId)} (${o.capacity}), from ${o.from}${until(o.to)}`,
    ),
    ...holdings.seats.map((s) => {
      const basis =
        s.via === 'named'
          ? `named${s.acting ? ' acting' : ''}${s.asOffice === undefined ? '' : `, as ${nameOf(names.offices, s.asOffice)}`}`
          : `ex officio as ${nameOf(names.offices, s.office)}${s.acting ? ', acting' : ''}`;
      return `     seat    ${rolesOf(s)} of ${nameOf(names.bodies, s.bodyId)}, from ${s.from}${until(s.to)} (${basis})`;
    }),
  ];
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function complianceLines(obligations: ReadonlyArray<ComplianceView>): string[] {
  return obligations.flatMap((o) => [
    `     ${o.obligationId} (${o.kind}, ${o.cadence}, due ${o.dueDaysAfterPeriodEnd} days after each period):`,
    ...(o.periods.length === 0 ? ['       no period owed yet'] : []),
    ...o.periods.map(
      (p) =>
        `       ${p.period.padEnd(8)} due ${p.dueOn}  ${
          p.status === 'filed' || p.status === 'filed-late'
            ? `${p.status} on ${p.filed.submittedOn} (${p.filed.reportId})`
            : p.status
        }`,
    ),
  ]);
}

function changeLines(changes: ReadonlyArray<ChangeView>): string[] {
  const width = Math.max(0, ...changes.map((c) => c.type.length));
  const runs: Array<{ line: string; times: number }> = [];
  for (const c of changes) {
    const line = `${c.effectiveOn}  ${c.type.padEnd(width)}  ${c.stream}`;
    const last = runs.at(-1);
    if (last?.line === line) last.times += 1;
    else runs.push({ line, times: 1 });
  }
  return runs.map(({ line, times }) => `     ${line}${times > 1 ? `  (× ${times})` : ''}`);
}

/** The audit part of the demo's printout, answered by the read model in `readModelDescription`. */
export function renderAudit(answers: AuditAnswers, readModelDescription: string): string {
  const { names } = answers;
  const successor = nameOf(names.bodies, answers.successor);
  const person = nameOf(names.people, answers.holdings.person);
  const { decision } = answers.merger;
  const between = answers.changesBetween;
  const countWidth = Math.max(0, ...answers.merger.counts.map((c) => String(c.count).length));
  return [
    `Audit — answered by the SQLite read model ${readModelDescription}`,
    `(the log's ${answers.eventsProjected} events projected; the merger was recorded at ${answers.mergerRecordedAt})`,
    '',
    `1. Who sat on ${successor} on ${answers.on}?`,
    ...rosterLines('as known now', answers.roster.now, names),
    ...rosterLines(
      `as known at ${answers.beforeMerger}, 1 ms before the merger was recorded`,
      answers.roster.beforeMerger,
      names,
    ),
    '',
    `2. What has ${person} held?`,
    '   as known now:',
    ...holdingsLines(answers.holdings.now, names),
    `   as known before the merger was recorded: ${count(
      answers.holdings.beforeMerger.offices.length,
      'office',
    )}, ${count(answers.holdings.beforeMerger.seats.length, 'seat')}`,
    '',
    `3. How had the committee reported by ${answers.compliance.on}?`,
    ...complianceLines(answers.compliance.obligations),
    '',
    `4. What did decision ${decision.number} of ${decision.issuer} (signed ${decision.signedOn}) change? ${count(
      answers.merger.changes.length,
      'event',
    )}:`,
    ...answers.merger.counts.map(
      (c) => `     ${String(c.count).padStart(countWidth)} × ${c.aggregate} ${c.type}`,
    ),
    '',
    `5. What took effect from ${between.from} until ${between.to}? ${count(
      between.changes.length,
      'change',
    )}:`,
    ...changeLines(between.changes),
  ].join('\n');
}

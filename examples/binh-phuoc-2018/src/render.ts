/** Renders the story's answers as the plain text the demo prints. */
import type { Body } from '@mandate/core';
import type { SeatAnswer, StoryAnswers } from './story.js';

/** Each role's Vietnamese title, with a short English gloss. */
export const ROLE_NAMES: Readonly<Record<Body.Role, string>> = {
  head: 'Trưởng Ban (head)',
  'deputy-head': 'Phó Trưởng Ban (deputy head)',
  'standing-member': 'Ủy viên Thường trực (standing member)',
  secretary: 'Thư ký (secretary)',
  member: 'Ủy viên (member)',
};

function seatLine(seat: SeatAnswer, index: number): string {
  const roles = seat.roles.map((role) => ROLE_NAMES[role]).join(' kiêm ');
  const holder =
    seat.follows === 'person'
      ? `${seat.person ?? 'vacant'} (named${seat.office === undefined ? '' : `, as ${seat.office}`})`
      : `ex officio: ${seat.office ?? 'unknown office'} → ${
          seat.person === undefined
            ? 'vacant (no holder recorded)'
            : `${seat.person}${seat.acting ? ' (acting)' : ''}`
        }`;
  return `  ${String(index + 1).padStart(2)}. ${roles} — ${holder}`;
}

/** The demo's whole printout for the answers on one date. */
export function render(answers: StoryAnswers, on: string, storeDescription: string): string {
  const lines = [
    `Mandate — the Bình Phước 2018 merger, replayed from ${storeDescription}`,
    `Submitted ${answers.commandsSubmitted} commands; the store recorded ${answers.eventsAppended} events.`,
    '',
    `${answers.successorName}`,
    `  established ${answers.establishedOn} by merging:`,
    ...answers.predecessors.map((p) => `    – ${p.name} (ended ${p.endedOn})`),
    '',
    `Seats on ${on} (${answers.seats.length}):`,
    ...answers.seats.map(seatLine),
    '',
    `Duties on ${on} (${answers.duties.length}):`,
    ...answers.duties.map(
      (duty, i) =>
        `  ${i + 1}. [${duty.category}] ${duty.text.en ?? duty.text.vi} (${
          duty.provenance.kind === 'own'
            ? 'own decision'
            : `carried over from ${duty.provenance.fromBody}`
        })`,
    ),
    '',
    `Reporting obligations on ${on} (${answers.obligations.length}):`,
    ...answers.obligations.map(
      (o) =>
        `  – ${o.kind}, ${o.cadence}, due ${o.dueDaysAfterPeriodEnd} days after each period, to ${o.recipients
          .map((r) => (r.kind === 'authority' ? r.authority : r.body))
          .join(' and ')}`,
    ),
    `  The annual review of 2019: ${answers.annualReview2019Filed ? 'filed' : 'missing'}.`,
    '',
    'Jurisdiction over the committee:',
    ...answers.jurisdiction.map((j) => `  on ${j.on}: ${j.authority}`),
  ];
  return lines.join('\n');
}

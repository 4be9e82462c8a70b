/**
 * An annulment ab initio through `mandate instrument` and `mandate audit --instrument`, on a real
 * SQLite file: the example's decision files up to the illustrative appointment of 2020 applied
 * with one recording an instrument that says it annuls the appointment, then a decision file by
 * that instrument annulling the appointment. Each command shows, of the annulled instrument, by
 * which instrument it was annulled, effective and recorded when, and its changes withdrawn; of
 * the annulling one, what it annulled and the changes it withdrew — and, as known before the
 * annulment was recorded, everything as it was (the relation `annuls` alone annulling nothing).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mandate, mandateJson } from './binary.fixture.js';

const EXAMPLES = fileURLToPath(
  new URL('../../../examples/binh-phuoc-2018/decisions/', import.meta.url),
);
/** The files up to 13, the illustrative appointment (14 corrects it, which would bar annulling it). */
const upToAppointment = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml') && name.slice(0, 2) <= '13')
  .sort()
  .map((name) => join(EXAMPLES, name));

const ISSUER = 'ubnd-tinh-binh-phuoc';
/** The appointment of file 13, and the instrument that annuls it. */
const APPOINTMENT = `XXXX-20/QĐ-UBND|${ISSUER}|2020`;
const ANNULLING = `XXXX-22/QĐ-UBND|${ISSUER}|2020`;

/** The annulling instrument, which says it annuls the appointment. */
const annullingInstrument = [
  'instrument:',
  '  type: decision',
  '  number: XXXX-22/QĐ-UBND',
  `  issuer: ${ISSUER}`,
  '  signer: { name: Người ký (minh hoạ) }',
  '  signedOn: 2020-07-01',
  '  relations:',
  '    - kind: annuls',
  `      to: { number: XXXX-20/QĐ-UBND, issuer: ${ISSUER}, signedOn: 2020-02-20 }`,
  'changes:',
];
/** The annulling instrument recorded with a change of its own, before the annulment is. */
const recordingFile = [
  ...annullingInstrument,
  '  - type: RegisterPerson',
  '    data:',
  '      personId: nguoi-minh-hoa-c',
  '      name: Người minh hoạ C',
  '      effectiveOn: 2020-07-01',
  '',
].join('\n');
/** The annulment itself, by the instrument already recorded. */
const annulmentFile = [
  ...annullingInstrument,
  '  - type: AnnulInstrument',
  '    data:',
  `      instrument: { number: XXXX-20/QĐ-UBND, issuer: ${ISSUER}, signedOn: 2020-02-20 }`,
  '      effectiveOn: 2020-07-15',
  '',
].join('\n');

interface Change {
  readonly eventId: string;
  readonly type: string;
  readonly stream: string;
  readonly recordedAt: string;
  readonly withdrawn?: true;
}

interface Annulment {
  readonly annulled: string;
  readonly by: string;
  readonly effectiveOn: string;
  readonly recordedAt: string;
}

interface Annulments {
  readonly annulment: Annulment | null;
  readonly annulled: ReadonlyArray<Annulment & { readonly withdrawn: ReadonlyArray<Change> }>;
}

interface InstrumentAnswer {
  readonly record: { readonly annulment?: Omit<Annulment, 'annulled'> & { eventId: string } };
  readonly annulments: Annulments;
  readonly changes: ReadonlyArray<Change>;
}

interface AuditAnswer {
  readonly annulments: Annulments;
  readonly changes: ReadonlyArray<Change>;
}

/** The types of the appointment's changes, in log order. */
const APPOINTMENT_CHANGES = ['PersonRegistered', 'OfficeHolderEnded', 'OfficeHolderAppointed'];

let folder: string;
let store: string;
/** An instant after the annulling instrument was recorded and before the annulment was. */
let beforeAnnulment: string;

/** Applies decision files, expecting them applied. */
async function apply(...files: string[]): Promise<void> {
  const run = await mandate(['--store', store, 'apply', ...files]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

/** A decision file of `text` in the test's folder. */
function written(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'mandate-annul-'));
  store = `sqlite:${join(folder, 'mandate.sqlite')}`;
  await apply(...upToAppointment, written('recording.yaml', recordingFile));
  await pause();
  beforeAnnulment = new Date().toISOString();
  await pause();
  await apply(written('annulment.yaml', annulmentFile));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ask = async <A>(...args: string[]): Promise<A> =>
  (await mandateJson(['--store', store, ...args])) as A;
const text = async (...args: string[]): Promise<string> => {
  const run = await mandate(['--store', store, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
};

describe('mandate instrument, of an annulled instrument and of the one annulling it', () => {
  it('shows the appointment annulled, by which instrument, effective and recorded when, its changes withdrawn', async () => {
    const answer = await ask<InstrumentAnswer>('instrument', APPOINTMENT);
    expect(answer.annulments.annulled).toEqual([]);
    const annulment = answer.annulments.annulment;
    expect(annulment).toMatchObject({
      annulled: APPOINTMENT,
      by: ANNULLING,
      effectiveOn: '2020-07-15',
    });
    expect((annulment?.recordedAt ?? '') > beforeAnnulment).toBe(true);
    const { annulled: _annulled, ...recorded } = annulment ?? { annulled: '' };
    expect(answer.record.annulment).toEqual({ ...recorded, eventId: expect.any(String) });
    expect(answer.changes.map((change) => [change.type, change.withdrawn])).toEqual(
      APPOINTMENT_CHANGES.map((type) => [type, true]),
    );
    const shown = await text('instrument', APPOINTMENT);
    expect(shown).toContain(
      `Annulled ab initio by ${ANNULLING}, effective 2020-07-15, recorded ${annulment?.recordedAt}: every change it made is withdrawn.`,
    );
    expect(shown).toMatch(/OfficeHolderAppointed \(withdrawn\)/);
  });

  it('shows what the annulling instrument annulled and the changes it withdrew', async () => {
    const answer = await ask<InstrumentAnswer>('instrument', ANNULLING);
    expect(answer.annulments.annulment).toBeNull();
    const [made, ...others] = answer.annulments.annulled;
    expect(others).toEqual([]);
    expect(made).toMatchObject({ annulled: APPOINTMENT, by: ANNULLING, effectiveOn: '2020-07-15' });
    expect(made?.withdrawn.map((change) => [change.type, change.withdrawn])).toEqual(
      APPOINTMENT_CHANGES.map((type) => [type, true]),
    );
    // Its own changes: the person it registered, then the withdrawals, one on each stream, in the
    // append that recorded the annulment.
    expect(answer.changes.map((change) => change.type)).toEqual([
      'PersonRegistered',
      'EventsWithdrawn',
      'EventsWithdrawn',
    ]);
    const withdrawals = answer.changes.slice(1);
    expect(withdrawals.every((change) => change.recordedAt === made?.recordedAt)).toBe(true);
    // Each change names its event, so that a correction can cite it.
    expect(new Set(answer.changes.map((change) => change.eventId)).size).toBe(3);
    const shown = await text('instrument', ANNULLING);
    expect(shown).toContain(
      `Annulled ${APPOINTMENT} ab initio, effective 2020-07-15, recorded ${made?.recordedAt}, withdrawing 3 changes:`,
    );
    expect(shown).toMatch(/PersonRegistered \(withdrawn\)/);
  });

  it('shows both as they were, as known before the annulment was recorded', async () => {
    const appointment = await ask<InstrumentAnswer>(
      'instrument',
      APPOINTMENT,
      '--known-at',
      beforeAnnulment,
    );
    expect(appointment.record.annulment).toBeUndefined();
    expect(appointment.annulments).toEqual({ annulment: null, annulled: [] });
    expect(appointment.changes.map((change) => [change.type, change.withdrawn])).toEqual(
      APPOINTMENT_CHANGES.map((type) => [type, undefined]),
    );
    const shown = await text('instrument', APPOINTMENT, '--known-at', beforeAnnulment);
    expect(shown).not.toMatch(/annulled|withdrawn/i);
    // Recorded as annulling the appointment, it had not annulled it yet.
    const annulling = await ask<InstrumentAnswer>(
      'instrument',
      ANNULLING,
      '--known-at',
      beforeAnnulment,
    );
    expect(annulling.annulments).toEqual({ annulment: null, annulled: [] });
    expect(annulling.changes.map((change) => change.type)).toEqual(['PersonRegistered']);
    const told = await text('instrument', ANNULLING, '--known-at', beforeAnnulment);
    expect(told).toMatch(/this\s+annuls\s+XXXX-20\/QĐ-UBND/);
    expect(told).not.toMatch(/Annulled|withdrawn/);
  });
});

describe('mandate audit --instrument, of an annulled instrument and of the one annulling it', () => {
  it("tells the appointment's annulment and marks its trail withdrawn; before it, the trail as it was", async () => {
    const trail = await ask<AuditAnswer>('audit', '--instrument', APPOINTMENT);
    expect(trail.annulments.annulment).toMatchObject({ by: ANNULLING, effectiveOn: '2020-07-15' });
    expect(trail.changes.map((change) => [change.type, change.withdrawn])).toEqual(
      APPOINTMENT_CHANGES.map((type) => [type, true]),
    );
    const shown = await text('audit', '--instrument', APPOINTMENT);
    expect(shown).toMatch(
      new RegExp(`^Annulled ab initio by ${ANNULLING.replace(/\|/g, '\\|')}, effective 2020-07-15`),
    );
    expect(shown.match(/\(withdrawn\)/g)).toHaveLength(3);
    const earlier = await ask<AuditAnswer>(
      'audit',
      '--instrument',
      APPOINTMENT,
      '--known-at',
      beforeAnnulment,
    );
    expect(earlier.annulments).toEqual({ annulment: null, annulled: [] });
    expect(earlier.changes.every((change) => change.withdrawn === undefined)).toBe(true);
    const before = await text('audit', '--instrument', APPOINTMENT, '--known-at', beforeAnnulment);
    expect(before).toMatch(/^Changes under /);
    expect(before).not.toMatch(/annulled|withdrawn/i);
  });

  it('tells what the annulling instrument annulled, with the changes it withdrew', async () => {
    const trail = await ask<AuditAnswer>('audit', '--instrument', ANNULLING);
    expect(trail.annulments.annulled.map((made) => made.annulled)).toEqual([APPOINTMENT]);
    expect(trail.annulments.annulled[0]?.withdrawn.map((change) => change.type)).toEqual(
      APPOINTMENT_CHANGES,
    );
    const shown = await text('audit', '--instrument', ANNULLING);
    expect(shown).toContain(`Annulled ${APPOINTMENT} ab initio, effective 2020-07-15`);
    expect(shown).toMatch(/Changes under XXXX-22\/QĐ-UBND\|ubnd-tinh-binh-phuoc\|2020: 3 changes/);
    const before = await ask<AuditAnswer>(
      'audit',
      '--instrument',
      ANNULLING,
      '--known-at',
      beforeAnnulment,
    );
    expect(before.annulments).toEqual({ annulment: null, annulled: [] });
  });
});

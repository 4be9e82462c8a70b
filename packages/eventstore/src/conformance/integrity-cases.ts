/**
 * Conformance cases for tamper evidence: `verify` accepts an untouched log and reports an edited,
 * removed, inserted or reordered event as `TamperDetected`, and a row whose JSON does not parse
 * as `CorruptEvent` — from `verify` and from reads, never as a throw.
 *
 * @see docs/reference/domain.md rule 13
 */
import { computeRawHash } from '../hash-chain.js';
import type { VerifyReport } from '../port.js';
import type { VerifyProgress } from '../verify-progress.js';
import type { RawStoredEvent } from '../raw-event.js';
import { check, checkEqual, expectLeft, expectRight, show } from './assert.js';
import { appendTo, eventFactory } from './fixtures.js';
import {
  withStore,
  type ConformanceCase,
  type StoreFactory,
  type StoreUnderTest,
} from './store-under-test.js';

/**
 * Fills the store with 8 events: `a` at positions 1, 2, 4, 7; `b` at 3, 5, 8; `c` at 6 — so
 * that every tampering below lands in the middle of the log.
 */
async function fill({ store }: StoreUnderTest): Promise<void> {
  const { events } = eventFactory('fill');
  const plan: ReadonlyArray<readonly [string, number]> = [
    ['a', 2],
    ['b', 1],
    ['a', 1],
    ['b', 1],
    ['c', 1],
    ['a', 1],
    ['b', 1],
  ];
  for (const [stream, count] of plan) {
    expectRight(await store.append(appendTo(stream, 'any', events(count))), `fill ${stream}`);
  }
}

/** The problem of a report on a tampered log, which names an event (the rows beside are intact). */
const problemOf = (report: VerifyReport) => {
  check(!report.ok, 'verify reported an intact log');
  const { problem } = report;
  check(problem._tag !== 'RowTampered', `verify blamed a row beside the log: ${show(problem)}`);
  return problem;
};

const verifyProblem = async (sut: StoreUnderTest) =>
  problemOf(expectRight(await sut.store.verify(), 'verify'));

const at = (rows: ReadonlyArray<RawStoredEvent>, position: bigint): RawStoredEvent => {
  const row = rows.find((r) => r.position === position);
  if (row === undefined) throw new Error(`No row at position ${position}`);
  return row;
};

const tamperCase = (
  factory: StoreFactory,
  name: string,
  transform: (rows: ReadonlyArray<RawStoredEvent>) => ReadonlyArray<RawStoredEvent>,
  expected?: { readonly stream: string; readonly revision: bigint },
): ConformanceCase => ({
  name: `verify detects ${name}`,
  run: withStore(factory, async (sut) => {
    await fill(sut);
    await sut.rewriteLog(transform);
    const problem = await verifyProblem(sut);
    checkEqual(problem._tag, 'TamperDetected', `problem ${show(problem)}`);
    if (expected !== undefined) {
      checkEqual([problem.stream, problem.revision], [expected.stream, expected.revision], 'where');
    }
  }),
});

const edit =
  (position: bigint, change: (row: RawStoredEvent) => RawStoredEvent) =>
  (rows: ReadonlyArray<RawStoredEvent>) =>
    rows.map((row) => (row.position === position ? change(row) : row));

/** Changes one character of a row's data text, keeping it valid JSON. */
const flipByte = (row: RawStoredEvent): RawStoredEvent => {
  const index = row.dataJson.indexOf('Ban');
  if (index < 0) throw new Error('The fill data has no "Ban"');
  return { ...row, dataJson: `${row.dataJson.slice(0, index)}Bam${row.dataJson.slice(index + 3)}` };
};

/** The integrity cases, each on a fresh store from `factory`. */
export const integrityCases = (factory: StoreFactory): ReadonlyArray<ConformanceCase> => [
  {
    name: 'verify accepts an untouched log',
    run: withStore(factory, async (sut) => {
      checkEqual(
        expectRight(await sut.store.verify(), 'verify empty'),
        { ok: true, streams: 0, events: 0n },
        'empty log',
      );
      await fill(sut);
      checkEqual(
        expectRight(await sut.store.verify(), 'verify'),
        { ok: true, streams: 3, events: 8n },
        'report',
      );
    }),
  },
  {
    name: 'verify reports its progress over the whole log',
    run: withStore(factory, async (sut) => {
      const reports: VerifyProgress[] = [];
      const onProgress = (progress: VerifyProgress) => reports.push(progress);
      expectRight(await sut.store.verify({ onProgress }), 'verify empty');
      checkEqual(reports, [{ done: 0n, total: 0n }], 'progress on an empty log');
      await fill(sut);
      reports.length = 0;
      expectRight(await sut.store.verify({ onProgress }), 'verify');
      checkEqual(
        reports,
        Array.from({ length: 9 }, (_, done) => ({ done: BigInt(done), total: 8n })),
        'progress: from none to every event, one at a time',
      );
    }),
  },
  tamperCase(factory, 'an edited byte of data', edit(4n, flipByte), { stream: 'a', revision: 2n }),
  tamperCase(
    factory,
    'an edited data value',
    edit(5n, (row) => ({
      ...row,
      dataJson: JSON.stringify({ ...(JSON.parse(row.dataJson) as object), n: 999 }),
    })),
    { stream: 'b', revision: 1n },
  ),
  tamperCase(
    factory,
    'edited metadata',
    edit(2n, (row) => ({
      ...row,
      metadataJson: row.metadataJson.replace('conformance-suite', 'someone-else'),
    })),
    { stream: 'a', revision: 1n },
  ),
  tamperCase(
    factory,
    'an edited recordedAt',
    edit(3n, (row) => ({ ...row, recordedAt: '2000-01-01T00:00:00.000Z' })),
    { stream: 'b', revision: 0n },
  ),
  tamperCase(
    factory,
    'an edited type',
    edit(6n, (row) => ({ ...row, type: 'SomethingElseHappened' })),
    { stream: 'c', revision: 0n },
  ),
  tamperCase(
    factory,
    'an edited schema version',
    edit(1n, (row) => ({ ...row, schemaVersion: 2 })),
    { stream: 'a', revision: 0n },
  ),
  tamperCase(
    factory,
    'an edited hash',
    edit(7n, (row) => ({ ...row, hash: 'f'.repeat(64) })),
  ),
  tamperCase(factory, 'a removed event in the middle of a stream', (rows) =>
    rows.filter((row) => row.position !== 4n),
  ),
  tamperCase(factory, "a removed stream's last event in the middle of the log", (rows) =>
    rows.filter((row) => row.position !== 6n),
  ),
  tamperCase(factory, 'a removed first event', (rows) => rows.filter((row) => row.position !== 1n)),
  tamperCase(factory, 'a removed event with the later positions renumbered', (rows) =>
    rows
      .filter((row) => row.position !== 3n)
      .map((row) => (row.position > 3n ? { ...row, position: row.position - 1n } : row)),
  ),
  tamperCase(factory, 'an inserted event with a valid hash of its own', (rows) => {
    const model = at(rows, 4n);
    const forged = {
      ...model,
      stream: 'forged',
      revision: 0n,
      eventId: 'forged-1',
      position: 5n,
      previousHash: '0'.repeat(64),
    };
    const inserted = { ...forged, hash: computeRawHash(forged) };
    return [
      ...rows.map((row) => (row.position >= 5n ? { ...row, position: row.position + 1n } : row)),
      inserted,
    ];
  }),
  tamperCase(factory, 'an event inserted into a stream', (rows) => {
    const previous = at(rows, 2n);
    const forged = {
      ...previous,
      revision: 2n,
      eventId: 'forged-2',
      position: 3n,
      previousHash: previous.hash,
    };
    const inserted = { ...forged, hash: computeRawHash(forged) };
    const shifted = rows.map((row) => ({
      ...row,
      position: row.position >= 3n ? row.position + 1n : row.position,
      revision: row.stream === 'a' && row.revision >= 2n ? row.revision + 1n : row.revision,
    }));
    return [...shifted, inserted];
  }),
  tamperCase(factory, 'two events of different streams swapped', (rows) =>
    rows.map((row) =>
      row.position === 3n
        ? { ...row, position: 4n }
        : row.position === 4n
          ? { ...row, position: 3n }
          : row,
    ),
  ),
  tamperCase(factory, 'two events of one stream swapped', (rows) =>
    rows.map((row) =>
      row.position === 4n
        ? { ...row, position: 7n, revision: 3n }
        : row.position === 7n
          ? { ...row, position: 4n, revision: 2n }
          : row,
    ),
  ),
  {
    name: 'a row whose JSON does not parse is a CorruptEvent, from verify and from reads',
    run: withStore(factory, async (sut) => {
      await fill(sut);
      await sut.rewriteLog(edit(5n, (row) => ({ ...row, dataJson: '{"n":5,"note":"Ban' })));
      const problem = await verifyProblem(sut);
      checkEqual(
        [problem._tag, problem.stream, problem.revision],
        ['CorruptEvent', 'b', 1n],
        'verify',
      );
      const fromStream = expectLeft(await sut.store.readStream('b'), 'CorruptEvent', 'readStream');
      checkEqual([fromStream.stream, fromStream.revision], ['b', 1n], 'readStream problem');
      expectLeft(await sut.store.readAll(), 'CorruptEvent', 'readAll');
      checkEqual(
        expectRight(await sut.store.readAll({ maxCount: 4 }), 'readAll before it').length,
        4,
        'events before it',
      );
      checkEqual(
        expectRight(await sut.store.readStream('a'), 'another stream').length,
        4,
        'another stream',
      );
    }),
  },
  {
    name: 'metadata that does not parse is a CorruptEvent',
    run: withStore(factory, async (sut) => {
      await fill(sut);
      await sut.rewriteLog(edit(2n, (row) => ({ ...row, metadataJson: 'not json' })));
      const problem = await verifyProblem(sut);
      checkEqual(
        [problem._tag, problem.stream, problem.revision],
        ['CorruptEvent', 'a', 1n],
        'verify',
      );
      expectLeft(await sut.store.readStream('a'), 'CorruptEvent', 'readStream');
    }),
  },
];

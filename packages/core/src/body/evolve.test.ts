/**
 * Evolve on a written-out history that uses every fact event once or more, with events no decider
 * records (a seat or duty created twice, a change to an unknown seat, a second establishment and
 * end): the state it folds to is spelt out field by field — optional fields absent when unset —
 * and `foldHistory` folds the same history to the same state.
 */
import { isLeft } from 'fp-ts/Either';
import { PathReporter } from 'io-ts/PathReporter';
import { describe, expect, it } from 'vitest';
import { Event } from './events.js';
import { evolve } from './evolve.js';
import { foldHistory } from './fold.js';
import { initialState } from './state.js';

/** The events, written as the plain JSON a store would hold. */
function events(...json: unknown[]): Event[] {
  return json.map((e) => {
    const result = Event.decode(e);
    if (isLeft(result)) throw new Error(PathReporter.report(result).join('; '));
    return result.right;
  });
}

const BODY = 'ban-chi-dao';
const PROVINCE = 'ubnd-tinh';
const CITY = 'ubnd-tp';
const basis = {
  type: 'decision',
  number: '01/QĐ-UBND',
  issuer: PROVINCE,
  signer: { name: 'Nguyễn Văn A', title: 'Chủ tịch' },
  signedOn: '2019-01-01',
};
const source = { kind: 'instrument', instrument: basis };
const on = (effectiveOn: string) => ({ bodyId: BODY, effectiveOn, source });
const N1 = { vi: 'Ban Chỉ đạo' };
const N2 = { vi: 'Ban Chỉ đạo chuyển đổi số' };
const T1 = { vi: 'Tham mưu' };
const T2 = { vi: 'Tham mưu, đề xuất' };
const A = { follows: 'office', office: 'chu-tich-ubnd' };
const P = { follows: 'person', person: 'nguyen-van-a' };
const Q = { follows: 'person', person: 'tran-thi-b', acting: true };
const OBLIGATION = {
  obligationId: 'o1',
  kind: 'report',
  cadence: 'annual',
  dueDaysAfterPeriodEnd: 15,
  recipients: [{ kind: 'authority', authority: PROVINCE }],
};
const document = (reference: string, submittedOn: string) => ({
  reference,
  filedBy: BODY,
  submittedOn,
});
const established = {
  type: 'BodyEstablished',
  data: {
    ...on('2019-01-01'),
    kind: 'steering-committee',
    name: N1,
    authority: PROVINCE,
    origin: { kind: 'decision' },
    purpose: T1,
  },
};

const history = events(
  // Facts before the establishment change nothing.
  { type: 'SeatCreated', data: { ...on('2018-12-01'), seatId: 's0', roles: ['head'], holder: A } },
  established,
  { type: 'SeatCreated', data: { ...on('2019-01-01'), seatId: 's1', roles: ['head'], holder: A } },
  {
    type: 'SeatCreated',
    data: { ...on('2019-01-01'), seatId: 's2', roles: ['member'], holder: P },
  },
  {
    type: 'SeatCreated',
    data: { ...on('2019-02-01'), seatId: 's1', roles: ['member'], holder: P },
  },
  {
    type: 'SeatHolderReplaced',
    data: { ...on('2019-03-01'), seatId: 's1', previous: A, holder: Q },
  },
  { type: 'SeatHolderRelieved', data: { ...on('2019-03-01'), seatId: 's2', previous: P } },
  {
    type: 'SeatRolesChanged',
    data: { ...on('2019-04-01'), seatId: 's2', roles: ['deputy-head'], previous: ['member'] },
  },
  { type: 'SeatAbolished', data: { ...on('2019-05-01'), seatId: 's2' } },
  {
    type: 'SeatHolderReplaced',
    data: { ...on('2019-03-01'), seatId: 's9', previous: null, holder: P },
  },
  { type: 'SeatHolderRelieved', data: { ...on('2019-03-01'), seatId: 's9', previous: P } },
  {
    type: 'SeatRolesChanged',
    data: { ...on('2019-04-01'), seatId: 's9', roles: ['member'], previous: ['head'] },
  },
  { type: 'SeatAbolished', data: { ...on('2019-05-01'), seatId: 's9' } },
  {
    type: 'DutyAssigned',
    data: {
      ...on('2019-01-01'),
      dutyId: 'd1',
      category: 'advise',
      text: T1,
      provenance: { kind: 'own' },
    },
  },
  {
    type: 'DutyAssigned',
    data: {
      ...on('2019-02-01'),
      dutyId: 'd1',
      category: 'other',
      text: T2,
      provenance: { kind: 'own' },
    },
  },
  { type: 'DutyAmended', data: { ...on('2019-02-01'), dutyId: 'd1', category: 'coordinate' } },
  { type: 'DutyAmended', data: { ...on('2019-03-01'), dutyId: 'd1', text: T2 } },
  { type: 'DutyAmended', data: { ...on('2019-03-01'), dutyId: 'd9', text: T2 } },
  {
    type: 'DutyAssigned',
    data: {
      ...on('2019-01-01'),
      dutyId: 'd2',
      category: 'opine',
      text: T1,
      provenance: { kind: 'own' },
    },
  },
  { type: 'DutyRevoked', data: { ...on('2019-06-01'), dutyId: 'd2' } },
  { type: 'DutyRevoked', data: { ...on('2019-06-01'), dutyId: 'd9' } },
  { type: 'ReportingObligationImposed', data: { ...on('2019-01-01'), ...OBLIGATION } },
  {
    type: 'ReportingObligationImposed',
    data: { ...on('2019-02-01'), ...OBLIGATION, cadence: 'quarterly' },
  },
  {
    type: 'ReportingObligationImposed',
    data: { ...on('2019-02-01'), ...OBLIGATION, obligationId: 'o2', dutyId: 'd1' },
  },
  { type: 'ReportingObligationLifted', data: { ...on('2019-10-01'), obligationId: 'o2' } },
  { type: 'ReportingObligationLifted', data: { ...on('2019-10-01'), obligationId: 'o9' } },
  {
    type: 'ReportFiled',
    data: {
      ...on('2020-01-05'),
      reportId: 'r1',
      obligationId: 'o1',
      period: '2019',
      document: document('01/BC', '2020-01-05'),
    },
  },
  {
    type: 'ReportFiled',
    data: {
      ...on('2020-01-06'),
      reportId: 'r1',
      obligationId: 'o1',
      period: '2018',
      document: document('09/BC', '2020-01-06'),
    },
  },
  {
    type: 'ReportCorrected',
    data: {
      ...on('2020-01-10'),
      reportId: 'r2',
      supersedes: 'r1',
      obligationId: 'o1',
      period: '2019',
      document: document('01a/BC', '2020-01-10'),
    },
  },
  {
    type: 'ReportFiled',
    data: {
      ...on('2020-01-12'),
      reportId: 'r3',
      obligationId: 'o2',
      period: '2019',
      document: document('02/BC', '2020-01-12'),
    },
  },
  {
    type: 'BodiesAbsorbed',
    data: { ...on('2019-07-01'), absorbed: ['ban-x'], reorganisationId: 'reorg-0' },
  },
  { type: 'BodyTransferred', data: { ...on('2019-08-01'), authority: CITY, previous: PROVINCE } },
  { type: 'BodyRenamed', data: { ...on('2019-09-01'), name: N2, previous: N1 } },
  {
    type: 'BodyEnded',
    data: {
      ...on('2020-06-01'),
      reason: 'merger',
      successors: ['ban-y'],
      reorganisationId: 'reorg-1',
    },
  },
  // After the end: a second end and a second establishment change nothing.
  { type: 'BodyEnded', data: { ...on('2020-07-01'), reason: 'dissolution', successors: [] } },
  { ...established, data: { ...established.data, effectiveOn: '2021-01-01', name: N2 } },
);

/** The state the history folds to, written out. */
const expected = {
  status: 'ended',
  bodyId: BODY,
  kind: 'steering-committee',
  authority: PROVINCE,
  purpose: T1,
  origin: { kind: 'decision' },
  establishedOn: '2019-01-01',
  names: [
    { from: '2019-01-01', name: N1 },
    { from: '2019-09-01', name: N2 },
  ],
  seats: new Map([
    [
      's1',
      {
        seatId: 's1',
        createdOn: '2019-01-01',
        roles: [{ from: '2019-01-01', roles: ['head'] }],
        holders: [
          { from: '2019-01-01', holder: A },
          { from: '2019-03-01', holder: Q },
        ],
        abolishedOn: '2020-06-01',
      },
    ],
    [
      's2',
      {
        seatId: 's2',
        createdOn: '2019-01-01',
        roles: [
          { from: '2019-01-01', roles: ['member'] },
          { from: '2019-04-01', roles: ['deputy-head'] },
        ],
        holders: [
          { from: '2019-01-01', holder: P },
          { from: '2019-03-01', holder: null },
        ],
        abolishedOn: '2019-05-01',
      },
    ],
  ]),
  duties: new Map([
    [
      'd1',
      {
        dutyId: 'd1',
        provenance: { kind: 'own' },
        assignedOn: '2019-01-01',
        categories: [
          { from: '2019-01-01', category: 'advise' },
          { from: '2019-02-01', category: 'coordinate' },
        ],
        texts: [
          { from: '2019-01-01', text: T1 },
          { from: '2019-03-01', text: T2 },
        ],
        revokedOn: '2020-06-01',
      },
    ],
    [
      'd2',
      {
        dutyId: 'd2',
        provenance: { kind: 'own' },
        assignedOn: '2019-01-01',
        categories: [{ from: '2019-01-01', category: 'opine' }],
        texts: [{ from: '2019-01-01', text: T1 }],
        revokedOn: '2019-06-01',
      },
    ],
  ]),
  obligations: new Map([
    ['o1', { ...OBLIGATION, imposedOn: '2019-01-01', liftedOn: '2020-06-01' }],
    [
      'o2',
      {
        ...OBLIGATION,
        obligationId: 'o2',
        dutyId: 'd1',
        imposedOn: '2019-02-01',
        liftedOn: '2019-10-01',
      },
    ],
  ]),
  reports: new Map([
    [
      'r1',
      {
        reportId: 'r1',
        obligationId: 'o1',
        period: '2019',
        document: document('01/BC', '2020-01-05'),
        supersededBy: 'r2',
      },
    ],
    [
      'r2',
      {
        reportId: 'r2',
        obligationId: 'o1',
        period: '2019',
        document: document('01a/BC', '2020-01-10'),
        supersedes: 'r1',
      },
    ],
    [
      'r3',
      {
        reportId: 'r3',
        obligationId: 'o2',
        period: '2019',
        document: document('02/BC', '2020-01-12'),
      },
    ],
  ]),
  counted: new Map([
    ['o1', new Map([['2019', 'r2']])],
    ['o2', new Map([['2019', 'r3']])],
  ]),
  absorptions: [{ on: '2019-07-01', absorbed: ['ban-x'], reorganisationId: 'reorg-0' }],
  transfers: [{ from: '2019-08-01', authority: CITY, previous: PROVINCE }],
  endedOn: '2020-06-01',
  endReason: 'merger',
  successors: ['ban-y'],
  reorganisationId: 'reorg-1',
};

/**
 * `toStrictEqual` compares a map's values loosely (a key set to `undefined` passes for a missing
 * one), so each value of each of the state's maps is compared on its own as well.
 */
function expectStrictlyEqualMaps(actual: object, written: object): void {
  for (const [field, value] of Object.entries(written))
    if (value instanceof Map)
      for (const [key, entry] of value as Map<unknown, unknown>)
        expect(
          (actual as Record<string, ReadonlyMap<unknown, unknown>>)[field]?.get(key),
          `${field} ${String(key)}`,
        ).toStrictEqual(entry);
}

describe('evolve and foldHistory on a written-out history', () => {
  it('fold every fact event to the state written out', () => {
    expect(history.reduce(evolve, initialState)).toStrictEqual(expected);
    expect(foldHistory(history)).toStrictEqual(expected);
    expectStrictlyEqualMaps(history.reduce(evolve, initialState), expected);
    expectStrictlyEqualMaps(foldHistory(history), expected);
  });

  it('leave out the purpose and the reorganisation of a body that has neither', () => {
    const { purpose: _purpose, ...plain } = established.data;
    const dissolved = events(
      { ...established, data: plain },
      { type: 'BodyEnded', data: { ...on('2020-06-01'), reason: 'dissolution', successors: [] } },
    );
    const state = {
      status: 'ended',
      bodyId: BODY,
      kind: 'steering-committee',
      authority: PROVINCE,
      origin: { kind: 'decision' },
      establishedOn: '2019-01-01',
      names: [{ from: '2019-01-01', name: N1 }],
      seats: new Map(),
      duties: new Map(),
      obligations: new Map(),
      reports: new Map(),
      counted: new Map(),
      absorptions: [],
      transfers: [],
      endedOn: '2020-06-01',
      endReason: 'dissolution',
      successors: [],
    };
    expect(dissolved.reduce(evolve, initialState)).toStrictEqual(state);
    expect(foldHistory(dissolved)).toStrictEqual(state);
  });
});

import { isLeft, isRight, right } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { PathReporter } from 'io-ts/PathReporter';
import { describe, expect, it } from 'vitest';
import type { EventId, Jurisdiction } from '../kernel/index.js';
import {
  AuthorityId,
  BilingualName,
  BodyId,
  LegalBasis,
  ObligationId,
  ReorganisationId,
  ReportId,
  establisherOnly,
  unsafeCalendarDate,
} from '../kernel/index.js';
import { DeciderSpecification } from '../testing/specification.js';
import { Command } from './commands.js';
import { decideAbsorption, decideChanges, decideEnd, decideEstablishment } from './decide.js';
import { decider, isTerminal } from './decider.js';
import { contradiction } from './stream-fit.js';
import { Event } from './events.js';
import { BodyOrigin } from './lifecycle.js';
import { PeriodLabel } from './period.js';
import type { Refusal } from './refusals.js';
import type { State } from './state.js';
import {
  activeSeatsOn,
  countedReport,
  dutiesOn,
  holderOn,
  nameHistory,
  nameOn,
  obligationsOn,
  rolesOn,
} from './state.js';

// -------------------------------------------------------------------------------------------------
// Fixtures, written as the plain JSON an embedding system would send
// -------------------------------------------------------------------------------------------------

function decoded<C extends t.Mixed>(codec: C, json: unknown): t.TypeOf<C> {
  const result = codec.decode(json);
  if (isLeft(result))
    throw new Error(`Fixture does not decode: ${PathReporter.report(result).join('; ')}`);
  return result.right;
}
const command = (json: unknown): Command => decoded(Command, json);
const events = (...json: unknown[]): Event[] => json.map((e) => decoded(Event, e));
const day = unsafeCalendarDate;

const BODY = 'bcd-xay-dung-chinh-quyen-dien-tu';
const PROVINCE = 'ubnd-tinh-binh-phuoc';
const CITY = 'ubnd-tp-dong-xoai';
const NATIONAL_COMMITTEE = 'uy-ban-quoc-gia-chinh-phu-dien-tu';

const basis = (number: string, signedOn: string, issuer = PROVINCE) => ({
  type: 'decision',
  number,
  issuer,
  signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
  signedOn,
});
const FOUNDING = basis('XXXX/QĐ-UBND', '2018-12-04');
const source = (instrument: unknown) => ({ kind: 'instrument', instrument });
const founded = { bodyId: BODY, effectiveOn: '2018-12-04', source: source(FOUNDING) };

const office = (id: string) => ({ follows: 'office', office: id });
const person = (id: string) => ({ follows: 'person', person: id });
const CHAIRMAN = {
  follows: 'office',
  office: 'chu-tich-ubnd-tinh',
  namedPerson: 'nguyen-van-tram',
};
const NAME = { vi: 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước' };
const NEW_NAME = { vi: 'Ban Chỉ đạo chuyển đổi số tỉnh Bình Phước' };
const duty = (category: string, vi: string) => ({ category, text: { vi } });

const CHARTER_SEATS = [
  ['seat-head', ['head'], CHAIRMAN],
  ['seat-deputy', ['deputy-head'], office('pho-chu-tich-ubnd-tinh-vhxh')],
  ['seat-standing', ['standing-member', 'secretary'], office('giam-doc-so-tttt')],
  ['seat-police', ['member'], office('giam-doc-cong-an-tinh')],
  ['seat-office', ['member'], office('chanh-van-phong-ubnd-tinh')],
] as const;
const CHARTER_DUTIES = [
  ['duty-advise', duty('advise', 'Nghiên cứu, tham mưu, đề xuất với UBND tỉnh')],
  ['duty-coordinate', duty('coordinate', 'Giúp UBND tỉnh điều phối, đôn đốc, kiểm tra')],
  ['duty-opine', duty('opine', 'Cho ý kiến đối với các chương trình, đề án')],
  ['duty-review', duty('review', 'Hằng năm sơ kết, đánh giá tình hình, kết quả')],
  [
    'duty-report',
    duty('report', 'Định kỳ báo cáo Ủy ban Quốc gia về Chính phủ điện tử và UBND tỉnh'),
  ],
  ['duty-other', duty('other', 'Thực hiện các nhiệm vụ khác')],
] as const;
const ANNUAL_REVIEW = {
  obligationId: 'annual-review',
  kind: 'preliminary-review',
  cadence: 'annual',
  dueDaysAfterPeriodEnd: 15,
  recipients: [{ kind: 'authority', authority: PROVINCE }],
  dutyId: 'duty-review',
};
const PERIODIC_REPORT = {
  obligationId: 'periodic-report',
  kind: 'report',
  cadence: 'semi-annual',
  dueDaysAfterPeriodEnd: 10,
  recipients: [
    { kind: 'body', body: NATIONAL_COMMITTEE },
    { kind: 'authority', authority: PROVINCE },
  ],
  dutyId: 'duty-report',
};

/** The body's establishment, without its charter. */
const ESTABLISHMENT = {
  bodyId: BODY,
  kind: 'steering-committee',
  name: NAME,
  authority: PROVINCE,
  purpose: { vi: 'Chính quyền số, kinh tế số và xã hội số' },
  basis: FOUNDING,
  effectiveOn: '2018-12-04',
};

const establishWithCharter = command({
  type: 'EstablishBody',
  data: {
    ...ESTABLISHMENT,
    charter: [
      ...CHARTER_SEATS.map(([seatId, roles, holder]) => ({
        change: 'CreateSeat',
        seatId,
        roles,
        holder,
      })),
      ...CHARTER_DUTIES.map(([dutyId, d]) => ({ change: 'AssignDuty', dutyId, ...d })),
      { change: 'ImposeReportingObligation', ...ANNUAL_REVIEW },
      { change: 'ImposeReportingObligation', ...PERIODIC_REPORT },
    ],
  },
});

const establishedEvents = events(
  {
    type: 'BodyEstablished',
    data: {
      ...founded,
      kind: 'steering-committee',
      name: NAME,
      authority: PROVINCE,
      origin: { kind: 'decision' },
      purpose: { vi: 'Chính quyền số, kinh tế số và xã hội số' },
    },
  },
  ...CHARTER_SEATS.map(([seatId, roles, holder]) => ({
    type: 'SeatCreated',
    data: { ...founded, seatId, roles, holder },
  })),
  ...CHARTER_DUTIES.map(([dutyId, d]) => ({
    type: 'DutyAssigned',
    data: { ...founded, dutyId, ...d, provenance: { kind: 'own' } },
  })),
  { type: 'ReportingObligationImposed', data: { ...founded, ...ANNUAL_REVIEW } },
  { type: 'ReportingObligationImposed', data: { ...founded, ...PERIODIC_REPORT } },
);

const context = { jurisdiction: establisherOnly };
const spec = DeciderSpecification.for(decider, context);
const fold = (history: ReadonlyArray<Event>): State =>
  history.reduce(decider.evolve, decider.initialState);

const amend = (
  effectiveOn: string,
  changes: unknown[],
  instrument = basis('12/QĐ-UBND', effectiveOn),
) =>
  command({ type: 'AmendBody', data: { bodyId: BODY, basis: instrument, effectiveOn, changes } });
const amended = (effectiveOn: string, instrument = basis('12/QĐ-UBND', effectiveOn)) => ({
  bodyId: BODY,
  effectiveOn,
  source: source(instrument),
});
const report = (reference: string, submittedOn: string, filedBy = BODY) => ({
  reference,
  filedBy,
  submittedOn,
});
const fileReport = (reportId: string, obligationId: string, period: string, document: unknown) =>
  command({ type: 'FileReport', data: { bodyId: BODY, reportId, obligationId, period, document } });
const correctReport = (reportId: string, supersedes: string, document: unknown) =>
  command({ type: 'CorrectReport', data: { bodyId: BODY, reportId, supersedes, document } });
const dissolve = (effectiveOn: string, instrument = basis('99/QĐ-UBND', effectiveOn)) =>
  command({ type: 'DissolveBody', data: { bodyId: BODY, basis: instrument, effectiveOn } });

/** The history after accepting each command in turn after `given` (each must be accepted). */
function acceptedAfter(given: ReadonlyArray<Event>, ...commands: Command[]): Event[] {
  const history: Event[] = [...given];
  for (const c of commands) {
    const decision = decider.decide(c, fold(history), context);
    if (isLeft(decision)) throw new Error(`Refused: ${decision.left.message}`);
    history.push(...decision.right);
  }
  return history;
}

/** Asserts the command, decided after `history`, is refused with `tag`. */
const refuses = (
  tag: Refusal['_tag'],
  c: Command,
  history: ReadonlyArray<Event> = establishedEvents,
) => spec.given(history).when(c).thenRefuses(tag);

// -------------------------------------------------------------------------------------------------
// The main story
// -------------------------------------------------------------------------------------------------

describe('the life of a steering committee', () => {
  it('establishes the body and its charter in one decision', () => {
    spec.given([]).when(establishWithCharter).then(establishedEvents);
  });

  it('answers who sits on it, with which duties and obligations', () => {
    const state = fold(establishedEvents);
    const seats = activeSeatsOn(state, day('2018-12-04'));
    expect(seats.map((s) => s.seatId)).toEqual(CHARTER_SEATS.map(([seatId]) => seatId));
    expect(seats[0]).toEqual({ seatId: 'seat-head', roles: ['head'], holder: CHAIRMAN });
    expect(seats[2]?.roles).toEqual(['standing-member', 'secretary']);
    expect(activeSeatsOn(state, day('2018-12-03'))).toEqual([]);
    expect(dutiesOn(state, day('2019-01-01')).map((d) => d.category)).toEqual([
      'advise',
      'coordinate',
      'opine',
      'review',
      'report',
      'other',
    ]);
    expect(obligationsOn(state, day('2019-01-01')).map((o) => o.obligationId)).toEqual([
      'annual-review',
      'periodic-report',
    ]);
    expect(nameOn(state, day('2019-01-01'))).toEqual(NAME);
    expect(nameOn(state, day('2018-12-03'))).toBeUndefined();
  });

  it('renames the body, keeping the old name searchable', () => {
    spec
      .given(establishedEvents)
      .when(amend('2019-06-01', [{ change: 'Rename', name: NEW_NAME }]))
      .then(
        events({
          type: 'BodyRenamed',
          data: { ...amended('2019-06-01'), name: NEW_NAME, previous: NAME },
        }),
      );
    const state = fold(
      acceptedAfter(establishedEvents, amend('2019-06-01', [{ change: 'Rename', name: NEW_NAME }])),
    );
    expect(nameHistory(state)).toEqual([
      { name: NAME, validity: { from: '2018-12-04', to: '2019-06-01' } },
      { name: NEW_NAME, validity: { from: '2019-06-01' } },
    ]);
  });

  it('replaces a holder in the same seat, relieves another, in one decision', () => {
    spec
      .given(establishedEvents)
      .when(
        amend('2019-03-01', [
          { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('tran-van-an') },
          { change: 'RelieveSeatHolder', seatId: 'seat-office' },
        ]),
      )
      .then(
        events(
          {
            type: 'SeatHolderReplaced',
            data: {
              ...amended('2019-03-01'),
              seatId: 'seat-police',
              previous: office('giam-doc-cong-an-tinh'),
              holder: person('tran-van-an'),
            },
          },
          {
            type: 'SeatHolderRelieved',
            data: {
              ...amended('2019-03-01'),
              seatId: 'seat-office',
              previous: office('chanh-van-phong-ubnd-tinh'),
            },
          },
        ),
      );
  });

  /** Decides a correction naming the event numbered `n` of `history` (`event-<n>`). */
  const correctRecord = (
    history: ReadonlyArray<Event>,
    n: number,
    correction: unknown,
    erratum: ReturnType<typeof basis>,
  ) =>
    decider.decide(
      command({
        type: 'CorrectBodyRecord',
        data: { bodyId: BODY, corrects: `event-${n}`, basis: erratum, correction },
      }),
      fold(history),
      {
        ...context,
        recorded: new Map(history.map((event, i) => [`event-${i + 1}` as EventId, event])),
      },
    );
  const correctHolder = (
    history: ReadonlyArray<Event>,
    n: number,
    holder: unknown,
    erratum: ReturnType<typeof basis>,
  ) => correctRecord(history, n, { correct: 'Holder', holder }, erratum);
  const refusal = (decision: ReturnType<typeof correctRecord>) =>
    isLeft(decision) ? decision.left._tag : 'accepted';

  it('corrects a rename’s date, then its name where it stands now (rule 14)', () => {
    const renamed = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'Rename', name: { vi: 'Ban Chỉ đạo số' } }]),
    );
    const erratum = basis('18/QĐ-UBND', '2019-06-01');
    const moved = correctRecord(
      renamed,
      renamed.length,
      { correct: 'Date', effectiveOn: '2019-02-01' },
      erratum,
    );
    expect(isRight(moved) && moved.right).toMatchObject([
      { type: 'RenameDateCorrected', data: { effectiveOn: '2019-02-01', previous: '2019-03-01' } },
    ]);
    const after = [...renamed, ...(isRight(moved) ? moved.right : [])];
    const named = correctRecord(
      after,
      renamed.length,
      { correct: 'Name', name: { vi: 'Ban Chỉ đạo chuyển đổi số' } },
      erratum,
    );
    expect(isRight(named) && named.right).toMatchObject([
      { type: 'BodyNameCorrected', data: { effectiveOn: '2019-02-01' } },
    ]);
  });

  it('refuses moving a rename of the establishment date off it: the body keeps a first name (rule 14)', () => {
    const renamed = acceptedAfter(
      establishedEvents,
      amend('2018-12-04', [{ change: 'Rename', name: { vi: 'Ban Chỉ đạo số' } }]),
    );
    const erratum = basis('19/QĐ-UBND', '2019-06-01');
    const date = (effectiveOn: string) =>
      refusal(correctRecord(renamed, renamed.length, { correct: 'Date', effectiveOn }, erratum));
    expect(date('2018-12-03')).toBe('CorrectionOutsideLife');
    expect(date('2019-01-01')).toBe('CorrectionCrossesChange');
  });

  it('corrects a dissolution’s date, and what the end closed moves with it (rule 14)', () => {
    const dissolved = acceptedAfter(establishedEvents, dissolve('2020-03-01'));
    const erratum = basis('20/QĐ-UBND', '2020-06-01');
    const moved = correctRecord(
      dissolved,
      dissolved.length,
      { correct: 'Date', effectiveOn: '2020-02-01' },
      erratum,
    );
    expect(isRight(moved) && moved.right).toMatchObject([
      { type: 'EndDateCorrected', data: { effectiveOn: '2020-02-01', previous: '2020-03-01' } },
    ]);
    const state = fold([...dissolved, ...(isRight(moved) ? moved.right : [])]);
    expect(state).toMatchObject({ status: 'ended', endedOn: '2020-02-01' });
    if (state.status !== 'ended') return;
    for (const seat of state.seats.values()) expect(seat.abolishedOn).toBe('2020-02-01');
  });

  it('refuses correcting the date of an end by reorganisation on one body (rule 14)', () => {
    const merged = decideEnd(
      fold(establishedEvents),
      {
        basis: basis('21/QĐ-UBND', '2020-01-01'),
        effectiveOn: '2020-01-01',
        reason: 'merger',
        successors: ['ban-chi-dao-moi'],
        reorganisationId: 'sap-nhap-2020',
      } as never,
      context,
    );
    if (isLeft(merged)) throw new Error(merged.left.message);
    const history = [...establishedEvents, ...merged.right];
    const decision = correctRecord(
      history,
      history.length,
      { correct: 'Date', effectiveOn: '2020-02-01' },
      basis('22/QĐ-UBND', '2020-06-01'),
    );
    expect(isLeft(decision) && decision.left).toMatchObject({
      _tag: 'EndedByReorganisation',
      rule: 14,
      reason: 'merger',
      reorganisationId: 'sap-nhap-2020',
    });
  });

  describe('a body transferred to another authority (rules 4, 9 and 14)', () => {
    const bare = acceptedAfter([], command({ type: 'EstablishBody', data: ESTABLISHMENT }));
    const transferred = [
      ...bare,
      ...events({
        type: 'BodyTransferred',
        data: {
          ...amended('2019-01-01', basis('1/QĐ-UBND', '2018-12-20')),
          authority: CITY,
          previous: PROVINCE,
        },
      }),
    ];
    const byCity = (number: string, signedOn: string) => basis(number, signedOn, CITY);
    const moveDate = (history: ReadonlyArray<Event>, n: number, effectiveOn: string) =>
      correctRecord(
        history,
        n,
        { correct: 'Date', effectiveOn },
        byCity('2/QĐ-UBND', '2020-06-01'),
      );

    it('refuses moving the establishment after a transfer, not onto its date', () => {
      const afterTransfer = moveDate(transferred, 1, '2019-01-02');
      expect(isLeft(afterTransfer) && afterTransfer.left).toMatchObject({
        _tag: 'CorrectionOutsideLife',
        rule: 4,
        fact: `the transfer to ${CITY}`,
        on: '2019-01-01',
        life: { from: '2019-01-02' },
      });
      expect(refusal(moveDate(transferred, 1, '2019-01-01'))).toBe('accepted');
    });

    it('refuses moving a dissolution onto or before a transfer', () => {
      const dissolved = acceptedAfter(
        transferred,
        dissolve('2020-01-01', byCity('3/QĐ-UBND', '2020-01-01')),
      );
      const onTransfer = moveDate(dissolved, 3, '2019-01-01');
      expect(isLeft(onTransfer) && onTransfer.left).toMatchObject({
        _tag: 'CorrectionOutsideLife',
        fact: `the transfer to ${CITY}`,
        on: '2019-01-01',
        life: { from: '2018-12-04', to: '2019-01-01' },
      });
      expect(refusal(moveDate(dissolved, 3, '2018-12-31'))).toBe('CorrectionOutsideLife');
      expect(refusal(moveDate(dissolved, 3, '2019-01-02'))).toBe('accepted');
    });

    it('refuses dissolving the body on or before a transfer already recorded', () => {
      refuses(
        'EndBeforeLaterFact',
        dissolve('2019-01-01', byCity('4/QĐ-UBND', '2019-01-01')),
        transferred,
      );
      spec
        .given(transferred)
        .when(dissolve('2018-12-31', byCity('5/QĐ-UBND', '2019-06-01')))
        .thenRefuses('EndBeforeLaterFact', { fact: `the transfer to ${CITY}` });
    });

    it('judges a correction by the authority the body answers to on the signing date', () => {
      const name = { correct: 'Name', name: NEW_NAME };
      expect(refusal(correctRecord(transferred, 1, name, byCity('6/QĐ-UBND', '2019-06-01')))).toBe(
        'accepted',
      );
      expect(refusal(correctRecord(transferred, 1, name, basis('7/QĐ-UBND', '2019-06-01')))).toBe(
        'NoJurisdiction',
      );
      expect(refusal(correctRecord(transferred, 1, name, basis('8/QĐ-UBND', '2018-12-31')))).toBe(
        'accepted',
      );
    });
  });

  it('refuses moving a dissolution before a report filed after it for a period not ended by then (rules 1 and 14)', () => {
    const history = acceptedAfter(
      establishedEvents,
      fileReport('r', 'annual-review', '2019', report('1/BC', '2020-03-01')),
      dissolve('2020-07-01'),
    );
    const erratum = basis('23/QĐ-UBND', '2020-08-01');
    const moveEnd = (effectiveOn: string) =>
      correctRecord(history, history.length, { correct: 'Date', effectiveOn }, erratum);
    const beforePeriodEnd = moveEnd('2019-12-01');
    expect(isLeft(beforePeriodEnd) && beforePeriodEnd.left).toMatchObject({
      _tag: 'CorrectionOutsideLife',
      fact: 'report r for period 2019',
      on: '2020-03-01',
      life: { from: '2018-12-04', to: '2019-12-01' },
    });
    // The body may end before the report was filed, once the period it reports on had ended.
    expect(refusal(moveEnd('2020-01-01'))).toBe('accepted');
    expect(refusal(moveEnd('2020-03-02'))).toBe('accepted');
  });

  it('corrects a recorded holding by the id of the event that recorded it, from its start', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [
        { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('tran-van-an') },
      ]),
    );
    const correction = basis('15/QĐ-UBND', '2019-04-10');
    expect(
      correctHolder(history, history.length, person('tran-van-binh'), correction),
    ).toStrictEqual(
      right([
        {
          type: 'SeatHoldingCorrected',
          data: {
            bodyId: BODY,
            effectiveOn: '2019-03-01',
            source: source(correction),
            corrects: `event-${history.length}`,
            seatId: 'seat-police',
            previous: person('tran-van-an'),
            holder: person('tran-van-binh'),
          },
        },
      ]),
    );
    const again = correctHolder(history, history.length, person('tran-van-an'), correction);
    expect(again, 'the holder as recorded: nothing to do').toStrictEqual(right([]));
  });

  it('corrects a holding on a dissolved body, back to vacant (rule 14)', () => {
    const appointed = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [
        { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('tran-van-an') },
      ]),
    );
    const history = acceptedAfter(appointed, dissolve('2020-03-01'));
    const erratum = basis('16/QĐ-UBND', '2020-06-10');
    expect(correctHolder(history, appointed.length, null, erratum)).toStrictEqual(
      right([
        {
          type: 'SeatHoldingCorrected',
          data: {
            bodyId: BODY,
            effectiveOn: '2019-03-01',
            source: source(erratum),
            corrects: `event-${appointed.length}`,
            seatId: 'seat-police',
            previous: person('tran-van-an'),
            holder: null,
          },
        },
      ]),
    );
  });

  it('corrects a relief: the seat was not vacant, someone held it (rule 14)', () => {
    const relieved = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'RelieveSeatHolder', seatId: 'seat-police' }]),
    );
    const erratum = basis('23/QĐ-UBND', '2019-06-01');
    const decision = correctHolder(relieved, relieved.length, person('tran-van-an'), erratum);
    expect(isRight(decision) && decision.right).toMatchObject([
      {
        type: 'SeatHoldingCorrected',
        data: { effectiveOn: '2019-03-01', previous: null, holder: person('tran-van-an') },
      },
    ]);
  });

  it('refuses a holder correction naming an unknown event or one that recorded no holding (rule 14)', () => {
    const erratum = basis('17/QĐ-UBND', '2019-07-01');
    const unknown = correctHolder(establishedEvents, establishedEvents.length + 5, null, erratum);
    expect(isLeft(unknown) && unknown.left._tag).toBe('UnknownEvent');
    const established = correctHolder(establishedEvents, 1, person('x'), erratum);
    expect(isLeft(established) && established.left).toMatchObject({
      _tag: 'NothingRecordedBy',
      eventType: 'BodyEstablished',
      correction: 'Holder',
    });
  });

  it('files the 2019 annual review, then a correction that supersedes it', () => {
    const filed = report('01/BC-BCĐ', '2019-12-20');
    spec
      .given(establishedEvents)
      .when(fileReport('review-2019', 'annual-review', '2019', filed))
      .then(
        events({
          type: 'ReportFiled',
          data: {
            bodyId: BODY,
            effectiveOn: '2019-12-20',
            source: { kind: 'report', report: filed },
            reportId: 'review-2019',
            obligationId: 'annual-review',
            period: '2019',
            document: filed,
          },
        }),
      );
    const history = acceptedAfter(
      establishedEvents,
      fileReport('review-2019', 'annual-review', '2019', filed),
    );
    const correction = report('01a/BC-BCĐ', '2020-01-10');
    spec
      .given(history)
      .when(correctReport('review-2019-a', 'review-2019', correction))
      .then(
        events({
          type: 'ReportCorrected',
          data: {
            bodyId: BODY,
            effectiveOn: '2020-01-10',
            source: { kind: 'report', report: correction },
            reportId: 'review-2019-a',
            supersedes: 'review-2019',
            obligationId: 'annual-review',
            period: '2019',
            document: correction,
          },
        }),
      );
    const state = fold(
      acceptedAfter(history, correctReport('review-2019-a', 'review-2019', correction)),
    );
    const period = decoded(PeriodLabel, '2019');
    const obligationId = decoded(ObligationId, 'annual-review');
    expect(countedReport(state, obligationId, period)?.reportId).toBe('review-2019-a');
    const original =
      state.status === 'active' && state.reports.get(decoded(ReportId, 'review-2019'));
    expect(original).toMatchObject({ reportId: 'review-2019', supersededBy: 'review-2019-a' });
  });

  it('dissolves the body, closing seats, duties and obligations; late reports are still filed', () => {
    const history = acceptedAfter(establishedEvents, dissolve('2020-03-01'));
    const state = fold(history);
    expect(state.status).toBe('ended');
    expect(activeSeatsOn(state, day('2020-02-29'))).toHaveLength(5);
    expect(activeSeatsOn(state, day('2020-03-01'))).toEqual([]);
    expect(dutiesOn(state, day('2020-03-01'))).toEqual([]);
    expect(obligationsOn(state, day('2020-03-01'))).toEqual([]);
    expect(nameHistory(state)).toEqual([
      { name: NAME, validity: { from: '2018-12-04', to: '2020-03-01' } },
    ]);
    spec
      .given(history)
      .when(fileReport('review-2019', 'annual-review', '2019', report('02/BC-BCĐ', '2020-03-15')))
      .then(
        events({
          type: 'ReportFiled',
          data: {
            bodyId: BODY,
            effectiveOn: '2020-03-15',
            source: { kind: 'report', report: report('02/BC-BCĐ', '2020-03-15') },
            reportId: 'review-2019',
            obligationId: 'annual-review',
            period: '2019',
            document: report('02/BC-BCĐ', '2020-03-15'),
          },
        }),
      );
    expect(isTerminal(state)).toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
// Valid time: retroactive decisions, all-or-nothing decisions
// -------------------------------------------------------------------------------------------------

describe('valid time', () => {
  const seatOf = (state: State, seatId: string) => {
    if (state.status === 'unestablished') throw new Error('not established');
    const seat = [...state.seats.values()].find((s) => s.seatId === seatId);
    if (seat === undefined) throw new Error(`no seat ${seatId}`);
    return seat;
  };

  it('slots a retroactive replacement in at its date, before a later one', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2020-01-01', [
        { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('c') },
      ]),
      amend('2019-06-01', [
        { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('b') },
      ]),
    );
    const seat = seatOf(fold(history), 'seat-police');
    expect(holderOn(seat, day('2019-05-31'))).toEqual(office('giam-doc-cong-an-tinh'));
    expect(holderOn(seat, day('2019-06-01'))).toEqual(person('b'));
    expect(holderOn(seat, day('2019-12-31'))).toEqual(person('b'));
    expect(holderOn(seat, day('2020-01-01'))).toEqual(person('c'));
    const replaced = history[history.length - 1];
    expect(replaced?.type === 'SeatHolderReplaced' && replaced.data.previous).toEqual(
      office('giam-doc-cong-an-tinh'),
    );
  });

  it('refuses a retroactive head whose term would overlap the current head’s', () => {
    spec
      .given(establishedEvents)
      .when(
        amend('2019-01-01', [
          { change: 'ChangeSeatRoles', seatId: 'seat-deputy', roles: ['head'] },
        ]),
      )
      .thenRefuses('TwoHeads', {
        on: day('2019-01-01'),
        seats: ['seat-head', 'seat-deputy'],
      } as Partial<Refusal>);
  });

  it('checks a later date too: a seat created retroactively clashes with a holder seated later', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-06-01', [
        { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('le-van-minh') },
      ]),
    );
    spec
      .given(history)
      .when(
        amend('2019-01-01', [
          {
            change: 'CreateSeat',
            seatId: 'seat-new',
            roles: ['member'],
            holder: person('le-van-minh'),
          },
        ]),
      )
      .thenRefuses('HolderInTwoSeats', {
        on: day('2019-06-01'),
        identity: 'person:le-van-minh',
        seats: ['seat-police', 'seat-new'],
      } as Partial<Refusal>);
  });

  it('checks one decision as a whole: X moves to a new seat while Y replaces X', () => {
    spec
      .given(establishedEvents)
      .when(
        amend('2019-03-01', [
          {
            change: 'CreateSeat',
            seatId: 'seat-new',
            roles: ['member'],
            holder: office('giam-doc-cong-an-tinh'),
          },
          { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('tran-van-an') },
        ]),
      )
      .then(
        events(
          {
            type: 'SeatCreated',
            data: {
              ...amended('2019-03-01'),
              seatId: 'seat-new',
              roles: ['member'],
              holder: office('giam-doc-cong-an-tinh'),
            },
          },
          {
            type: 'SeatHolderReplaced',
            data: {
              ...amended('2019-03-01'),
              seatId: 'seat-police',
              previous: office('giam-doc-cong-an-tinh'),
              holder: person('tran-van-an'),
            },
          },
        ),
      );
  });

  it('applies all of a decision or none of it', () => {
    spec
      .given(establishedEvents)
      .when(
        amend('2019-03-01', [
          { change: 'Rename', name: NEW_NAME },
          { change: 'RelieveSeatHolder', seatId: 'seat-unknown' },
        ]),
      )
      .thenRefuses('UnknownSeat');
  });

  it('records nothing for a change that changes nothing', () => {
    spec
      .given(establishedEvents)
      .when(
        amend('2019-03-01', [
          { change: 'Rename', name: NAME },
          { change: 'ReplaceSeatHolder', seatId: 'seat-head', holder: CHAIRMAN },
          {
            change: 'ChangeSeatRoles',
            seatId: 'seat-standing',
            roles: ['secretary', 'standing-member'],
          },
          { change: 'AmendDuty', dutyId: 'duty-opine', category: 'opine' },
        ]),
      )
      .thenNothingHappens();
  });

  it('keeps a duty amendment’s untouched field as it was, even when amended retroactively', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2020-01-01', [
        { change: 'AmendDuty', dutyId: 'duty-opine', text: { vi: 'Văn bản mới' } },
      ]),
      amend('2019-06-01', [{ change: 'AmendDuty', dutyId: 'duty-opine', category: 'review' }]),
    );
    const duties = (on: string) =>
      dutiesOn(fold(history), day(on)).find((d) => d.dutyId === 'duty-opine');
    expect(duties('2019-05-31')).toMatchObject({
      category: 'opine',
      text: { vi: 'Cho ý kiến đối với các chương trình, đề án' },
    });
    expect(duties('2019-06-01')).toMatchObject({
      category: 'review',
      text: { vi: 'Cho ý kiến đối với các chương trình, đề án' },
    });
    expect(duties('2020-01-01')).toMatchObject({ category: 'review', text: { vi: 'Văn bản mới' } });
  });

  it('amends a duty’s text exactly when the new text differs in either language', () => {
    const OPINE = 'Cho ý kiến đối với các chương trình, đề án';
    const ENGLISH = 'Give opinions on programmes and projects';
    const text = (en?: string) => ({ vi: OPINE, ...(en === undefined ? {} : { en }) });
    const amendText = (on: string, en?: string) =>
      amend(on, [{ change: 'AmendDuty', dutyId: 'duty-opine', text: text(en) }]);
    const amendedText = (on: string, en?: string) =>
      events({
        type: 'DutyAmended',
        data: { ...amended(on), dutyId: 'duty-opine', text: text(en) },
      });
    spec.given(establishedEvents).when(amendText('2019-03-01')).thenNothingHappens();
    spec
      .given(establishedEvents)
      .when(amendText('2019-03-01', ENGLISH))
      .then(amendedText('2019-03-01', ENGLISH));
    const translated = acceptedAfter(establishedEvents, amendText('2019-03-01', ENGLISH));
    spec.given(translated).when(amendText('2019-04-01', ENGLISH)).thenNothingHappens();
    spec
      .given(translated)
      .when(amendText('2019-04-01', 'Give opinions on programmes'))
      .then(amendedText('2019-04-01', 'Give opinions on programmes'));
  });

  it('accepts a report for a period the obligation entered part-way (it overlaps, not contains)', () => {
    // Regression: "in force during the period" means overlapping it; the committee was set up
    // on 2018-12-04, so its 2018 annual review is due although 2018 began before it existed.
    spec
      .given(establishedEvents)
      .when(fileReport('review-2018', 'annual-review', '2018', report('1/BC', '2018-12-28')))
      .then(
        events({
          type: 'ReportFiled',
          data: {
            bodyId: BODY,
            effectiveOn: '2018-12-28',
            source: { kind: 'report', report: report('1/BC', '2018-12-28') },
            reportId: 'review-2018',
            obligationId: 'annual-review',
            period: '2018',
            document: report('1/BC', '2018-12-28'),
          },
        }),
      );
  });

  it('lets a later decision about the same date supersede the earlier one', () => {
    // Regression: two replacements effective on one date; the later-decided one holds from it.
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-06-01', [
        { change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('a') },
      ]),
      amend(
        '2019-06-01',
        [{ change: 'ReplaceSeatHolder', seatId: 'seat-police', holder: person('b') }],
        basis('20/QĐ-UBND', '2019-06-10'),
      ),
    );
    const seat = seatOf(fold(history), 'seat-police');
    expect(holderOn(seat, day('2019-06-01'))).toEqual(person('b'));
    expect(seat.holders.map((h) => h.from)).toEqual(['2018-12-04', '2019-06-01']);
    const last = history[history.length - 1];
    expect(last?.type === 'SeatHolderReplaced' && last.data.previous).toEqual(person('a'));
  });

  it('cannot end the body on the day a fact takes effect, only after it', () => {
    // Regression: a body ended on D lives until D-1, so a fact dated D would fall outside it.
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-06-01', [{ change: 'Rename', name: NEW_NAME }]),
    );
    refuses('EndBeforeLaterFact', dissolve('2019-06-01'), history);
    expect(isRight(decider.decide(dissolve('2019-06-02'), fold(history), context))).toBe(true);
  });

  it('keeps an abolished seat’s history', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'AbolishSeat', seatId: 'seat-office' }]),
    );
    const seat = seatOf(fold(history), 'seat-office');
    expect(rolesOn(seat, day('2019-02-28'))).toEqual(['member']);
    expect(rolesOn(seat, day('2019-03-01'))).toBeUndefined();
    expect(holderOn(seat, day('2019-03-01'))).toBeUndefined();
  });
});

// -------------------------------------------------------------------------------------------------
// Every refusal
// -------------------------------------------------------------------------------------------------

describe('refusals', () => {
  const given = spec.given(establishedEvents);
  const seat = (seatId: string, roles: string[], holder: unknown) => ({
    change: 'CreateSeat',
    seatId,
    roles,
    holder,
  });
  const withAnnualReview2019 = () =>
    acceptedAfter(
      establishedEvents,
      fileReport('review-2019', 'annual-review', '2019', report('01/BC', '2019-12-20')),
    );

  it('AlreadyEstablished (rule 1)', () => {
    const refusal = given.when(establishWithCharter).thenRefuses('AlreadyEstablished');
    expect(refusal.rule).toBe(1);
  });

  it('BodyHasEnded (rule 1)', () => {
    const history = acceptedAfter(establishedEvents, dissolve('2020-03-01'));
    refuses('BodyHasEnded', amend('2020-01-01', [{ change: 'Rename', name: NEW_NAME }]), history);
    refuses('BodyHasEnded', dissolve('2020-06-01'), history);
  });

  it('ReportPeriodAfterEnd (rule 1)', () => {
    const history = acceptedAfter(establishedEvents, dissolve('2020-03-01'));
    refuses(
      'ReportPeriodAfterEnd',
      fileReport('review-2020', 'annual-review', '2020', report('9/BC', '2020-02-20')),
      history,
    );
  });

  it('WrongBody (rule 1)', () => {
    refuses(
      'WrongBody',
      command({
        type: 'DissolveBody',
        data: {
          bodyId: 'another-body',
          basis: basis('1/QĐ', '2019-01-01'),
          effectiveOn: '2019-01-01',
        },
      }),
    );
  });

  it('TwoHeads (rule 2)', () => {
    const refusal = given
      .when(amend('2019-01-01', [seat('seat-2nd-head', ['head', 'member'], person('x'))]))
      .thenRefuses('TwoHeads');
    expect(refusal.rule).toBe(2);
  });

  it('HolderInTwoSeats (rule 3), by office or by person', () => {
    refuses(
      'HolderInTwoSeats',
      amend('2019-01-01', [seat('seat-x', ['member'], office('giam-doc-so-tttt'))]),
    );
    const refusal = given
      .when(
        amend('2019-01-01', [
          seat('seat-x', ['member'], { follows: 'person', person: 'nguyen-van-tram' }),
        ]),
      )
      .thenRefuses('HolderInTwoSeats', { identity: 'person:nguyen-van-tram' } as Partial<Refusal>);
    expect(refusal.rule).toBe(3);
  });

  it('NotEstablished (rule 4)', () => {
    refuses('NotEstablished', amend('2019-01-01', [{ change: 'Rename', name: NEW_NAME }]), []);
    refuses(
      'NotEstablished',
      fileReport('r', 'annual-review', '2019', report('1/BC', '2019-12-20')),
      [],
    );
  });

  it('BeforeEstablishment (rule 4)', () => {
    refuses('BeforeEstablishment', amend('2018-12-03', [{ change: 'Rename', name: NEW_NAME }]));
    refuses('BeforeEstablishment', dissolve('2018-01-01'));
  });

  it('EndBeforeLaterFact (rule 4)', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-06-01', [{ change: 'Rename', name: NEW_NAME }]),
    );
    refuses('EndBeforeLaterFact', dissolve('2019-06-01'), history);
    refuses('EndBeforeLaterFact', dissolve('2018-12-04'));
    refuses(
      'EndBeforeLaterFact',
      dissolve('2019-03-01'),
      acceptedAfter(
        establishedEvents,
        fileReport('r', 'annual-review', '2019', report('1/BC', '2019-03-01')),
      ),
    );
  });

  it.each([
    ['a name', { change: 'Rename', name: NEW_NAME }],
    ['a change to seat seat-police', { change: 'RelieveSeatHolder', seatId: 'seat-police' }],
    ['a change to seat seat-police', { change: 'AbolishSeat', seatId: 'seat-police' }],
    [
      'a change to duty duty-opine',
      { change: 'AmendDuty', dutyId: 'duty-opine', category: 'review' },
    ],
    ['a change to duty duty-other', { change: 'RevokeDuty', dutyId: 'duty-other' }],
    [
      'a change to reporting obligation periodic-report',
      { change: 'LiftReportingObligation', obligationId: 'periodic-report' },
    ],
  ])('EndBeforeLaterFact names the later fact: %s', (fact, change) => {
    const history = acceptedAfter(establishedEvents, amend('2019-06-01', [change]));
    spec
      .given(history)
      .when(dissolve('2019-05-01'))
      .thenRefuses('EndBeforeLaterFact', { factOn: day('2019-06-01'), fact });
  });

  it('EndBeforeLaterFact names the earliest later fact, the first recorded of its day', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-06-01', [{ change: 'Rename', name: NEW_NAME }]),
      fileReport('review-2019', 'annual-review', '2019', report('1/BC', '2019-03-01')),
    );
    spec
      .given(history)
      .when(dissolve('2019-02-01'))
      .thenRefuses('EndBeforeLaterFact', {
        factOn: day('2019-03-01'),
        fact: 'report review-2019 for period 2019',
      });
    spec
      .given(history)
      .when(dissolve('2018-12-04'))
      .thenRefuses('EndBeforeLaterFact', { factOn: day('2018-12-04'), fact: 'the establishment' });
  });

  it('ends a body on the day a period ends though its report is filed later', () => {
    // After its end a body still files the reports of periods that ended by then (rule 1).
    const history = acceptedAfter(
      establishedEvents,
      fileReport('review-2018', 'annual-review', '2018', report('1/BC', '2019-01-10')),
    );
    expect(isRight(decider.decide(dissolve('2019-01-01'), fold(history), context))).toBe(true);
    spec
      .given(history)
      .when(dissolve('2018-12-31'))
      .thenRefuses('EndBeforeLaterFact', {
        factOn: day('2019-01-10'),
        fact: 'report review-2018 for period 2018',
      });
  });

  it('SeatAlreadyExists, UnknownSeat, OutsideSeatLife (rule 4)', () => {
    refuses('SeatAlreadyExists', amend('2019-01-01', [seat('seat-head', ['member'], person('x'))]));
    refuses('UnknownSeat', amend('2019-01-01', [{ change: 'AbolishSeat', seatId: 'nope' }]));
    refuses(
      'OutsideSeatLife',
      amend('2019-01-01', [
        seat('seat-new', ['member'], person('x')),
        { change: 'AbolishSeat', seatId: 'seat-new' },
      ]),
    );
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'AbolishSeat', seatId: 'seat-office' }]),
    );
    refuses(
      'OutsideSeatLife',
      amend('2019-03-01', [{ change: 'RelieveSeatHolder', seatId: 'seat-office' }]),
      history,
    );
  });

  it('SeatAlreadyAbolished, SeatHasLaterChanges, SeatAlreadyVacant (rule 4)', () => {
    const history = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'AbolishSeat', seatId: 'seat-office' }]),
    );
    refuses(
      'SeatAlreadyAbolished',
      amend('2019-02-01', [{ change: 'AbolishSeat', seatId: 'seat-office' }]),
      history,
    );
    const replaced = acceptedAfter(
      establishedEvents,
      amend('2019-06-01', [{ change: 'RelieveSeatHolder', seatId: 'seat-police' }]),
    );
    refuses(
      'SeatHasLaterChanges',
      amend('2019-06-01', [{ change: 'AbolishSeat', seatId: 'seat-police' }]),
      replaced,
    );
    refuses(
      'SeatAlreadyVacant',
      amend('2019-07-01', [{ change: 'RelieveSeatHolder', seatId: 'seat-police' }]),
      replaced,
    );
  });

  it('DutyAlreadyExists, UnknownDuty, OutsideDutyLife, DutyAlreadyRevoked, DutyHasLaterChanges (rule 4)', () => {
    refuses(
      'DutyAlreadyExists',
      amend('2019-01-01', [{ change: 'AssignDuty', dutyId: 'duty-other', ...duty('other', 'x') }]),
    );
    refuses('UnknownDuty', amend('2019-01-01', [{ change: 'RevokeDuty', dutyId: 'nope' }]));
    refuses(
      'UnknownDuty',
      amend('2019-01-01', [
        {
          change: 'ImposeReportingObligation',
          ...ANNUAL_REVIEW,
          obligationId: 'new',
          dutyId: 'nope',
        },
      ]),
    );
    const revoked = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'RevokeDuty', dutyId: 'duty-other' }]),
    );
    refuses(
      'OutsideDutyLife',
      amend('2019-03-01', [{ change: 'AmendDuty', dutyId: 'duty-other', category: 'advise' }]),
      revoked,
    );
    refuses(
      'OutsideDutyLife',
      amend('2018-12-04', [{ change: 'RevokeDuty', dutyId: 'duty-advise' }]),
    );
    refuses(
      'DutyAlreadyRevoked',
      amend('2019-01-01', [{ change: 'RevokeDuty', dutyId: 'duty-other' }]),
      revoked,
    );
    refuses(
      'DutyHasLaterChanges',
      amend('2019-01-01', [{ change: 'RevokeDuty', dutyId: 'duty-review' }]),
      acceptedAfter(
        establishedEvents,
        amend('2019-06-01', [
          {
            change: 'ImposeReportingObligation',
            ...ANNUAL_REVIEW,
            obligationId: 'review-2',
            dutyId: 'duty-review',
          },
        ]),
      ),
    );
  });

  it('ObligationAlreadyExists, UnknownObligation, OutsideObligationLife, ObligationAlreadyLifted (rule 4)', () => {
    refuses(
      'ObligationAlreadyExists',
      amend('2019-01-01', [{ change: 'ImposeReportingObligation', ...ANNUAL_REVIEW }]),
    );
    refuses(
      'UnknownObligation',
      amend('2019-01-01', [{ change: 'LiftReportingObligation', obligationId: 'nope' }]),
    );
    refuses(
      'OutsideObligationLife',
      amend('2018-12-04', [{ change: 'LiftReportingObligation', obligationId: 'annual-review' }]),
    );
    const lifted = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'LiftReportingObligation', obligationId: 'annual-review' }]),
    );
    refuses(
      'ObligationAlreadyLifted',
      amend('2019-02-01', [{ change: 'LiftReportingObligation', obligationId: 'annual-review' }]),
      lifted,
    );
  });

  it('ObligationHasLaterReports (rule 7)', () => {
    refuses(
      'ObligationHasLaterReports',
      amend('2019-01-01', [{ change: 'LiftReportingObligation', obligationId: 'annual-review' }]),
      withAnnualReview2019(),
    );
  });

  it('ReportAlreadyExists, ReportFiledByAnotherBody, ReportForUnknownObligation (rule 7)', () => {
    refuses(
      'ReportAlreadyExists',
      fileReport('review-2019', 'periodic-report', '2019-H2', report('2/BC', '2020-01-05')),
      withAnnualReview2019(),
    );
    refuses(
      'ReportFiledByAnotherBody',
      fileReport('r', 'annual-review', '2019', report('1/BC', '2019-12-20', 'another-body')),
    );
    refuses(
      'ReportForUnknownObligation',
      fileReport('r', 'nope', '2019', report('1/BC', '2019-12-20')),
    );
  });

  it('PeriodDoesNotFitCadence, ObligationNotInForce, ReportSubmittedTooEarly (rule 7)', () => {
    refuses(
      'PeriodDoesNotFitCadence',
      fileReport('r', 'annual-review', '2019-Q1', report('1/BC', '2019-12-20')),
    );
    refuses(
      'ObligationNotInForce',
      fileReport('r', 'annual-review', '2017', report('1/BC', '2019-12-20')),
    );
    refuses(
      'ReportSubmittedTooEarly',
      fileReport('r', 'annual-review', '2019', report('1/BC', '2018-12-20')),
    );
    refuses(
      'ReportSubmittedTooEarly',
      fileReport('r', 'annual-review', '2018', report('1/BC', '2018-06-20')),
    );
  });

  it('ReportAlreadyFiled points to CorrectReport (rule 7)', () => {
    const refusal = spec
      .given(withAnnualReview2019())
      .when(fileReport('review-2019-again', 'annual-review', '2019', report('3/BC', '2019-12-28')))
      .thenRefuses('ReportAlreadyFiled', { counted: 'review-2019' } as Partial<Refusal>);
    expect(refusal.message).toContain('CorrectReport');
  });

  it('UnknownReport, NotTheCountedReport, CorrectionPredatesReport (rule 7)', () => {
    refuses('UnknownReport', correctReport('c', 'nope', report('3/BC', '2020-01-10')));
    const corrected = acceptedAfter(
      withAnnualReview2019(),
      correctReport('c1', 'review-2019', report('3/BC', '2020-01-10')),
    );
    refuses(
      'NotTheCountedReport',
      correctReport('c2', 'review-2019', report('4/BC', '2020-01-11')),
      corrected,
    );
    refuses(
      'CorrectionPredatesReport',
      correctReport('c2', 'c1', report('4/BC', '2020-01-09')),
      corrected,
    );
  });

  it('NoJurisdiction (rule 9), for every instrument-based command', () => {
    const city = basis('5/QĐ-UBND', '2019-01-01', CITY);
    refuses('NoJurisdiction', amend('2019-01-01', [{ change: 'Rename', name: NEW_NAME }], city));
    refuses('NoJurisdiction', dissolve('2019-01-01', city));
    const refusal = spec
      .given([])
      .when(
        command({
          type: 'EstablishBody',
          data: { ...(establishWithCharter.data as object), basis: city },
        }),
      )
      .thenRefuses('NoJurisdiction');
    expect(refusal.rule).toBe(9);
    const higher: Jurisdiction = {
      mayChange: (issuer, establisher) => issuer === establisher || issuer === CITY,
    };
    const decision = decider.decide(
      amend('2019-01-01', [{ change: 'Rename', name: NEW_NAME }], city),
      fold(establishedEvents),
      { jurisdiction: higher },
    );
    expect(isRight(decision)).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------
// What the reorganisation decider uses, and isTerminal
// -------------------------------------------------------------------------------------------------

describe('the edges of a transfer, an amendment, a dissolution and a report correction', () => {
  // The province may change what any authority established; each authority what it did.
  const provinceOverAll: Jurisdiction = {
    mayChange: (issuer, establisher) => issuer === PROVINCE || issuer === establisher,
  };
  const wide = DeciderSpecification.for(decider, { jurisdiction: provinceOverAll });
  const transfer = (to: string, effectiveOn: string, bodyId = BODY) =>
    command({
      type: 'TransferBody',
      data: { bodyId, to, basis: basis('7/QĐ-UBND', effectiveOn), effectiveOn },
    });

  it('transfers on the day of establishment, but not twice on one day', () => {
    const moved = events({
      type: 'BodyTransferred',
      data: {
        ...amended('2018-12-04', basis('7/QĐ-UBND', '2018-12-04')),
        authority: CITY,
        previous: PROVINCE,
      },
    });
    wide.given(establishedEvents).when(transfer(CITY, '2018-12-04')).then(moved);
    wide
      .given([...establishedEvents, ...moved])
      .when(transfer(PROVINCE, '2018-12-04'))
      .thenRefuses('TransferNotAfterLast');
  });

  it('records nothing for a transfer to the authority the body answers to', () => {
    wide.given(establishedEvents).when(transfer(PROVINCE, '2019-01-01')).thenNothingHappens();
  });

  it('refuses a transfer naming another body', () => {
    wide
      .given(establishedEvents)
      .when(transfer(CITY, '2019-01-01', 'bcd-khac'))
      .thenRefuses('WrongBody');
  });

  it('leaves out of an amended duty what the amendment does not change', () => {
    const [textOnly] = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'AmendDuty', dutyId: 'duty-opine', text: { vi: 'Góp ý' } }]),
    ).slice(establishedEvents.length);
    expect(textOnly?.data).not.toHaveProperty('category');
    const [categoryOnly] = acceptedAfter(
      establishedEvents,
      amend('2019-03-01', [{ change: 'AmendDuty', dutyId: 'duty-opine', category: 'review' }]),
    ).slice(establishedEvents.length);
    expect(categoryOnly?.data).not.toHaveProperty('text');
  });

  it('leaves the reorganisation out of a dissolution', () => {
    const [ended] = acceptedAfter(establishedEvents, dissolve('2019-06-01')).slice(
      establishedEvents.length,
    );
    expect(ended?.data).not.toHaveProperty('reorganisationId');
  });

  it('takes a report correction submitted on the day of the report it corrects', () => {
    const filed = acceptedAfter(
      establishedEvents,
      fileReport('review-2019', 'annual-review', '2019', report('1/BC', '2020-01-05')),
    );
    spec
      .given(filed)
      .when(correctReport('review-2019-a', 'review-2019', report('1a/BC', '2020-01-05')))
      .then(
        events({
          type: 'ReportCorrected',
          data: {
            bodyId: BODY,
            effectiveOn: '2020-01-05',
            source: { kind: 'report', report: report('1a/BC', '2020-01-05') },
            reportId: 'review-2019-a',
            supersedes: 'review-2019',
            obligationId: 'annual-review',
            period: '2019',
            document: report('1a/BC', '2020-01-05'),
          },
        }),
      );
  });
});

describe('decisions shared with the reorganisation decider', () => {
  const merger = decoded(LegalBasis, basis('50/QĐ-UBND', '2020-01-01'));

  it('decideEnd ends a body for a merger, naming its successor', () => {
    const decision = decideEnd(
      fold(establishedEvents),
      {
        basis: merger,
        effectiveOn: day('2020-01-01'),
        reason: 'merger',
        successors: [decoded(BodyId, 'bcd-moi')],
        reorganisationId: decoded(ReorganisationId, 'hop-nhat-2020'),
      },
      context,
    );
    expect(decision).toEqual({
      _tag: 'Right',
      right: events({
        type: 'BodyEnded',
        data: {
          bodyId: BODY,
          effectiveOn: '2020-01-01',
          source: source(basis('50/QĐ-UBND', '2020-01-01')),
          reason: 'merger',
          successors: ['bcd-moi'],
          reorganisationId: 'hop-nhat-2020',
        },
      }),
    });
  });

  it('decideEstablishment starts a merger’s successor, naming its predecessors', () => {
    const successor = decoded(BodyId, 'bcd-moi');
    const origin = {
      kind: 'reorganisation',
      reorganisationId: 'hop-nhat-2020',
      reorganisation: 'merger',
      predecessors: [BODY, 'bcd-khac'],
    } as const;
    const establishment = {
      bodyId: successor,
      kind: 'steering-committee',
      name: decoded(BilingualName, NEW_NAME),
      authority: decoded(AuthorityId, PROVINCE),
      origin: decoded(BodyOrigin, origin),
      basis: merger,
      effectiveOn: day('2020-01-01'),
    } as const;
    expect(decideEstablishment(decider.initialState, establishment, context)).toEqual({
      _tag: 'Right',
      right: events({
        type: 'BodyEstablished',
        data: {
          bodyId: 'bcd-moi',
          effectiveOn: '2020-01-01',
          source: source(basis('50/QĐ-UBND', '2020-01-01')),
          kind: 'steering-committee',
          name: NEW_NAME,
          authority: PROVINCE,
          origin,
        },
      }),
    });
    const again = decideEstablishment(fold(establishedEvents), establishment, context);
    expect(isLeft(again) && again.left._tag).toBe('AlreadyEstablished');
    const city = decoded(LegalBasis, basis('50/QĐ-UBND', '2020-01-01', CITY));
    const foreign = decideEstablishment(
      decider.initialState,
      { ...establishment, basis: city },
      context,
    );
    expect(isLeft(foreign) && foreign.left._tag).toBe('NoJurisdiction');
  });

  it('decideAbsorption records what an active body absorbed, within its life', () => {
    const absorbing = {
      absorbed: [decoded(BodyId, 'bcd-khac'), decoded(BodyId, 'bcd-thu-ba')] as const,
      reorganisationId: decoded(ReorganisationId, 'sap-nhap-2020'),
      basis: merger,
      effectiveOn: day('2020-01-01'),
    };
    const state = fold(establishedEvents);
    const decision = decideAbsorption(state, absorbing, context);
    expect(decision).toEqual({
      _tag: 'Right',
      right: events({
        type: 'BodiesAbsorbed',
        data: {
          ...amended('2020-01-01', basis('50/QĐ-UBND', '2020-01-01')),
          absorbed: ['bcd-khac', 'bcd-thu-ba'],
          reorganisationId: 'sap-nhap-2020',
        },
      }),
    });
    const after = isRight(decision) ? decision.right.reduce(decider.evolve, state) : state;
    expect(after.status === 'active' && after.absorptions).toEqual([
      {
        on: '2020-01-01',
        absorbed: ['bcd-khac', 'bcd-thu-ba'],
        reorganisationId: 'sap-nhap-2020',
      },
    ]);
    // The absorption is a fact of the body's life: the body cannot end before it.
    const end = decideEnd(
      after,
      { basis: merger, effectiveOn: day('2019-12-01'), reason: 'dissolution', successors: [] },
      context,
    );
    expect(isLeft(end) && end.left).toMatchObject({
      _tag: 'EndBeforeLaterFact',
      fact: 'the absorption of bcd-khac, bcd-thu-ba',
    });
    const tooEarly = decideAbsorption(
      state,
      { ...absorbing, effectiveOn: day('2018-01-01') },
      context,
    );
    expect(isLeft(tooEarly) && tooEarly.left._tag).toBe('BeforeEstablishment');
    const ended = fold(acceptedAfter(establishedEvents, dissolve('2019-06-01')));
    const late = decideAbsorption(ended, absorbing, context);
    expect(isLeft(late) && late.left._tag).toBe('BodyHasEnded');
    const city = decoded(LegalBasis, basis('50/QĐ-UBND', '2020-01-01', CITY));
    const foreign = decideAbsorption(state, { ...absorbing, basis: city }, context);
    expect(isLeft(foreign) && foreign.left._tag).toBe('NoJurisdiction');
  });

  it('decideChanges refuses on a body that does not exist', () => {
    const decision = decideChanges(decider.initialState, [], merger, day('2020-01-01'), context);
    expect(isLeft(decision) && decision.left._tag).toBe('NotEstablished');
  });

  it('isTerminal: never — an ended body still takes late reports and corrections (rule 14)', () => {
    const { dutyId: _tied, ...untied } = ANNUAL_REVIEW;
    const establishOn = (effectiveOn: string, charter: unknown[]) =>
      command({
        type: 'EstablishBody',
        data: {
          bodyId: BODY,
          kind: 'working-group',
          name: NAME,
          authority: PROVINCE,
          basis: basis('3/QĐ-UBND', effectiveOn),
          effectiveOn,
          charter,
        },
      });
    const annual = [{ change: 'ImposeReportingObligation', ...untied }];
    expect(isTerminal(decider.initialState)).toBe(false);
    expect(isTerminal(fold(establishedEvents))).toBe(false);
    // Imposed in 2018, ended mid-2019: a 2018 review may still be filed, so not terminal.
    expect(
      isTerminal(
        fold(acceptedAfter([], establishOn('2018-12-04', annual), dissolve('2019-06-01'))),
      ),
    ).toBe(false);
    // Imposed in 2019, ended mid-2019: the 2019 period outlasts the body, so no report is left
    // to file; its record can still be corrected.
    const lateOnly = acceptedAfter([], establishOn('2019-02-01', annual), dissolve('2019-06-01'));
    expect(isTerminal(fold(lateOnly))).toBe(false);
    refuses(
      'ReportPeriodAfterEnd',
      fileReport('r', 'annual-review', '2019', report('1/BC', '2019-05-01')),
      lateOnly,
    );
    const recorded = new Map(lateOnly.map((event, i) => [`event-${i + 1}` as EventId, event]));
    const corrected = decider.decide(
      command({
        type: 'CorrectBodyRecord',
        data: {
          bodyId: BODY,
          corrects: 'event-1',
          basis: basis('4/QĐ-UBND', '2019-07-01'),
          correction: { correct: 'Name', name: { vi: 'Tổ công tác (đính chính)' } },
        },
      }),
      fold(lateOnly),
      { ...context, recorded },
    );
    expect(isRight(corrected) && corrected.right.map((event) => event.type)).toEqual([
      'BodyNameCorrected',
    ]);
  });
});

describe('Body stream fit', () => {
  const [established, seatCreated] = establishedEvents as [Event, Event];
  const owner = decoded(BodyId, BODY);

  it('takes the establishment first and other events after, all naming the stream’s body', () => {
    expect(contradiction(established, owner, true)).toBeUndefined();
    expect(contradiction(seatCreated, owner, false)).toBeUndefined();
  });

  it('says why an event does not fit', () => {
    expect(contradiction(established, decoded(BodyId, CITY), true)).toBe(
      `it names body ${BODY}, but the stream holds body ${CITY}`,
    );
    expect(contradiction(established, owner, false)).toBe(
      `it establishes body ${BODY} a second time`,
    );
    expect(contradiction(seatCreated, owner, true)).toBe(
      `it comes before body ${BODY} was established`,
    );
  });
});

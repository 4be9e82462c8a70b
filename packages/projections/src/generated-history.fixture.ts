/**
 * Generated histories for the read-model properties: body commands and office commands over the
 * same offices and persons — offices often changing hands — and the registry changing under the
 * body (transfers, a district dissolved, split or merged, a second superior), interleaved (each
 * keeping its own order) with instruments recorded with relations to earlier ones, corrections of
 * the body's record naming events by id, persons' names corrected, and two more bodies
 * reorganised in one command that writes several body streams in one append, with steps of the
 * store clock (0, 1 or 60 minutes, so that several commands may share an instant) and a cut point;
 * the persons (with Vietnamese names) and offices the seats name, and the authorities, are
 * recorded first; some instruments are then annulled ab initio, soon after they are cited, and
 * sometimes an establishment so withdrawn is submitted again under the same id; a body, an office
 * or a person is often established, its establishment annulled, and established again. Every
 * history draws, so that the read-model properties' floors hold in every run: an office handed
 * over between two persons no seat names, a report filed, the body's name as established
 * corrected, and a body orphaned by its district's dissolution. Apart from the history, a
 * district split with its bodies' transfers, submitted as one batch (one append over the
 * registry and several body streams).
 */
import fc from 'fast-check';
import { Body, addDays, unsafeCalendarDate, type PersonId } from '@mandate/core';
import { BodyArbitraries, OfficeArbitraries } from '@mandate/core/testing';
import { eventOf, nthEventId } from './history.fixture.js';

/** The province that establishes the generated body. */
export const PROVINCE = BodyArbitraries.PROVINCE;
/** Registers the province, as a root authority. */
export const registerProvince = {
  type: 'RegisterAuthority',
  data: {
    authorityId: PROVINCE,
    name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước' },
    level: 'province',
    basis: {
      type: 'decision',
      number: '1/QĐ-UBND',
      issuer: PROVINCE,
      signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
      signedOn: '2017-12-20',
    },
    effectiveOn: '2017-12-20',
  },
};

/** The persons both the body and the office generators name. */
const POOLED_PERSONS: ReadonlyArray<PersonId> = [
  'nguyen-van-tram',
  'tran-thi-hoa',
  'le-van-minh',
].map((person) => person as PersonId);

/**
 * Persons no generated seat names and no office history appoints: the one office hand-over every
 * history has is between them, so that the second appointment is not refused for seating a person
 * twice in the generated body (docs/reference/domain.md rule 19).
 */
const NEWCOMERS: ReadonlyArray<PersonId> = ['vo-thi-giao', 'dang-van-nhan'].map(
  (person) => person as PersonId,
);

/** Every person registered first, whose holdings the read-model properties ask for. */
export const PERSONS: ReadonlyArray<PersonId> = [...POOLED_PERSONS, ...NEWCOMERS];

/** The offices the body generators' seats name. */
const OFFICES = ['chu-tich-ubnd', 'pho-chu-tich-ubnd', 'giam-doc-so-tttt'];

/** The Vietnamese names the pooled persons are registered under, by id. */
const PERSON_NAMES: Readonly<Record<string, string>> = {
  'nguyen-van-tram': 'Nguyễn Văn Trăm',
  'tran-thi-hoa': 'Trần Thị Hòa',
  'le-van-minh': 'Lê Văn Minh',
  'vo-thi-giao': 'Võ Thị Giao',
  'dang-van-nhan': 'Đặng Văn Nhân',
};

/** The names the persons are registered under, before any correction. */
export const REGISTERED_NAMES: ReadonlyArray<string> = Object.values(PERSON_NAMES);

/**
 * What the generated seats name in other streams, recorded before anything else: every pooled
 * person registered and every pooled office established, so that seats are not refused for
 * naming them (docs/reference/domain.md rules 18 and 19).
 */
const { basis, effectiveOn } = registerProvince.data;
const seatedWorld: ReadonlyArray<unknown> = [
  ...PERSONS.map((personId) => ({
    type: 'RegisterPerson',
    data: { personId, name: PERSON_NAMES[personId] ?? personId, basis, effectiveOn },
  })),
  ...OFFICES.map((officeId) => ({
    type: 'EstablishOffice',
    data: { officeId, authority: PROVINCE, name: { vi: officeId }, basis, effectiveOn },
  })),
];

/** Office histories over the offices and persons the body generators name. */
const officePools: OfficeArbitraries.OfficePools = {
  ...OfficeArbitraries.defaultOfficePools,
  offices: ['chu-tich-ubnd', 'giam-doc-so-tttt'],
  persons: ['nguyen-van-tram', 'tran-thi-hoa', 'le-van-minh'],
  authorities: fc.constant(PROVINCE),
};

const START_OF_WINDOW = unsafeCalendarDate('2018-01-01');

/**
 * An office changing hands: one person appointed, then another (substantive, sometimes acting)
 * from a later date, with a seat of the generated body following the office from the first
 * appointment (refused when a seat of its charter follows it already), so that the ex-officio
 * seats following the office change holder with it. Every history has one at least, on an
 * office the office histories leave alone (they may abolish theirs) and between
 * {@link NEWCOMERS}; annulments may withdraw the office histories' appointments.
 */
const handover = (offices: ReadonlyArray<string>, persons: ReadonlyArray<PersonId>) =>
  fc
    .record({
      officeId: fc.constantFrom(...offices),
      persons: fc.uniqueArray(fc.constantFrom(...persons), { minLength: 2, maxLength: 2 }),
      // After 2018, when the generated body is usually established, so that its seat may follow.
      first: fc.integer({ min: 365, max: 700 }),
      gap: fc.integer({ min: 1, max: 400 }),
      capacity: fc.constantFrom('substantive', 'substantive', 'acting'),
    })
    .map(({ officeId, persons, first, gap, capacity }) => ({
      seat: {
        type: 'AmendBody',
        data: {
          bodyId: BodyArbitraries.BODY,
          basis: { ...registerProvince.data.basis, number: `S${first}/QĐ-UBND` },
          effectiveOn: addDays(START_OF_WINDOW, first) ?? START_OF_WINDOW,
          changes: [
            {
              change: 'CreateSeat',
              seatId: `seat-${officeId}`,
              roles: Body.roleSet('member'),
              holder: { follows: 'office', office: officeId },
            },
          ],
        },
      },
      appointments: persons.map((person, i) => {
        const effectiveOn = addDays(START_OF_WINDOW, first + i * gap) ?? START_OF_WINDOW;
        return {
          type: 'AppointOfficeHolder',
          data: {
            officeId,
            person,
            capacity: i === 0 ? 'substantive' : capacity,
            basis: { ...registerProvince.data.basis, number: `${first + i}/QĐ-UBND` },
            effectiveOn,
          },
        };
      }),
    }));

/**
 * Reports filed around their due date for the obligations generated charters impose (the annual
 * review, the quarterly report), some corrected later, so that compliance reaches every status.
 */
const reportsAroundDueDates = fc
  .record({
    obligation: fc.constantFrom(
      { obligationId: 'annual-review', periods: ['2018', '2019'] },
      { obligationId: 'quarterly-report', periods: ['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2'] },
    ),
    pick: fc.nat(),
    delay: fc.integer({ min: -20, max: 60 }),
    correction: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    id: fc.nat({ max: 3 }),
  })
  .map(({ obligation, pick, delay, correction, id }) => {
    const period = obligation.periods[pick % obligation.periods.length] ?? '2019';
    const end = Body.periodInterval(period as Body.PeriodLabel).to;
    const submittedOn = addDays(end, delay) ?? end;
    const document = { reference: `${id}/BC-BCĐ`, filedBy: BodyArbitraries.BODY, submittedOn };
    const filed = { bodyId: BodyArbitraries.BODY, reportId: `timely-${id}`, document };
    const file = {
      type: 'FileReport',
      data: { ...filed, obligationId: obligation.obligationId, period },
    };
    if (correction === undefined) return [file];
    const corrected = { ...document, submittedOn: addDays(submittedOn, correction) ?? submittedOn };
    const data = { ...filed, reportId: `timely-${id}-corrected`, supersedes: filed.reportId };
    return [file, { type: 'CorrectReport', data: { ...data, document: corrected } }];
  });

/**
 * Searches asked of every generated history: with and without diacritics, in other cases and
 * spacings, by part of a name or an instrument's number, and ones that find nothing or everything.
 */
export const SEARCHES: ReadonlyArray<string> = [
  'chuyen  doi so',
  'Hoà',
  '3/QÐ-TTG',
  'Quyết định sửa đổi',
  '',
];

/** Corrected spellings of the pooled persons' names (one only in its Unicode form). */
const CORRECTED_NAMES = ['Trần Thị Hoà', 'Trần Thị Hoa', 'Nguyễn Văn Trâm', 'Lê Văn Mính'];

/** A pooled person's name corrected, on the province's own instrument. */
const nameCorrection = fc
  .record({
    personId: fc.constantFrom(...POOLED_PERSONS),
    name: fc.constantFrom(...CORRECTED_NAMES),
    on: BodyArbitraries.windowDate,
  })
  .map(({ personId, name, on }) => ({
    type: 'CorrectPersonName',
    data: {
      personId,
      corrects: eventOf(`person-${personId}`, 0),
      name,
      // An instrument of its own, so that an annulment may withdraw the correction alone.
      basis: { ...basis, number: `N-${personId}/QĐ-UBND` },
      effectiveOn: on,
    },
  }));

/**
 * Instruments of the Prime Minister's kind (`n/QĐ-TTg`, issued by the province for the test),
 * signed in order, each later one amending, replacing, repealing, annulling or based on some of
 * the earlier ones — so that relations reach instruments both ways.
 */
const relatedInstruments = fc
  .array(
    fc.record({
      related: fc.array(
        fc.record({
          earlier: fc.nat(),
          kind: fc.constantFrom('amends', 'replaces', 'repeals', 'annuls', 'on-the-basis-of'),
        }),
        { maxLength: 2 },
      ),
      title: fc.constantFrom('Quyết định sửa đổi Quy chế', 'Quyết định thành lập Ban Chỉ đạo'),
    }),
    { maxLength: 4 },
  )
  .map((drafts) => {
    const instruments = drafts.map((_, i) => ({
      type: 'decision',
      number: `${i + 1}/QĐ-TTg`,
      issuer: PROVINCE,
      signer: { name: 'Nguyễn Xuân Phúc', title: 'Thủ tướng Chính phủ' },
      signedOn: addDays(START_OF_WINDOW, 30 * i) ?? START_OF_WINDOW,
    }));
    return drafts.map(({ related, title }, i) => {
      const instrument = instruments[i] ?? basis;
      const relations =
        i === 0
          ? []
          : [
              ...new Map(
                related.map(({ earlier, kind }) => {
                  const to = instruments[earlier % i] ?? basis;
                  const { number, issuer, signedOn } = to;
                  return [`${kind}${number}`, { kind, to: { number, issuer, signedOn } }] as const;
                }),
              ).values(),
            ];
      return {
        type: 'RecordInstrument',
        data: {
          basis: { ...instrument, title: { vi: `${title} ${i + 1}` } },
          effectiveOn: instrument.signedOn,
          relations,
        },
      };
    });
  });

/** The districts registered under the province, and the council placed above the first one. */
export const DISTRICTS = ['district-a', 'district-b', 'district-c'] as const;
const COUNCIL = 'hdnd-tinh-binh-phuoc';

/**
 * The council's own instrument, and one of the province behind the districts' registration and
 * every transfer (a second and a third place the council and end the district): few
 * instruments, so that the events the generated corrections name by id still fall on the body's.
 */
const councilInstrument = {
  ...registerProvince.data.basis,
  number: 'R0/QĐ-HĐND',
  issuer: COUNCIL,
  signedOn: '2017-12-21',
};
const provinceInstrument = {
  ...registerProvince.data.basis,
  number: 'R1/QĐ-UBND',
  signedOn: '2017-12-22',
};

/** Registers a district under the province, by the province's instrument (or `cited`). */
const registerDistrict = (authorityId: string, cited = provinceInstrument) => ({
  type: 'RegisterAuthority',
  data: {
    authorityId,
    name: { vi: `Ủy ban nhân dân huyện ${authorityId}` },
    level: 'district',
    parent: PROVINCE,
    basis: cited,
    effectiveOn: '2017-12-22',
  },
});
/** The province's instruments placing the council above the first district, and ending it. */
const superiorInstrument = { ...provinceInstrument, number: 'R2/QĐ-UBND' };
const endInstrument = { ...provinceInstrument, number: 'R3/QĐ-UBND' };

/**
 * The registry changing under the generated body: districts registered under the province, a
 * council placed above the first district, the body transferred to it (by the province, above
 * both) and back or onwards, and the first district then ended — dissolved (its bodies
 * orphaned), split between the other two, or merged into the second — or left alone.
 */
const reorganisedAuthorities = fc
  .record({
    // The first transfer goes to the district that may end, so that its bodies may be orphaned.
    transfers: fc
      .tuple(
        fc.integer({ min: 0, max: 300 }),
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 800 }),
            to: fc.constantFrom(...DISTRICTS, PROVINCE),
          }),
          { maxLength: 1 },
        ),
      )
      .map(([day, rest]) => [{ day, to: 'district-a' }, ...rest]),
    superiorDay: fc.option(fc.integer({ min: 0, max: 250 }), { nil: undefined, freq: 4 }),
    end: fc.constantFrom('none', 'dissolve', 'dissolve', 'split', 'split', 'merge'),
    endDay: fc.integer({ min: 300, max: 900 }),
  })
  .map(({ transfers, superiorDay, end, endDay }) => {
    const on = (day: number) => addDays(START_OF_WINDOW, day) ?? START_OF_WINDOW;
    const registrations: unknown[] = [
      {
        type: 'RegisterAuthority',
        data: {
          authorityId: COUNCIL,
          name: { vi: 'Hội đồng nhân dân tỉnh Bình Phước' },
          level: 'province',
          basis: councilInstrument,
          effectiveOn: '2017-12-21',
        },
      },
      ...DISTRICTS.map((district) => registerDistrict(district)),
    ];
    const changes: unknown[] = [
      ...(superiorDay === undefined
        ? []
        : [
            {
              type: 'AddAuthoritySuperior',
              data: {
                authorityId: 'district-a',
                superior: COUNCIL,
                basis: superiorInstrument,
                effectiveOn: on(superiorDay),
              },
            },
          ]),
      ...transfers.map(({ day, to }) => ({
        type: 'TransferBody',
        data: {
          bodyId: BodyArbitraries.BODY,
          to,
          basis: provinceInstrument,
          effectiveOn: on(day),
        },
      })),
      ...(end === 'none'
        ? []
        : [
            {
              type:
                end === 'dissolve'
                  ? 'DissolveAuthority'
                  : end === 'split'
                    ? 'SplitAuthority'
                    : 'MergeAuthority',
              data: {
                authorityId: 'district-a',
                ...(end === 'split' ? { into: ['district-b', 'district-c'] } : {}),
                ...(end === 'merge' ? { into: 'district-b' } : {}),
                basis: endInstrument,
                effectiveOn: on(endDay),
              },
            },
          ]),
    ];
    return { registrations, changes };
  });

/** The district {@link orphaning} dissolves, and the body it leaves without an authority. */
const ORPHANING = { district: 'district-g', body: 'bcd-mo-coi' } as const;

/**
 * A body established under a district of its own, and that district dissolved by a later
 * instrument, leaving the body orphaned: drawn in every history, as the generated body reaches a
 * dissolved district seldom (transferred there, not moved on, and the district dissolved).
 */
const orphaning = fc.integer({ min: 1, max: 400 }).map((day) => {
  const instrument = { ...provinceInstrument, number: 'R5/QĐ-UBND' };
  return {
    registration: registerDistrict(ORPHANING.district, instrument),
    changes: [
      {
        type: 'EstablishBody',
        data: {
          bodyId: ORPHANING.body,
          kind: 'working-group',
          name: { vi: 'Tổ công tác mồ côi' },
          authority: ORPHANING.district,
          basis: instrument,
          effectiveOn: START_OF_WINDOW,
        },
      },
      {
        type: 'DissolveAuthority',
        data: {
          authorityId: ORPHANING.district,
          basis: { ...instrument, number: 'R6/QĐ-UBND' },
          effectiveOn: addDays(START_OF_WINDOW, day) ?? START_OF_WINDOW,
        },
      },
    ],
  };
});

/** The bodies the generated reorganisations end or absorb into, beside the generated body. */
export const REORGANISED_BODIES = ['bcd-khac-1', 'bcd-khac-2'] as const;

/**
 * Two more bodies established, then reorganised in one command that writes several body streams
 * in one append (docs/reference/domain.md rule 5): merged into a new body, one split into two new
 * ones, one absorbed into the other, or the first merged with the generated body.
 */
const bodyReorganisation = fc
  .record({
    kind: fc.constantFrom('merge', 'split', 'absorb', 'merge-generated'),
    established: fc.integer({ min: 0, max: 300 }),
    after: fc.integer({ min: 1, max: 700 }),
  })
  .map(({ kind, established, after }) => {
    const on = (day: number) => addDays(START_OF_WINDOW, day) ?? START_OF_WINDOW;
    const [first, second] = REORGANISED_BODIES;
    const newBody = (bodyId: string, vi: string) => ({
      bodyId,
      kind: 'working-group',
      name: { vi },
      authority: PROVINCE,
    });
    const common = {
      reorganisationId: `to-chuc-lai-${kind}`,
      basis: provinceInstrument,
      effectiveOn: on(established + after),
    };
    const reorganisation =
      kind === 'split'
        ? {
            type: 'SplitBody',
            data: {
              ...common,
              body: first,
              successors: [newBody('bcd-tach-1', 'Tổ tách 1'), newBody('bcd-tach-2', 'Tổ tách 2')],
            },
          }
        : kind === 'absorb'
          ? { type: 'AbsorbBodies', data: { ...common, bodies: [second], into: first } }
          : {
              type: 'MergeBodies',
              data: {
                ...common,
                bodies: kind === 'merge' ? [first, second] : [BodyArbitraries.BODY, first],
                successor: newBody('bcd-hop-nhat', 'Tổ hợp nhất'),
              },
            };
    return [
      ...REORGANISED_BODIES.map((bodyId, i) => ({
        type: 'EstablishBody',
        data: {
          ...newBody(bodyId, `Tổ công tác ${i + 1}`),
          basis: provinceInstrument,
          effectiveOn: on(established),
        },
      })),
      reorganisation,
    ];
  });

/** The ids {@link withdrawnEstablishment} establishes, withdraws and establishes again. */
export const WITHDRAWN_IDS = {
  body: 'bcd-rut-lai',
  office: 'pho-giam-doc-so-tttt',
  person: 'pham-van-rut',
} as const;

/** The command annulling the instrument of that number, issuer and signing date by `annulling`, from its signing date. */
const annulment = (
  { number, issuer, signedOn }: Pick<typeof basis, 'number' | 'issuer' | 'signedOn'>,
  annulling: typeof basis,
) => ({
  type: 'AnnulInstrument',
  data: {
    instrument: { number, issuer, signedOn },
    basis: annulling,
    effectiveOn: annulling.signedOn,
  },
});

/**
 * A body, an office or a person established by an instrument of its own, that instrument annulled
 * up to a year later (withdrawing the establishment, on which nothing else rests), and the same
 * id established again under the annulling instrument: refused, as the id stays taken
 * (docs/reference/domain.md rule 14).
 */
const withdrawnEstablishment = fc
  .record({
    kind: fc.constantFrom('body', 'office', 'person'),
    day: fc.integer({ min: 0, max: 600 }),
    days: fc.integer({ min: 0, max: 365 }),
  })
  .map(({ kind, day, days }) => {
    const on = addDays(START_OF_WINDOW, day) ?? START_OF_WINDOW;
    const own = { ...basis, number: 'W1/QĐ-UBND', signedOn: on };
    const annulling = { ...basis, number: 'AW1/QĐ-UBND', signedOn: addDays(on, days) ?? on };
    const establish = (cited: typeof own) =>
      kind === 'body'
        ? {
            type: 'EstablishBody',
            data: {
              bodyId: WITHDRAWN_IDS.body,
              kind: 'working-group',
              name: { vi: 'Tổ công tác rút lại' },
              authority: PROVINCE,
              basis: cited,
              effectiveOn: on,
            },
          }
        : kind === 'office'
          ? {
              type: 'EstablishOffice',
              data: {
                officeId: WITHDRAWN_IDS.office,
                authority: PROVINCE,
                name: { vi: 'Phó Giám đốc Sở Thông tin và Truyền thông' },
                basis: cited,
                effectiveOn: on,
              },
            }
          : {
              type: 'RegisterPerson',
              data: {
                personId: WITHDRAWN_IDS.person,
                name: 'Phạm Văn Rút',
                basis: cited,
                effectiveOn: on,
              },
            };
    const annul = annulment(own, annulling);
    return [establish(own), annul, establish(annulling)];
  });

/** The district split by {@link authoritySplitBatch}, its successors, and the bodies under it. */
export const SPLIT_DISTRICTS = ['district-d', 'district-e', 'district-f'] as const;
const DISTRICT_BODIES = ['bcd-huyen-1', 'bcd-huyen-2'] as const;

/**
 * A district split into two, with its bodies transferred to the successors in the same batch —
 * one append writing the authority registry and several body streams (some bodies may be left
 * orphaned): `prelude` registers the districts and establishes the bodies, `batch` is submitted
 * as one batch.
 */
export const authoritySplitBatch = fc
  .record({
    day: fc.integer({ min: 0, max: 900 }),
    moved: fc.constantFrom([0, 1], [1, 0], [0], [1]),
  })
  .map(({ day, moved }) => {
    const [split, ...successors] = SPLIT_DISTRICTS;
    const effectiveOn = addDays(START_OF_WINDOW, day) ?? START_OF_WINDOW;
    const prelude: unknown[] = [
      ...SPLIT_DISTRICTS.map((district) => registerDistrict(district)),
      ...DISTRICT_BODIES.map((bodyId, i) => ({
        type: 'EstablishBody',
        data: {
          bodyId,
          kind: 'working-group',
          name: { vi: `Tổ công tác huyện ${i + 1}` },
          authority: split,
          basis: provinceInstrument,
          effectiveOn: START_OF_WINDOW,
        },
      })),
    ];
    const batch: unknown[] = [
      {
        type: 'SplitAuthority',
        data: { authorityId: split, into: successors, basis: provinceInstrument, effectiveOn },
      },
      ...moved.map((body, i) => ({
        type: 'TransferBody',
        data: {
          bodyId: DISTRICT_BODIES[body],
          to: successors[i],
          basis: provinceInstrument,
          effectiveOn,
        },
      })),
    ];
    return { prelude, batch };
  });

/** The erratum (placeholder) behind the generated corrections of the body's record. */
const erratum = { ...registerProvince.data.basis, number: '99/QĐ-UBND', signedOn: '2019-06-01' };

/**
 * A correction of the generated body's record (rule 14), naming an event by the id the test
 * handler gives the n-th event it records (`nthEventId`) or by its place in the body's stream
 * (`eventOf`): its date, its name, its seat roles or its seat holder.
 * Many name an event of another stream or kind, or break a rule, and are refused; the rest
 * change what the read models answer as known from their recording.
 */
const bodyCorrection = fc
  .record({
    corrects: fc.oneof(
      fc.integer({ min: 1, max: 90 }).map(nthEventId),
      fc.nat({ max: 12 }).map((n) => eventOf(`body-${BodyArbitraries.BODY}`, n)),
    ),
    correction: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          correct: fc.constant('Date'),
          effectiveOn: BodyArbitraries.windowDate,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          correct: fc.constant('Name'),
          name: fc.constant({ vi: 'Ban Chỉ đạo (đính chính)' }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ correct: fc.constant('Roles'), roles: BodyArbitraries.roles }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          correct: fc.constant('Holder'),
          holder: fc.option(BodyArbitraries.holder, { nil: null, freq: 3 }),
        }),
      },
    ),
  })
  .map(({ corrects, correction }) => ({
    type: 'CorrectBodyRecord',
    data: { bodyId: BodyArbitraries.BODY, corrects, basis: erratum, correction },
  }));

/**
 * A correction of the generated body's name as established (its stream's first event), keeping the
 * words the searches look for: drawn in every history, and accepted unless the establishment was
 * refused or withdrawn, so that every history corrects the body's record at least once probably.
 */
const establishmentNameCorrection = {
  type: 'CorrectBodyRecord',
  data: {
    bodyId: BodyArbitraries.BODY,
    corrects: eventOf(`body-${BodyArbitraries.BODY}`, 0),
    basis: erratum,
    correction: {
      correct: 'Name',
      name: { vi: 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh (đính chính)' },
    },
  },
};

/** A generated history's commands, clock steps in minutes, and where to cut. */
interface GeneratedHistory {
  readonly commands: ReadonlyArray<unknown>;
  readonly steps: ReadonlyArray<number>;
  readonly cut: number;
}

/** The instrument a command cites as its `basis`, if it cites one. */
const citedBy = (command: unknown) =>
  (command as { readonly data?: { readonly basis?: typeof basis } }).data?.basis;

/** The commands changing the registry, and the one correcting a person. */
const REGISTRY_COMMANDS = new Set([
  'RegisterAuthority',
  'AddAuthoritySuperior',
  'DissolveAuthority',
  'SplitAuthority',
  'MergeAuthority',
]);
const PERSON_COMMANDS = new Set(['CorrectPersonName']);

/**
 * The kind of stream a generated command changes: the body's, an office's, a person's, the
 * registry's, or only the instrument registry.
 */
function streamKindOf(command: unknown): 'body' | 'office' | 'person' | 'registry' | 'instrument' {
  const { type, data } = command as {
    readonly type: string;
    readonly data: Readonly<Record<string, unknown>>;
  };
  if (type === 'RecordInstrument' || type === 'AnnulInstrument') return 'instrument';
  if (REGISTRY_COMMANDS.has(type)) return 'registry';
  if (PERSON_COMMANDS.has(type)) return 'person';
  return data['officeId'] !== undefined && data['bodyId'] === undefined ? 'office' : 'body';
}

/**
 * The commands that begin a body, office or person stream (an absorption begins none): after an
 * annulment of one's instrument, the same command is sometimes submitted again, under the
 * annulling instrument.
 */
const ESTABLISHING_COMMANDS = new Set([
  'EstablishBody',
  'EstablishOffice',
  'RegisterPerson',
  'MergeBodies',
  'SplitBody',
  'SucceedBody',
]);

/**
 * Up to three annulments ab initio (rule 14), each of the instrument a command of `history` cites
 * — a command of a kind of stream drawn first (the body's, an office's, a person's, the
 * registry's; any command when the history has none of that kind), never one of the persons and
 * offices recorded first — by an instrument signed up to a year later, submitted right after that
 * command or a few commands on. Most are accepted, withdrawing what the instrument changed; the
 * others are refused, as an annulment with dependents or of an instrument annulled already is.
 * When the command establishes a body, an office or a person, it is sometimes submitted again
 * right after the annulment, under the annulling instrument: refused as the id stays taken when
 * the annulment withdrew the establishment, or as established already when it did not.
 */
const withAnnulments = ({ commands, steps, cut }: GeneratedHistory) =>
  fc
    .array(
      fc.record({
        kind: fc.constantFrom('body', 'office', 'person', 'registry'),
        target: fc.nat(),
        later: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat({ max: 3 })),
        days: fc.integer({ min: 0, max: 365 }),
        again: fc.boolean(),
      }),
      { maxLength: 3 },
    )
    .map((drafts): GeneratedHistory => {
      const annulled = [...commands];
      drafts.forEach(({ kind, target, later, days, again }, k) => {
        const candidates = annulled.flatMap((command, i) =>
          i < seatedWorld.length ||
          citedBy(command) === undefined ||
          streamKindOf(command) === 'instrument'
            ? []
            : [i],
        );
        const ofKind = candidates.filter((i) => streamKindOf(annulled[i]) === kind);
        const pool = ofKind.length > 0 ? ofKind : candidates;
        const at = pool[target % Math.max(1, pool.length)];
        const cited = at === undefined ? undefined : citedBy(annulled[at]);
        if (at === undefined || cited === undefined) return;
        const { number, issuer, signedOn } = cited;
        const annulling = {
          ...basis,
          number: `A${k + 1}/QĐ-UBND`,
          signedOn: addDays(unsafeCalendarDate(signedOn), days) ?? signedOn,
        };
        const annul = annulment({ number, issuer, signedOn }, annulling);
        const establishment = annulled[at] as { readonly type: string; readonly data: object };
        const reestablish = { ...establishment, data: { ...establishment.data, basis: annulling } };
        const reestablished = again && ESTABLISHING_COMMANDS.has(establishment.type);
        annulled.splice(
          Math.min(at + 1 + later, annulled.length),
          0,
          ...(reestablished ? [annul, reestablish] : [annul]),
        );
      });
      return { commands: annulled, steps, cut };
    });

/** A history: body and office commands interleaved, clock steps in minutes, and where to cut. */
export const history = fc
  .tuple(
    BodyArbitraries.bodyCommands(14),
    OfficeArbitraries.officeHistoryArbitrary(officePools, { maxLength: 8 }),
    fc
      .tuple(
        handover(['pho-chu-tich-ubnd'], NEWCOMERS),
        fc.array(handover(officePools.offices, POOLED_PERSONS), { maxLength: 1 }),
      )
      .map(([first, rest]) => [first, ...rest]),
    fc.array(reportsAroundDueDates, { minLength: 1, maxLength: 3 }),
    fc.array(bodyCorrection, { maxLength: 4 }),
    relatedInstruments,
    fc.array(nameCorrection, { maxLength: 2 }),
    reorganisedAuthorities,
    bodyReorganisation,
    fc.option(withdrawnEstablishment, { nil: [], freq: 3 }),
    orphaning,
  )
  .map(
    ([
      body,
      office,
      handovers,
      reports,
      corrections,
      instruments,
      renames,
      authorities,
      bodies,
      withdrawn,
      orphaned,
    ]) =>
      [
        [
          ...body,
          ...handovers.map(({ seat }) => seat),
          ...reports.flat(),
          establishmentNameCorrection,
          ...corrections,
          ...renames,
          ...authorities.changes,
        ],
        [
          ...office,
          ...handovers.flatMap(({ appointments }) => appointments),
          ...instruments,
          ...bodies,
          ...withdrawn,
          ...orphaned.changes,
        ],
        [...authorities.registrations, orphaned.registration],
      ] as const,
  )
  .chain(([body, office, registrations]) =>
    fc
      .tuple(
        fc.array(fc.boolean(), {
          minLength: body.length + office.length,
          maxLength: Math.max(40, body.length + office.length),
        }),
        fc.array(fc.constantFrom(0, 1, 60), { minLength: 40, maxLength: 40 }),
        fc.nat({ max: body.length + office.length }),
      )
      .map(([picks, steps, cut]) => {
        const [b, o] = [[...body], [...office]];
        const commands: unknown[] = picks.flatMap((pickBody) => {
          const next = (pickBody && b.length > 0) || o.length === 0 ? b.shift() : o.shift();
          return next === undefined ? [] : [next];
        });
        return { commands: [...seatedWorld, ...registrations, ...commands], steps, cut };
      }),
  )
  .chain(withAnnulments);

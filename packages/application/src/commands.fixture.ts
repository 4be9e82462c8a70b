/**
 * Test fixtures: commands as plain JSON, exactly as an embedding system would submit them, built
 * around the seed's province (Bình Phước), one city below it, offices, a person and steering
 * committees that are established, amended and merged.
 */
import { createHash } from 'node:crypto';

/** The province: a root of the hierarchy in these tests. */
export const PROVINCE = 'ubnd-tinh-binh-phuoc';
/** A city below the province: it has no jurisdiction over what the province established. */
export const CITY = 'ubnd-tp-dong-xoai';

/** An instrument of `issuer`, signed on `signedOn`. */
export const instrument = (issuer: string, signedOn: string, number = '1234/QĐ-UBND') => ({
  type: 'decision',
  number,
  issuer,
  signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
  signedOn,
});

/** Wraps a command in an envelope submitted by a clerk. */
export const envelope = (
  commandId: string,
  command: unknown,
  extra: Readonly<Record<string, unknown>> = {},
) => ({ commandId, actor: 'clerk@ubnd-binh-phuoc', command, ...extra });

/** Registers the province as a root authority (by its own instrument). */
export const registerProvince = {
  type: 'RegisterAuthority',
  data: {
    authorityId: PROVINCE,
    name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước', en: "Bình Phước Provincial People's Committee" },
    level: 'province',
    basis: instrument(PROVINCE, '2017-12-20', '1/QĐ-UBND'),
    effectiveOn: '2017-12-20',
  },
};

/** Registers the city below the province. */
export const registerCity = {
  type: 'RegisterAuthority',
  data: {
    authorityId: CITY,
    name: { vi: 'Ủy ban nhân dân thành phố Đồng Xoài' },
    level: 'district',
    parent: PROVINCE,
    basis: instrument(PROVINCE, '2018-01-02', '2/QĐ-UBND'),
    effectiveOn: '2018-01-02',
  },
};

/** Establishes an office of the province. */
export const establishOffice = (officeId = 'chu-tich-ubnd-tinh', vi = 'Chủ tịch UBND tỉnh') => ({
  type: 'EstablishOffice',
  data: {
    officeId,
    authority: PROVINCE,
    name: { vi },
    basis: instrument(PROVINCE, '2018-01-05', '5/QĐ-UBND'),
    effectiveOn: '2018-01-05',
  },
});

/** Appoints a person to an office, substantively. */
export const appointOfficeHolder = (
  officeId = 'chu-tich-ubnd-tinh',
  person = 'nguyen-van-tram',
  effectiveOn = '2018-02-01',
) => ({
  type: 'AppointOfficeHolder',
  data: {
    officeId,
    person,
    capacity: 'substantive',
    basis: instrument(PROVINCE, effectiveOn, '7/QĐ-UBND'),
    effectiveOn,
  },
});

/** Registers a person (the seed's chairman). */
export const registerPerson = (personId = 'nguyen-van-tram', name = 'Nguyễn Văn Trăm') => ({
  type: 'RegisterPerson',
  data: {
    personId,
    name,
    basis: instrument(PROVINCE, '2018-01-10', '9/QĐ-UBND'),
    effectiveOn: '2018-01-10',
  },
});

/** Establishes a steering committee of the province, headed ex officio by its chairman. */
export const establishBody = (
  bodyId: string,
  {
    effectiveOn = '2018-03-01',
    issuer = PROVINCE,
    authority = PROVINCE,
  }: { effectiveOn?: string; issuer?: string; authority?: string } = {},
) => ({
  type: 'EstablishBody',
  data: {
    bodyId,
    kind: 'steering-committee',
    name: { vi: `Ban Chỉ đạo ${bodyId}` },
    authority,
    basis: instrument(issuer, effectiveOn, '100/QĐ-UBND'),
    effectiveOn,
    charter: [
      {
        change: 'CreateSeat',
        seatId: 'truong-ban',
        roles: ['head'],
        holder: { follows: 'office', office: 'chu-tich-ubnd-tinh', namedPerson: 'nguyen-van-tram' },
      },
      {
        change: 'CreateSeat',
        seatId: 'thuong-truc',
        roles: ['standing-member', 'secretary'],
        holder: { follows: 'office', office: 'giam-doc-so-tttt' },
      },
      {
        change: 'AssignDuty',
        dutyId: 'tham-muu',
        category: 'advise',
        text: { vi: 'Tham mưu cho UBND tỉnh về xây dựng chính quyền điện tử.' },
      },
    ],
  },
});

/** Adds a seat to a body, with the given roles, held ex officio by `office`. */
export const createSeat = (
  bodyId: string,
  seatId: string,
  office: string,
  {
    roles = ['member'],
    effectiveOn = '2018-06-01',
  }: { roles?: string[]; effectiveOn?: string } = {},
) => ({
  type: 'AmendBody',
  data: {
    bodyId,
    basis: instrument(PROVINCE, effectiveOn, '200/QĐ-UBND'),
    effectiveOn,
    changes: [{ change: 'CreateSeat', seatId, roles, holder: { follows: 'office', office } }],
  },
});

/** Renames a body. */
export const renameBody = (bodyId: string, vi: string, effectiveOn = '2018-07-01') => ({
  type: 'AmendBody',
  data: {
    bodyId,
    basis: instrument(PROVINCE, effectiveOn, '300/QĐ-UBND'),
    effectiveOn,
    changes: [{ change: 'Rename', name: { vi } }],
  },
});

/** Merges `bodies` into a new body `successor`, carrying the first body's duty over. */
export const mergeBodies = (
  reorganisationId: string,
  bodies: ReadonlyArray<string>,
  successor: string,
  effectiveOn = '2018-12-04',
) => ({
  type: 'MergeBodies',
  data: {
    reorganisationId,
    basis: instrument(PROVINCE, effectiveOn, '…/QĐ-UBND'),
    effectiveOn,
    bodies,
    successor: {
      bodyId: successor,
      kind: 'steering-committee',
      name: { vi: 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh' },
      authority: PROVINCE,
    },
    carriedDuties: [{ fromBody: bodies[0], fromDuty: 'tham-muu', dutyId: 'tham-muu' }],
  },
});

/** A fixture command's instrument, as the fixtures cite it. */
type CitedBasis = ReturnType<typeof instrument>;

/** A command as the fixtures build it, citing an instrument or not. */
export interface CitingCommand {
  readonly data: { readonly basis?: CitedBasis };
}

/** Records `basis` in the instrument registry, in force from its signing date. */
export const recordInstrument = (basis: CitedBasis) => ({
  type: 'RecordInstrument',
  data: { basis, effectiveOn: basis.signedOn, relations: [] },
});

/**
 * The envelopes recording every instrument `commands` cite (rule 15: the registry is mandatory),
 * once each, in order of first citation; each under a command id naming its instrument, so
 * recording one again is a duplicate.
 */
export const recordingsOf = (...commands: ReadonlyArray<CitingCommand>) => {
  const seen = new Map<string, CitedBasis>();
  for (const { data } of commands) {
    if (data.basis === undefined) continue;
    const { number, issuer, signedOn } = data.basis;
    const digest = createHash('sha256').update(`${number}|${issuer}|${signedOn}`).digest('hex');
    const id = `instrument-${digest.slice(0, 16)}`;
    if (!seen.has(id)) seen.set(id, data.basis);
  }
  return [...seen].map(([id, basis]) => envelope(id, recordInstrument(basis)));
};

/** Every fixture command with its default dates: the instruments the fixtures cite unless told otherwise. */
export const defaultFixtureCommands = (): ReadonlyArray<CitingCommand> => [
  registerProvince,
  registerCity,
  establishOffice(),
  appointOfficeHolder(),
  registerPerson(),
  establishBody('any'),
  createSeat('any', 'any', 'any'),
  renameBody('any', 'any'),
  mergeBodies('any', [], 'any'),
];

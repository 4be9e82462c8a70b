/**
 * The seed case as data: the 2018 decision of the People's Committee of Bình Phước province
 * merging three steering committees into one Steering Committee for building e-government, as a
 * provincial news item of 4 December 2018 reported it (docs/tutorials/the-seed-story.md tells it
 * step by step). Every command is plain JSON, exactly as an embedding system
 * would submit it; decode it with the aggregates' `Command` codecs.
 *
 * The article gives neither the decision's number nor its exact effective date, nor the
 * predecessors' founding instruments, nor any member's name but the Chairman's. Placeholders are
 * obvious and never real-looking: instrument numbers start with `…` (or `XXXX`), and facts the
 * article does not state are marked ASSUMED below. No other person is invented: seats of offices
 * with no recorded holder resolve to "vacant (no holder recorded)". Every instrument the story
 * cites is recorded in the instrument registry just before its first citation (rule 15).
 */
import { recordingCitedInstruments, type SeedStep } from './story-step.js';

/** Ids used throughout the seed, so tests and examples can refer to them by name. */
export const SeedIds = {
  nationalAssembly: 'quoc-hoi',
  government: 'chinh-phu',
  province: 'ubnd-tinh-binh-phuoc',
  dongXoai: 'ubnd-tp-dong-xoai',
  dongNai: 'ubnd-tinh-dong-nai',
  tram: 'nguyen-van-tram',
  successor: 'bcd-xay-dung-chinh-quyen-dien-tu',
  predecessors: {
    reform: 'bcd-cai-cach-tthc-cntt-cqdt',
    scheme: 'bcd-de-an-phat-trien-cntt-2018-2020',
    itApplication: 'bcd-ung-dung-phat-trien-cntt',
  },
  nationalCommittee: 'uy-ban-quoc-gia-chinh-phu-dien-tu',
  merger: 'hop-nhat-bcd-cqdt-2018',
  annualReview: 'so-ket-hang-nam',
  periodicReport: 'bao-cao-dinh-ky',
} as const;

/** The date the article was published; ASSUMED to be the decision's signing and effective date. */
export const SEED_DECISION_DATE = '2018-12-04';

const ppcChairmanSigner = {
  name: 'Nguyễn Văn Trăm',
  title: 'Chủ tịch UBND tỉnh',
  person: SeedIds.tram,
};

/** The merger decision: number unknown, so an obvious placeholder. */
export const seedMergerDecision = {
  type: 'decision',
  number: '…/QĐ-UBND',
  issuer: SeedIds.province,
  signer: ppcChairmanSigner,
  signedOn: SEED_DECISION_DATE,
  title: {
    vi: 'Quyết định thành lập Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
    en: "Decision establishing Bình Phước province's Steering Committee for building e-government",
  },
} as const;

/** A placeholder instrument (ASSUMED: the article cites none of these). */
const placeholderInstrument = (
  type: string,
  number: string,
  issuer: string,
  signedOn: string,
  signer: { readonly name: string; readonly title: string },
) => ({ type, number, issuer, signer, signedOn });

const placeholderSigner = { name: 'Người ký (chưa rõ)', title: 'Placeholder signer' };

/** The offices the decision seats ex officio, in the article's order (id, Vietnamese, English). */
export const seedOffices = [
  ['chu-tich-ubnd-tinh', 'Chủ tịch UBND tỉnh', 'Chairman of the Provincial People’s Committee'],
  [
    'pho-chu-tich-ubnd-tinh-vhxh',
    'Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực Văn hóa - Xã hội',
    'Vice Chairman of the PPC in charge of culture and society',
  ],
  [
    'giam-doc-so-tttt',
    'Giám đốc Sở Thông tin và Truyền thông',
    'Director of the Department of Information and Communications',
  ],
  ['giam-doc-cong-an-tinh', 'Giám đốc Công an tỉnh', 'Director of the Provincial Police'],
  ['chanh-van-phong-ubnd-tinh', 'Chánh Văn phòng UBND tỉnh', 'Chief of Office of the PPC'],
  [
    'chanh-van-phong-tinh-uy',
    'Chánh Văn phòng Tỉnh ủy',
    'Chief of Office of the Provincial Party Committee',
  ],
  [
    'giam-doc-dai-ptth',
    'Giám đốc Đài Phát thanh và Truyền hình Bình Phước',
    'Director of Bình Phước Radio and Television',
  ],
  [
    'chu-tich-ubnd-tp-dong-xoai',
    'Chủ tịch UBND thành phố Đồng Xoài',
    'Chairman of the People’s Committee of Đồng Xoài city',
  ],
  ['giam-doc-viettel-binh-phuoc', 'Giám đốc Viettel Bình Phước', 'Director of Viettel Bình Phước'],
  ['giam-doc-vnpt-binh-phuoc', 'Giám đốc Viễn thông Bình Phước', 'Director of VNPT Bình Phước'],
  ['giam-doc-buu-dien-tinh', 'Giám đốc Bưu điện tỉnh', 'Director of the Provincial Post Office'],
  ['giam-doc-so-tai-chinh', 'Giám đốc Sở Tài chính', 'Director of the Department of Finance'],
  [
    'giam-doc-so-khdt',
    'Giám đốc Sở Kế hoạch và Đầu tư',
    'Director of the Department of Planning and Investment',
  ],
  [
    'giam-doc-so-khcn',
    'Giám đốc Sở Khoa học và Công nghệ',
    'Director of the Department of Science and Technology',
  ],
  [
    'giam-doc-so-gddt',
    'Giám đốc Sở Giáo dục và Đào tạo',
    'Director of the Department of Education and Training',
  ],
  [
    'giam-doc-so-tnmt',
    'Giám đốc Sở Tài nguyên và Môi trường',
    'Director of the Department of Natural Resources and Environment',
  ],
  ['giam-doc-so-noi-vu', 'Giám đốc Sở Nội vụ', 'Director of the Department of Home Affairs'],
] as const;

const seat = (seatId: string, roles: ReadonlyArray<string>, holder: Record<string, string>) => ({
  change: 'CreateSeat',
  seatId,
  roles,
  holder,
});
const exOfficio = (office: string) => ({ follows: 'office', office });

/** The six duties of the decision, in the article's order, with their categories. */
export const seedDuties = [
  [
    'nv-1-tham-muu',
    'advise',
    'Nghiên cứu, tham mưu, đề xuất cho UBND tỉnh chỉ đạo, hướng dẫn, tổ chức triển khai và kiểm tra, đôn đốc việc thực hiện thúc đẩy xây dựng, phát triển “Chính quyền điện tử” hướng tới “Chính quyền số, nền kinh tế số và xã hội số”; tạo thuận lợi cho việc triển khai Cách mạng công nghiệp lần thứ 4 tại tỉnh Bình Phước.',
    'Research, advise and propose to the PPC on directing, guiding, organising, inspecting and urging the building of e-government toward digital government, digital economy and digital society; make it easier to carry out the Fourth Industrial Revolution in the province.',
  ],
  [
    'nv-2-dieu-phoi',
    'coordinate',
    'Giúp UBND tỉnh, Chủ tịch UBND tỉnh điều phối, đôn đốc, kiểm tra việc thực hiện các chương trình, cơ chế, chính sách, đề án, dự án, giải pháp có tính chất liên ngành về xây dựng, phát triển “Chính quyền điện tử”.',
    'Help the PPC and its Chairman coordinate, urge and inspect inter-sector programmes, mechanisms, policies, schemes, projects and solutions for e-government.',
  ],
  [
    'nv-3-cho-y-kien',
    'opine',
    'Cho ý kiến về các chương trình, cơ chế, chính sách, đề án, dự án liên quan đến xây dựng, phát triển “Chính quyền điện tử” thuộc thẩm quyền quyết định Chủ tịch UBND tỉnh.',
    "Give opinions on programmes, mechanisms, policies, schemes and projects on e-government that lie within the PPC Chairman's authority.",
  ],
  [
    'nv-4-so-ket',
    'review',
    'Hàng năm, thực hiện sơ kết, đánh giá tình hình, kết quả triển khai các nhiệm vụ, giải pháp trọng tâm xây dựng, phát triển “Chính quyền điện tử”.',
    'Every year, carry out a preliminary review and evaluate the situation and results of the key tasks and solutions.',
  ],
  [
    'nv-5-bao-cao',
    'report',
    'Định kỳ báo cáo Ủy ban Quốc gia về “Chính phủ điện tử” và UBND tỉnh.',
    'Report periodically to the National Committee on E-Government and to the PPC.',
  ],
  [
    'nv-6-nhiem-vu-khac',
    'other',
    'Thực hiện các nhiệm vụ khác theo yêu cầu của UBND tỉnh, Chủ tịch UBND tỉnh và các cấp có thẩm quyền.',
    'Carry out other tasks requested by the PPC, its Chairman and competent authorities.',
  ],
] as const;

const [chairman, viceChairman, ictDirector, ...memberOffices] = seedOffices;

/**
 * The successor's charter: 17 seats (head named as the Chairman; the others ex officio, one of
 * them standing member and secretary at once), six duties, and two reporting obligations.
 */
export const seedCharter = [
  seat('truong-ban', ['head'], { follows: 'person', person: SeedIds.tram, asOffice: chairman[0] }),
  seat('pho-truong-ban', ['deputy-head'], exOfficio(viceChairman[0])),
  seat('uv-thuong-truc-thu-ky', ['standing-member', 'secretary'], exOfficio(ictDirector[0])),
  ...memberOffices.map(([office]) => seat(`uv-${office}`, ['member'], exOfficio(office))),
  ...seedDuties.map(([dutyId, category, vi, en]) => ({
    change: 'AssignDuty',
    dutyId,
    category,
    text: { vi, en },
  })),
  {
    change: 'ImposeReportingObligation',
    obligationId: SeedIds.annualReview,
    kind: 'preliminary-review',
    cadence: 'annual',
    // ASSUMED: the article sets no deadline; a month after the year ends.
    dueDaysAfterPeriodEnd: 31,
    recipients: [{ kind: 'authority', authority: SeedIds.province }],
    dutyId: 'nv-4-so-ket',
  },
  {
    change: 'ImposeReportingObligation',
    obligationId: SeedIds.periodicReport,
    kind: 'report',
    // ASSUMED: "định kỳ" (periodically) names no cadence; the fixture assumes every six months.
    cadence: 'semi-annual',
    dueDaysAfterPeriodEnd: 15,
    recipients: [
      { kind: 'body', body: SeedIds.nationalCommittee },
      { kind: 'authority', authority: SeedIds.province },
    ],
    dutyId: 'nv-5-bao-cao',
  },
] as const;

export type { SeedStep } from './story-step.js';

const ACTOR = 'seed:binh-phuoc-2018';
const step = (
  title: string,
  commandId: string,
  type: string,
  data: Record<string, unknown>,
): SeedStep => ({
  title,
  envelope: { commandId, actor: ACTOR, command: { type, data } },
});

// ASSUMED: the registry's starting dates and instruments are placeholders; only their order matters.
const constitution = placeholderInstrument(
  'law',
  '…/HP',
  SeedIds.nationalAssembly,
  '1992-04-15',
  placeholderSigner,
);
const registry = (authority: string, signedOn: string) =>
  placeholderInstrument(
    'resolution',
    `XXXX-${authority}/NQ`,
    SeedIds.nationalAssembly,
    signedOn,
    placeholderSigner,
  );

/** The predecessor committees (ASSUMED founding dates and instruments: the article gives none). */
export const seedPredecessors = [
  [
    SeedIds.predecessors.reform,
    'Ban Chỉ đạo cải cách thủ tục hành chính, công nghệ thông tin và chính quyền điện tử tỉnh Bình Phước',
    "Bình Phước's Steering Committee for administrative procedure reform, IT and e-government",
    '2016-06-01',
  ],
  [
    SeedIds.predecessors.scheme,
    'Ban Chỉ đạo thực hiện Đề án phát triển công nghệ thông tin tỉnh Bình Phước giai đoạn 2018-2020',
    'Steering Committee implementing the provincial IT Development Scheme 2018-2020',
    '2018-03-01',
  ],
  [
    SeedIds.predecessors.itApplication,
    'Ban Chỉ đạo ứng dụng và phát triển công nghệ thông tin tỉnh Bình Phước',
    "Bình Phước's Steering Committee for IT application and development",
    '2015-09-01',
  ],
] as const;

/** The first report the successor files: its annual review of 2019 (ASSUMED reference and date). */
export const seedAnnualReview2019 = {
  reportId: 'so-ket-2019',
  document: {
    reference: 'XXXX/BC-BCĐ',
    filedBy: SeedIds.successor,
    submittedOn: '2020-01-15',
    title: {
      vi: 'Báo cáo sơ kết năm 2019 xây dựng chính quyền điện tử',
      en: 'Preliminary review of 2019 on building e-government',
    },
  },
} as const;

/** The date Bình Phước province was merged into Đồng Nai (2025 reorganisation of provinces). */
export const SEED_PROVINCE_MERGER_DATE = '2025-07-01';

/**
 * The whole story, in order: the authorities, the person and offices the decision names, the
 * three predecessor committees, the 2018 merger with the successor's charter, the 2019 annual
 * review, and the 2025 merger of the province, after which Đồng Nai has jurisdiction; each
 * instrument recorded just before the first step citing it.
 */
export const seedSteps: ReadonlyArray<SeedStep> = recordingCitedInstruments([
  step('The National Assembly (root of the registry)', 'seed-001', 'RegisterAuthority', {
    authorityId: SeedIds.nationalAssembly,
    name: { vi: 'Quốc hội', en: 'National Assembly' },
    level: 'national',
    basis: constitution,
    effectiveOn: '1992-04-15',
  }),
  step('The Government', 'seed-002', 'RegisterAuthority', {
    authorityId: SeedIds.government,
    name: { vi: 'Chính phủ', en: 'Government' },
    level: 'national',
    parent: SeedIds.nationalAssembly,
    basis: registry('CP', '1992-09-30'),
    effectiveOn: '1992-09-30',
  }),
  step('The People’s Committee of Bình Phước province', 'seed-003', 'RegisterAuthority', {
    authorityId: SeedIds.province,
    name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước', en: "Bình Phước Provincial People's Committee" },
    level: 'province',
    parent: SeedIds.government,
    basis: registry('BP', '1996-11-06'),
    effectiveOn: '1997-01-01',
  }),
  step('The People’s Committee of Đồng Xoài city', 'seed-004', 'RegisterAuthority', {
    authorityId: SeedIds.dongXoai,
    name: { vi: 'Ủy ban nhân dân thành phố Đồng Xoài', en: "Đồng Xoài City People's Committee" },
    level: 'district',
    parent: SeedIds.province,
    basis: registry('DX', '1999-06-01'),
    effectiveOn: '1999-07-01',
  }),
  step('The People’s Committee of Đồng Nai province', 'seed-005', 'RegisterAuthority', {
    authorityId: SeedIds.dongNai,
    name: { vi: 'Ủy ban nhân dân tỉnh Đồng Nai', en: "Đồng Nai Provincial People's Committee" },
    level: 'province',
    parent: SeedIds.government,
    basis: registry('DN', '1992-10-01'),
    effectiveOn: '1992-10-01',
  }),
  step('Mr. Nguyễn Văn Trăm, named by the decision', 'seed-010', 'RegisterPerson', {
    personId: SeedIds.tram,
    name: 'Nguyễn Văn Trăm',
    basis: seedMergerDecision,
    effectiveOn: SEED_DECISION_DATE,
  }),
  ...seedOffices.map(([officeId, vi, en], index) =>
    step(`The office of ${en}`, `seed-1${String(index).padStart(2, '0')}`, 'EstablishOffice', {
      officeId,
      authority: officeId === 'chu-tich-ubnd-tp-dong-xoai' ? SeedIds.dongXoai : SeedIds.province,
      name: { vi, en },
      // Recorded from the decision that cites the office; its earlier history is not in the article.
      basis: seedMergerDecision,
      effectiveOn: SEED_DECISION_DATE,
    }),
  ),
  step(
    'Mr. Trăm holds the office of Chairman (the decision names him so)',
    'seed-200',
    'AppointOfficeHolder',
    {
      officeId: chairman[0],
      person: SeedIds.tram,
      capacity: 'substantive',
      basis: seedMergerDecision,
      effectiveOn: SEED_DECISION_DATE,
    },
  ),
  ...seedPredecessors.map(([bodyId, vi, en, since], index) =>
    step(`Predecessor: ${en}`, `seed-30${index}`, 'EstablishBody', {
      bodyId,
      kind: 'steering-committee',
      name: { vi, en },
      authority: SeedIds.province,
      basis: placeholderInstrument(
        'decision',
        `XXXX-${index + 1}/QĐ-UBND`,
        SeedIds.province,
        since,
        placeholderSigner,
      ),
      effectiveOn: since,
    }),
  ),
  step('The 2018 decision: three committees merged into one', 'seed-400', 'MergeBodies', {
    reorganisationId: SeedIds.merger,
    bodies: [
      SeedIds.predecessors.reform,
      SeedIds.predecessors.scheme,
      SeedIds.predecessors.itApplication,
    ],
    successor: {
      bodyId: SeedIds.successor,
      kind: 'steering-committee',
      name: {
        vi: 'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
        en: "Bình Phước's Steering Committee for building e-government",
      },
      authority: SeedIds.province,
      purpose: {
        vi: 'Hướng tới “Chính quyền số, nền kinh tế số và xã hội số”.',
        en: 'Toward “digital government, digital economy and digital society”.',
      },
      charter: seedCharter,
    },
    basis: seedMergerDecision,
    effectiveOn: SEED_DECISION_DATE,
  }),
  step('The annual review of 2019 is filed', 'seed-500', 'FileReport', {
    bodyId: SeedIds.successor,
    reportId: seedAnnualReview2019.reportId,
    obligationId: SeedIds.annualReview,
    period: '2019',
    document: seedAnnualReview2019.document,
  }),
  step('2025: Bình Phước province is merged into Đồng Nai', 'seed-600', 'MergeAuthority', {
    authorityId: SeedIds.province,
    into: SeedIds.dongNai,
    basis: placeholderInstrument(
      'resolution',
      '…/2025/QH15',
      SeedIds.nationalAssembly,
      '2025-06-12',
      placeholderSigner,
    ),
    effectiveOn: SEED_PROVINCE_MERGER_DATE,
  }),
]);

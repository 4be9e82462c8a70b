/**
 * Realistic, valid histories of one governance body, generated deterministically from a seed.
 *
 * A history is a list of decisions — each a body command and the events the body decider would
 * record for it — in the life of a provincial steering committee (ban chỉ đạo): it is established
 * with a charter of seats, duties and reporting obligations, then personnel decisions replace,
 * relieve and re-seat members, seats are restructured, duties assigned, amended and revoked,
 * obligations imposed and lifted, the body renamed, and a report is filed for every period of
 * every obligation once the period has ended (a few of them corrected). Decisions move forward in
 * valid time. Names, titles and texts are Vietnamese (NFC), so payloads are about 300–450 bytes.
 *
 * The generator keeps its own model of the body (who sits where, which duties and obligations are
 * in force) so that every decision is one the decider accepts: {@link decideCheck} replays a
 * history through `Body.decider.decide` and compares the events, and {@link foldCheck} compares the
 * state folded from a history with the generator's model (cheap enough for 100,000 events).
 *
 * @see docs/reference/domain.md rules 2, 3, 4, 7 and 8 (the rules the generator keeps)
 */
import { isDeepStrictEqual } from 'node:util';
import {
  Body,
  addDays,
  establisherOnly,
  instrumentSource,
  reportSource,
  unsafeCalendarDate,
} from '@mandate/core';
import type {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  DocumentNumber,
  DutyId,
  LegalBasis,
  Name,
  ObligationId,
  OfficeId,
  PersonId,
  ReportDocument,
  ReportId,
  SeatHolder,
  SeatId,
  Source,
  Text,
} from '@mandate/core';

/** One decision of a history: the command and the events the decider records for it. */
export interface HistoryStep {
  readonly command: Body.Command;
  readonly events: ReadonlyArray<Body.Event>;
}

/** A body's history: its decisions, their events in order, and the generator's final model. */
export interface BodyHistory {
  readonly bodyId: BodyId;
  readonly steps: ReadonlyArray<HistoryStep>;
  readonly events: ReadonlyArray<Body.Event>;
  readonly model: BodyModel;
}

/** What the generator believes about the body after the last decision. */
export interface BodyModel {
  /** Every seat ever created: its holder now (`null` when vacant) and whether it was abolished. */
  readonly seats: ReadonlyMap<
    SeatId,
    { readonly holder: SeatHolder | null; readonly abolished: boolean }
  >;
  readonly duties: ReadonlyMap<DutyId, { readonly revoked: boolean }>;
  readonly obligations: ReadonlyMap<ObligationId, { readonly lifted: boolean }>;
  /** Filed reports and corrections. */
  readonly reports: number;
  readonly name: BilingualName;
}

/** What to generate. */
export interface HistoryOptions {
  readonly bodyId: BodyId;
  /** Exactly this many events (at least 1). */
  readonly events: number;
  readonly seed: number;
}

/** The authority that establishes every generated body (and alone may change it). */
const PROVINCE = 'ubnd-tinh-binh-phuoc' as AuthorityId;

/** The decider context of generated histories: only the establishing authority may act. */
const historyContext: Body.BodyContext = { jurisdiction: establisherOnly };

// -------------------------------------------------------------------------------------------------
// Vocabulary
// -------------------------------------------------------------------------------------------------

const nfc = <B extends string>(s: string): B => s.normalize('NFC') as B;
const bilingual = (vi: string, en: string): BilingualName => ({
  vi: nfc<Name>(vi),
  en: nfc<Name>(en),
});
const bilingualText = (vi: string, en: string): BilingualText => ({
  vi: nfc<Text>(vi),
  en: nfc<Text>(en),
});

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc'];
const GIVEN = [
  'Trăm',
  'Hòa',
  'Hùng',
  'Lan',
  'Hương',
  'Dũng',
  'Tuấn',
  'Phương',
  'Thảo',
  'Khoa',
  'Hải',
];
const DEPARTMENTS = [
  ['so-tttt', 'Giám đốc Sở Thông tin và Truyền thông'],
  ['so-noi-vu', 'Giám đốc Sở Nội vụ'],
  ['so-tai-chinh', 'Giám đốc Sở Tài chính'],
  ['so-khdt', 'Giám đốc Sở Kế hoạch và Đầu tư'],
  ['cong-an-tinh', 'Giám đốc Công an tỉnh'],
  ['van-phong-ubnd', 'Chánh Văn phòng UBND tỉnh'],
] as const;
const SIGNERS = [
  { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
  { name: 'Trần Tuệ Hiền', title: 'KT. Chủ tịch, Phó Chủ tịch UBND tỉnh' },
  { name: 'Huỳnh Anh Minh', title: 'KT. Chủ tịch, Phó Chủ tịch UBND tỉnh' },
].map(({ name, title }) => ({ name: nfc<Name>(name), title: nfc<Name>(title) }));
const DUTY_TEXTS = [
  [
    'Tham mưu UBND tỉnh chủ trương, giải pháp xây dựng chính quyền điện tử',
    'Advise the PPC on e-government policy',
  ],
  [
    'Chỉ đạo, điều phối các sở, ngành triển khai dịch vụ công trực tuyến',
    'Coordinate departments on online public services',
  ],
  [
    'Kiểm tra, đôn đốc việc ứng dụng công nghệ thông tin trong cơ quan nhà nước',
    'Inspect IT use in state agencies',
  ],
  [
    'Cho ý kiến về kiến trúc chính quyền điện tử của tỉnh',
    "Opine on the province's e-government architecture",
  ],
  ['Sơ kết, tổng kết, báo cáo kết quả thực hiện định kỳ', 'Review and report results periodically'],
] as const;
const CATEGORIES: ReadonlyArray<Body.DutyCategory> = [
  'advise',
  'coordinate',
  'inspect',
  'opine',
  'review',
  'report',
  'other',
];
const CADENCES: ReadonlyArray<Body.Cadence> = [
  'monthly',
  'monthly',
  'quarterly',
  'semi-annual',
  'annual',
];
const MEMBER_ROLES: ReadonlyArray<Body.RoleSet> = [
  Body.roleSet('deputy-head'),
  Body.roleSet('standing-member'),
  Body.roleSet('standing-member', 'secretary'),
  Body.roleSet('member'),
  Body.roleSet('member'),
  Body.roleSet('member'),
];
const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// -------------------------------------------------------------------------------------------------
// The generator
// -------------------------------------------------------------------------------------------------

interface SeatState {
  readonly seatId: SeatId;
  roles: Body.RoleSet;
  holder: SeatHolder | null;
  lastChange: CalendarDate;
  abolished: boolean;
}

interface DutyState {
  readonly dutyId: DutyId;
  category: Body.DutyCategory;
  revision: number;
  lastChange: CalendarDate;
  revoked: boolean;
}

interface ObligationState {
  readonly obligationId: ObligationId;
  readonly cadence: Body.Cadence;
  readonly imposedOn: CalendarDate;
  next: Body.PeriodLabel;
  lifted: boolean;
}

/** A filed report that the next decision corrects. */
interface FiledReport {
  readonly reportId: ReportId;
  readonly obligationId: ObligationId;
  readonly period: Body.PeriodLabel;
}

const START = unsafeCalendarDate('1990-01-02');

const later = (date: CalendarDate, days: number): CalendarDate => {
  const next = addDays(date, days);
  if (next === undefined) throw new Error(`The history ran past the calendar at ${date}`);
  return next;
};

/** Generates a valid history of exactly `options.events` events for one body. */
export function bodyHistory(options: HistoryOptions): BodyHistory {
  const { bodyId, seed } = options;
  if (!Number.isSafeInteger(options.events) || options.events < 1) {
    throw new RangeError('A history has at least one event');
  }
  const random = prng(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: ReadonlyArray<T>): T => items[below(items.length)] as T;

  const seats: SeatState[] = [];
  const duties: DutyState[] = [];
  const obligations: ObligationState[] = [];
  const steps: HistoryStep[] = [];
  const events: Body.Event[] = [];
  let today = START;
  let counter = 0;
  let reports = 0;
  let renames = 0;
  let name = bilingual(
    'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Bình Phước',
    "Bình Phước province's Steering Committee for building e-government",
  );
  let correction: FiledReport | undefined;

  const next = (prefix: string) => `${prefix}-${(counter += 1).toString(36)}`;
  const remaining = () => options.events - events.length;
  const record = (command: Body.Command, recorded: ReadonlyArray<Body.Event>) => {
    steps.push({ command, events: recorded });
    events.push(...recorded);
  };

  const basis = (): LegalBasis => ({
    type: 'decision',
    number: nfc<DocumentNumber>(`${counter + 1}/QĐ-UBND`),
    issuer: PROVINCE,
    signer: pick(SIGNERS),
    signedOn: later(today, -below(6)),
  });

  const newHolder = (): SeatHolder => {
    const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const person = next(ascii(fullName)) as PersonId;
    const roll = random();
    if (roll < 0.7) return { follows: 'person', person };
    const [department] = pick(DEPARTMENTS);
    const office = next(`giam-doc-${department}`) as OfficeId;
    return roll < 0.85
      ? { follows: 'person', person, asOffice: office }
      : { follows: 'office', office, namedPerson: person };
  };

  /** A duty's text; the revision makes every amendment's text differ from the one it replaces. */
  const dutyText = (revision: number): BilingualText => {
    const [vi, en] = pick(DUTY_TEXTS);
    return bilingualText(`${vi} (sửa đổi lần ${revision})`, `${en} (amendment ${revision})`);
  };

  // --- Changes: each returns the command change and the event the decider records for it. ---

  type Change = readonly [Body.BodyChange, (common: Common) => Body.Event];
  type Common = {
    readonly bodyId: BodyId;
    readonly effectiveOn: CalendarDate;
    readonly source: Source;
  };

  const createSeat = (roles: Body.RoleSet): Change => {
    const seatId = next('ghe') as SeatId;
    const holder = newHolder();
    seats.push({ seatId, roles, holder, lastChange: today, abolished: false });
    return [
      { change: 'CreateSeat', seatId, roles, holder },
      (common) => Body.seatCreated({ ...common, seatId, roles, holder }),
    ];
  };

  const replaceHolder = (seat: SeatState): Change => {
    const previous = seat.holder;
    const holder = newHolder();
    seat.holder = holder;
    seat.lastChange = today;
    return [
      { change: 'ReplaceSeatHolder', seatId: seat.seatId, holder },
      (common) => Body.seatHolderReplaced({ ...common, seatId: seat.seatId, previous, holder }),
    ];
  };

  const relieveHolder = (seat: SeatState, previous: SeatHolder): Change => {
    seat.holder = null;
    seat.lastChange = today;
    return [
      { change: 'RelieveSeatHolder', seatId: seat.seatId },
      (common) => Body.seatHolderRelieved({ ...common, seatId: seat.seatId, previous }),
    ];
  };

  const changeRoles = (seat: SeatState): Change => {
    const previous = seat.roles;
    const roles = pick(MEMBER_ROLES.filter((r) => r.join() !== previous.join()));
    seat.roles = roles;
    seat.lastChange = today;
    return [
      { change: 'ChangeSeatRoles', seatId: seat.seatId, roles },
      (common) => Body.seatRolesChanged({ ...common, seatId: seat.seatId, roles, previous }),
    ];
  };

  const abolishSeat = (seat: SeatState): Change => {
    seat.abolished = true;
    return [
      { change: 'AbolishSeat', seatId: seat.seatId },
      (common) => Body.seatAbolished({ ...common, seatId: seat.seatId }),
    ];
  };

  const assignDuty = (): Change => {
    const dutyId = next('nhiem-vu') as DutyId;
    const category = pick(CATEGORIES);
    const text = dutyText(0);
    duties.push({ dutyId, category, revision: 0, lastChange: today, revoked: false });
    return [
      { change: 'AssignDuty', dutyId, category, text },
      (common) =>
        Body.dutyAssigned({ ...common, dutyId, category, text, provenance: Body.ownDuty }),
    ];
  };

  const amendDuty = (duty: DutyState): Change => {
    duty.revision += 1;
    const text = dutyText(duty.revision);
    const category = pick(CATEGORIES.filter((c) => c !== duty.category));
    duty.lastChange = today;
    const dutyId = duty.dutyId;
    if (random() < 0.5) {
      return [
        { change: 'AmendDuty', dutyId, text },
        (common) => Body.dutyAmended({ ...common, dutyId, text }),
      ];
    }
    duty.category = category;
    return [
      { change: 'AmendDuty', dutyId, category, text },
      (common) => Body.dutyAmended({ ...common, dutyId, category, text }),
    ];
  };

  const revokeDuty = (duty: DutyState): Change => {
    duty.revoked = true;
    return [
      { change: 'RevokeDuty', dutyId: duty.dutyId },
      (common) => Body.dutyRevoked({ ...common, dutyId: duty.dutyId }),
    ];
  };

  const imposeObligation = (): Change => {
    const obligationId = next('che-do-bao-cao') as ObligationId;
    const cadence = pick(CADENCES);
    const first = Body.periodOf(cadence, today);
    if (first === undefined) throw new Error(`No ${cadence} period contains ${today}`);
    obligations.push({ obligationId, cadence, imposedOn: today, next: first, lifted: false });
    const terms = {
      obligationId,
      kind: random() < 0.8 ? ('report' as const) : ('preliminary-review' as const),
      cadence,
      dueDaysAfterPeriodEnd: 10 + below(21),
      recipients: [{ kind: 'authority', authority: PROVINCE }] as const,
    };
    return [
      { change: 'ImposeReportingObligation', ...terms },
      (common) => Body.reportingObligationImposed({ ...common, ...terms }),
    ];
  };

  const liftObligation = (obligation: ObligationState): Change => {
    obligation.lifted = true;
    return [
      { change: 'LiftReportingObligation', obligationId: obligation.obligationId },
      (common) =>
        Body.reportingObligationLifted({ ...common, obligationId: obligation.obligationId }),
    ];
  };

  const rename = (): Change => {
    const previous = name;
    renames += 1;
    name = bilingual(
      `Ban Chỉ đạo chuyển đổi số tỉnh Bình Phước (khóa ${renames})`,
      `Bình Phước province's Steering Committee for digital transformation (term ${renames})`,
    );
    const renamed = name;
    return [
      { change: 'Rename', name: renamed },
      (common) => Body.bodyRenamed({ ...common, name: renamed, previous }),
    ];
  };

  /** One decision of the province making these changes, all effective today. */
  const amend = (changes: ReadonlyArray<Change>) => {
    const [first, ...rest] = changes.map(([change]) => change);
    if (first === undefined) return;
    const instrument = basis();
    const common = { bodyId, effectiveOn: today, source: instrumentSource(instrument) };
    record(
      {
        type: 'AmendBody',
        data: { bodyId, basis: instrument, effectiveOn: today, changes: [first, ...rest] },
      },
      changes.map(([, event]) => event(common)),
    );
  };

  // --- Establishment with a charter. ---

  const establish = () => {
    const instrument = basis();
    const common = { bodyId, effectiveOn: today, source: instrumentSource(instrument) };
    const purpose = bilingualText(
      'Giúp UBND tỉnh chỉ đạo, điều phối xây dựng chính quyền điện tử',
      'Help the PPC steer and coordinate building e-government',
    );
    const room = remaining() - 1;
    const charter: Change[] = [];
    if (room > 0) charter.push(createSeat(Body.roleSet('head')));
    for (let i = 0; i < 13 && charter.length < room; i++)
      charter.push(createSeat(pick(MEMBER_ROLES)));
    for (let i = 0; i < 6 && charter.length < room; i++) charter.push(assignDuty());
    for (let i = 0; i < 3 && charter.length < room; i++) charter.push(imposeObligation());
    const established = Body.bodyEstablished({
      ...common,
      kind: 'steering-committee',
      name,
      authority: PROVINCE,
      origin: { kind: 'decision' },
      purpose,
    });
    record(
      {
        type: 'EstablishBody',
        data: {
          bodyId,
          kind: 'steering-committee',
          name,
          authority: PROVINCE,
          basis: instrument,
          effectiveOn: today,
          purpose,
          ...(charter.length === 0 ? {} : { charter: charter.map(([change]) => change) }),
        },
      },
      [established, ...charter.map(([, event]) => event(common))],
    );
  };

  // --- Reports: filed once each period has ended; a few corrected. ---

  const reportDocument = (period: Body.PeriodLabel, what: string): ReportDocument => ({
    reference: nfc<DocumentNumber>(`${counter + 1}/BC-BCĐ`),
    filedBy: bodyId,
    submittedOn: today,
    title: bilingual(
      `${what} kết quả thực hiện kỳ ${period}`,
      `${what === 'Báo cáo' ? 'Report' : 'Corrected report'} on results for ${period}`,
    ),
  });

  const fileDueReport = (): boolean => {
    const due = obligations.find((o) => !o.lifted && Body.periodInterval(o.next).to <= today);
    if (due === undefined) return false;
    const { obligationId, next: period } = due;
    const reportId = next('bao-cao') as ReportId;
    const document = reportDocument(period, 'Báo cáo');
    const following = Body.periodOf(due.cadence, Body.periodInterval(period).to);
    if (following === undefined) throw new Error(`No period follows ${period}`);
    due.next = following;
    reports += 1;
    if (random() < 0.05) correction = { reportId, obligationId, period };
    record({ type: 'FileReport', data: { bodyId, reportId, obligationId, period, document } }, [
      Body.reportFiled({
        bodyId,
        effectiveOn: today,
        source: reportSource(document),
        reportId,
        obligationId,
        period,
        document,
      }),
    ]);
    return true;
  };

  const correctReport = (superseded: FiledReport) => {
    const reportId = next('bao-cao') as ReportId;
    const document = reportDocument(superseded.period, 'Báo cáo đính chính');
    reports += 1;
    record(
      {
        type: 'CorrectReport',
        data: { bodyId, reportId, supersedes: superseded.reportId, document },
      },
      [
        Body.reportCorrected({
          bodyId,
          effectiveOn: today,
          source: reportSource(document),
          reportId,
          supersedes: superseded.reportId,
          obligationId: superseded.obligationId,
          period: superseded.period,
          document,
        }),
      ],
    );
  };

  // --- Other decisions, chosen at random among those the model allows. ---

  const liveSeats = () => seats.filter((s) => !s.abolished);
  const liveDuties = () => duties.filter((d) => !d.revoked);
  const liveObligations = () => obligations.filter((o) => !o.lifted);

  const decision = (): ReadonlyArray<Change> => {
    const room = remaining();
    const roll = below(100);
    const members = liveSeats().filter((s) => s.roles[0] !== 'head');
    if (roll < 45) {
      const chosen = new Set<SeatState>();
      const wanted = Math.min(room, 1 + below(3));
      const live = liveSeats();
      while (chosen.size < Math.min(wanted, live.length)) chosen.add(pick(live));
      return [...chosen].map(replaceHolder);
    }
    if (roll < 50) {
      const held = members.filter((s) => s.holder !== null);
      const seat = held.length === 0 ? undefined : pick(held);
      return seat === undefined || seat.holder === null ? [] : [relieveHolder(seat, seat.holder)];
    }
    if (roll < 56) return members.length === 0 ? [] : [changeRoles(pick(members))];
    if (roll < 61) {
      const stale = members.filter((s) => s.lastChange < today);
      const grow = createSeat(pick(MEMBER_ROLES));
      return stale.length > 0 && members.length > 10 && room > 1
        ? [abolishSeat(pick(stale)), grow]
        : [grow];
    }
    const active = liveDuties();
    if (roll < 72) return active.length < 30 ? [assignDuty()] : [amendDuty(pick(active))];
    if (roll < 85) return active.length === 0 ? [assignDuty()] : [amendDuty(pick(active))];
    if (roll < 89) {
      const stale = active.filter((d) => d.lastChange < today);
      return active.length > 8 && stale.length > 0 ? [revokeDuty(pick(stale))] : [];
    }
    const inForce = liveObligations();
    if (roll < 94) return inForce.length < 8 ? [imposeObligation()] : [];
    if (roll < 97) {
      const old = inForce.filter(
        (o) => o.imposedOn < today && o.obligationId !== correction?.obligationId,
      );
      return inForce.length > 3 && old.length > 0 ? [liftObligation(pick(old))] : [];
    }
    return [rename()];
  };

  establish();
  while (remaining() > 0) {
    today = later(today, below(3));
    if (correction !== undefined) {
      correctReport(correction);
      correction = undefined;
    } else if (!fileDueReport()) {
      amend(decision());
    }
  }
  return {
    bodyId,
    steps,
    events,
    model: {
      seats: new Map(seats.map((s) => [s.seatId, { holder: s.holder, abolished: s.abolished }])),
      duties: new Map(duties.map((d) => [d.dutyId, { revoked: d.revoked }])),
      obligations: new Map(obligations.map((o) => [o.obligationId, { lifted: o.lifted }])),
      reports,
      name,
    },
  };
}

// -------------------------------------------------------------------------------------------------
// Checks
// -------------------------------------------------------------------------------------------------

/** How far {@link decideCheck} got: the decisions replayed, or the first one the decider disputed. */
export type DecideCheck =
  | { readonly ok: true; readonly steps: number; readonly events: number }
  | { readonly ok: false; readonly step: number; readonly problem: string };

/**
 * Replays the first `maxSteps` decisions of a history through `Body.decider.decide`, each against
 * the state folded so far, and checks that the decider accepts it with exactly the history's events.
 */
export function decideCheck(history: BodyHistory, maxSteps: number): DecideCheck {
  let state = Body.decider.initialState;
  let events = 0;
  const steps = history.steps.slice(0, maxSteps);
  for (const [i, step] of steps.entries()) {
    const decided = Body.decider.decide(step.command, state, historyContext);
    if (decided._tag === 'Left') {
      return { ok: false, step: i, problem: `refused: ${decided.left.message}` };
    }
    if (!isDeepStrictEqual(decided.right, step.events)) {
      return { ok: false, step: i, problem: 'the decider records different events' };
    }
    for (const event of step.events) state = Body.decider.evolve(state, event);
    events += step.events.length;
  }
  return { ok: true, steps: steps.length, events };
}

/**
 * Compares a state folded from a whole history with the generator's model: every seat with its
 * current holder and life, every duty, obligation and report, and the body's name. Returns the
 * first difference, or `undefined` when they agree.
 */
export function foldCheck(history: BodyHistory, state: Body.State): string | undefined {
  if (state.status !== 'active') return `the body is ${state.status}, not active`;
  const { model } = history;
  if (state.seats.size !== model.seats.size)
    return `${state.seats.size} seats, expected ${model.seats.size}`;
  for (const [seatId, expected] of model.seats) {
    const seat = state.seats.get(seatId);
    if (seat === undefined) return `seat ${seatId} is missing`;
    if ((seat.abolishedOn !== undefined) !== expected.abolished)
      return `seat ${seatId}'s life differs`;
    const holder = seat.holders[seat.holders.length - 1]?.holder;
    if (!isDeepStrictEqual(holder, expected.holder)) return `seat ${seatId}'s holder differs`;
  }
  if (state.duties.size !== model.duties.size)
    return `${state.duties.size} duties, expected ${model.duties.size}`;
  for (const [dutyId, { revoked }] of model.duties) {
    if ((state.duties.get(dutyId)?.revokedOn !== undefined) !== revoked)
      return `duty ${dutyId} differs`;
  }
  for (const [obligationId, { lifted }] of model.obligations) {
    const obligation = state.obligations.get(obligationId);
    if (obligation === undefined || (obligation.liftedOn !== undefined) !== lifted) {
      return `obligation ${obligationId} differs`;
    }
  }
  if (state.reports.size !== model.reports)
    return `${state.reports.size} reports, expected ${model.reports}`;
  const name = state.names[state.names.length - 1]?.name;
  return isDeepStrictEqual(name, model.name) ? undefined : 'the name differs';
}

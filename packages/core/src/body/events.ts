/**
 * The body's events. Each one's `data` names the body, the date the fact takes effect in valid
 * time (`effectiveOn`) and its source document — the instrument behind it, or for a filed report
 * the report itself — and carries what an auditor needs without reading the rest of the stream
 * (hence the `previous` fields). All events are at schema version 1.
 *
 * @see docs/reference/domain.md rules 8 and 12
 */
import * as t from 'io-ts';
import {
  AuthorityId,
  BilingualName,
  BilingualText,
  BodyId,
  CalendarDate,
  DutyId,
  ObligationId,
  ReorganisationId,
  ReportDocument,
  ReportId,
  SeatHolder,
  SeatId,
  Source,
  nonEmptyArray,
  struct,
} from '../kernel/index.js';
import { discriminatedUnion, withSomeOf } from '../kernel/codec-combinators.js';
import { DutyCategory, DutyProvenance } from './duty.js';
import { BodyKind } from './kind.js';
import { BodyOrigin, EndReason } from './lifecycle.js';
import { DueDays, ObligationKind, Recipient } from './obligation.js';
import { Cadence, PeriodLabel } from './period.js';
import { RoleSet } from './roles.js';
import {
  BodyNameCorrected,
  CorrectionEventVersions,
  DutyAmendmentDateCorrected,
  DutyDateCorrected,
  EndDateCorrected,
  EstablishmentDateCorrected,
  HolderOrVacant,
  ObligationDateCorrected,
  RenameDateCorrected,
  SeatDateCorrected,
  SeatHoldingCorrected,
  SeatRolesChangeDateCorrected,
  SeatRolesCorrected,
} from './corrections/events.js';

const common = { bodyId: BodyId, effectiveOn: CalendarDate, source: Source };

/** Declares an event codec: `{ type, data }` where `data` carries the common fields. */
function event<T extends string, R extends t.Props, O extends t.Props = Record<never, never>>(
  type: T,
  required: R,
  optional?: O,
) {
  return struct(type, {
    type: t.literal(type),
    data: struct(`${type}Data`, { ...common, ...required }, optional),
  });
}

/** A body was established, by its own decision or by a reorganisation. */
export const BodyEstablished = event(
  'BodyEstablished',
  { kind: BodyKind, name: BilingualName, authority: AuthorityId, origin: BodyOrigin },
  { purpose: BilingualText },
);
/** A body was established. */
export type BodyEstablished = t.TypeOf<typeof BodyEstablished>;

/** A body was renamed; it keeps its identity. */
export const BodyRenamed = event('BodyRenamed', { name: BilingualName, previous: BilingualName });
/** A body was renamed. */
export type BodyRenamed = t.TypeOf<typeof BodyRenamed>;

/** A seat was created with its roles and holder. */
export const SeatCreated = event('SeatCreated', {
  seatId: SeatId,
  roles: RoleSet,
  holder: SeatHolder,
});
/** A seat was created. */
export type SeatCreated = t.TypeOf<typeof SeatCreated>;

/** A seat's holder was replaced (or a vacant seat filled). */
export const SeatHolderReplaced = event('SeatHolderReplaced', {
  seatId: SeatId,
  previous: HolderOrVacant,
  holder: SeatHolder,
});
/** A seat's holder was replaced (or a vacant seat filled). */
export type SeatHolderReplaced = t.TypeOf<typeof SeatHolderReplaced>;

/** A seat's holder was relieved; the seat is vacant. */
export const SeatHolderRelieved = event('SeatHolderRelieved', {
  seatId: SeatId,
  previous: SeatHolder,
});
/** A seat's holder was relieved. */
export type SeatHolderRelieved = t.TypeOf<typeof SeatHolderRelieved>;

/** A seat's roles changed. */
export const SeatRolesChanged = event('SeatRolesChanged', {
  seatId: SeatId,
  roles: RoleSet,
  previous: RoleSet,
});
/** A seat's roles changed. */
export type SeatRolesChanged = t.TypeOf<typeof SeatRolesChanged>;

/** A seat was abolished. */
export const SeatAbolished = event('SeatAbolished', { seatId: SeatId });
/** A seat was abolished. */
export type SeatAbolished = t.TypeOf<typeof SeatAbolished>;

/** A duty was assigned: the body's own, or carried over from a predecessor. */
export const DutyAssigned = event('DutyAssigned', {
  dutyId: DutyId,
  category: DutyCategory,
  text: BilingualText,
  provenance: DutyProvenance,
});
/** A duty was assigned. */
export type DutyAssigned = t.TypeOf<typeof DutyAssigned>;

/** A duty's category, text, or both, were amended. */
export const DutyAmended = struct('DutyAmended', {
  type: t.literal('DutyAmended'),
  data: withSomeOf(
    struct(
      'DutyAmendedData',
      { ...common, dutyId: DutyId },
      { category: DutyCategory, text: BilingualText },
    ),
    ['category', 'text'],
  ),
});
/** A duty was amended. */
export type DutyAmended = t.TypeOf<typeof DutyAmended>;

/** A duty was revoked. */
export const DutyRevoked = event('DutyRevoked', { dutyId: DutyId });
/** A duty was revoked. */
export type DutyRevoked = t.TypeOf<typeof DutyRevoked>;

/** A reporting obligation was imposed. */
export const ReportingObligationImposed = event(
  'ReportingObligationImposed',
  {
    obligationId: ObligationId,
    kind: ObligationKind,
    cadence: Cadence,
    dueDaysAfterPeriodEnd: DueDays,
    recipients: nonEmptyArray(Recipient),
  },
  { dutyId: DutyId },
);
/** A reporting obligation was imposed. */
export type ReportingObligationImposed = t.TypeOf<typeof ReportingObligationImposed>;

/** A reporting obligation was lifted. */
export const ReportingObligationLifted = event('ReportingObligationLifted', {
  obligationId: ObligationId,
});
/** A reporting obligation was lifted. */
export type ReportingObligationLifted = t.TypeOf<typeof ReportingObligationLifted>;

/** A report was filed for one period of an obligation; its source is the report. */
export const ReportFiled = event('ReportFiled', {
  reportId: ReportId,
  obligationId: ObligationId,
  period: PeriodLabel,
  document: ReportDocument,
});
/** A report was filed. */
export type ReportFiled = t.TypeOf<typeof ReportFiled>;

/** A correction superseded the report that counted for its period; both stay in history. */
export const ReportCorrected = event('ReportCorrected', {
  reportId: ReportId,
  supersedes: ReportId,
  obligationId: ObligationId,
  period: PeriodLabel,
  document: ReportDocument,
});
/** A report was corrected. */
export type ReportCorrected = t.TypeOf<typeof ReportCorrected>;

/** A body ended, closing every open seat, duty and obligation on `effectiveOn`. */
export const BodyEnded = event(
  'BodyEnded',
  { reason: EndReason, successors: t.readonlyArray(BodyId) },
  { reorganisationId: ReorganisationId },
);
/** A body ended. */
export type BodyEnded = t.TypeOf<typeof BodyEnded>;

/** This (absorbing) body absorbed others, which ended; it keeps its identity. */
export const BodiesAbsorbed = event('BodiesAbsorbed', {
  absorbed: nonEmptyArray(BodyId),
  reorganisationId: ReorganisationId,
});
/** This body absorbed others. */
export type BodiesAbsorbed = t.TypeOf<typeof BodiesAbsorbed>;

/**
 * The body passed from the authority `previous` to `authority` on `effectiveOn`: jurisdiction over
 * it follows the new authority from that date (docs/reference/domain.md rule 9).
 */
export const BodyTransferred = event('BodyTransferred', {
  authority: AuthorityId,
  previous: AuthorityId,
});
/** The body passed to another authority. */
export type BodyTransferred = t.TypeOf<typeof BodyTransferred>;

/** Every event of a body's stream. */
export const Event = discriminatedUnion('Event', 'type', [
  BodyEstablished,
  BodyRenamed,
  SeatCreated,
  SeatHolderReplaced,
  SeatHolderRelieved,
  SeatRolesChanged,
  SeatAbolished,
  SeatHoldingCorrected,
  DutyAssigned,
  DutyAmended,
  DutyRevoked,
  ReportingObligationImposed,
  ReportingObligationLifted,
  ReportFiled,
  ReportCorrected,
  BodyEnded,
  BodiesAbsorbed,
  BodyTransferred,
  EstablishmentDateCorrected,
  BodyNameCorrected,
  SeatRolesCorrected,
  SeatDateCorrected,
  DutyDateCorrected,
  ObligationDateCorrected,
  RenameDateCorrected,
  EndDateCorrected,
  SeatRolesChangeDateCorrected,
  DutyAmendmentDateCorrected,
]);
/** Every event of a body's stream. */
export type Event = t.TypeOf<typeof Event>;

/** The schema version of every body event type (docs/reference/domain.md rule 12). */
export const EventVersions = {
  BodyEstablished: 1,
  BodyRenamed: 1,
  SeatCreated: 1,
  SeatHolderReplaced: 1,
  SeatHolderRelieved: 1,
  SeatRolesChanged: 1,
  SeatAbolished: 1,
  DutyAssigned: 1,
  DutyAmended: 1,
  DutyRevoked: 1,
  ReportingObligationImposed: 1,
  ReportingObligationLifted: 1,
  ReportFiled: 1,
  ReportCorrected: 1,
  BodyEnded: 1,
  BodiesAbsorbed: 1,
  BodyTransferred: 1,
  ...CorrectionEventVersions,
} as const satisfies { readonly [K in Event['type']]: number };

// -------------------------------------------------------------------------------------------------
// Constructors
// -------------------------------------------------------------------------------------------------

const make =
  <E extends Event>(type: E['type']) =>
  (data: E['data']): E =>
    ({ type, data }) as E;

/** Builds a {@link BodyEstablished} event. */
export const bodyEstablished = make<BodyEstablished>('BodyEstablished');
/** Builds a {@link BodyRenamed} event. */
export const bodyRenamed = make<BodyRenamed>('BodyRenamed');
/** Builds a {@link SeatCreated} event. */
export const seatCreated = make<SeatCreated>('SeatCreated');
/** Builds a {@link SeatHolderReplaced} event. */
export const seatHolderReplaced = make<SeatHolderReplaced>('SeatHolderReplaced');
/** Builds a {@link SeatHolderRelieved} event. */
export const seatHolderRelieved = make<SeatHolderRelieved>('SeatHolderRelieved');
/** Builds a {@link SeatRolesChanged} event. */
export const seatRolesChanged = make<SeatRolesChanged>('SeatRolesChanged');
/** Builds a {@link SeatAbolished} event. */
export const seatAbolished = make<SeatAbolished>('SeatAbolished');
/** Builds a {@link DutyAssigned} event. */
export const dutyAssigned = make<DutyAssigned>('DutyAssigned');
/** Builds a {@link DutyAmended} event. */
export const dutyAmended = make<DutyAmended>('DutyAmended');
/** Builds a {@link DutyRevoked} event. */
export const dutyRevoked = make<DutyRevoked>('DutyRevoked');
/** Builds a {@link ReportingObligationImposed} event. */
export const reportingObligationImposed = make<ReportingObligationImposed>(
  'ReportingObligationImposed',
);
/** Builds a {@link ReportingObligationLifted} event. */
export const reportingObligationLifted = make<ReportingObligationLifted>(
  'ReportingObligationLifted',
);
/** Builds a {@link ReportFiled} event. */
export const reportFiled = make<ReportFiled>('ReportFiled');
/** Builds a {@link ReportCorrected} event. */
export const reportCorrected = make<ReportCorrected>('ReportCorrected');
/** Builds a {@link BodyEnded} event. */
export const bodyEnded = make<BodyEnded>('BodyEnded');
/** Builds a {@link BodiesAbsorbed} event. */
export const bodiesAbsorbed = make<BodiesAbsorbed>('BodiesAbsorbed');
/** Builds a {@link BodyTransferred} event. */
export const bodyTransferred = make<BodyTransferred>('BodyTransferred');

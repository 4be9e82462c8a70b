/**
 * The offices behind a generated body's ex-officio seats, as office streams, so that a roster
 * question resolves those seats through office holdings as it would in real use. Each office is
 * established before the body's history begins and then given a new holder at regular intervals
 * (every fifth one acting), every command decided by the office decider against the state folded
 * so far, so the events are ones it accepts.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { Office, addDays, establisherOnly } from '@mandate/core';
import type {
  AuthorityId,
  CalendarDate,
  CommandId,
  DocumentNumber,
  LegalBasis,
  Name,
  OfficeId,
  PersonId,
} from '@mandate/core';
import type { NewEvent } from '@mandate/eventstore';

/** How many holders each office has had, and when. */
export interface OfficeHistoryShape {
  /** The day each office is established. */
  readonly establishedOn: CalendarDate;
  readonly appointments: number;
  /** Days between two appointments, the first one that many days after establishment. */
  readonly spacingDays: number;
}

/** One office's stream and its events, in order. */
export interface OfficeStream {
  readonly stream: string;
  readonly events: ReadonlyArray<NewEvent>;
}

/** The authority that establishes every generated office, as it does every generated body. */
const PROVINCE = 'ubnd-tinh-binh-phuoc' as AuthorityId;
const ACTOR = 'Nguyễn Thị Lan, Sở Nội vụ'.normalize('NFC');
const context: Office.OfficeContext = { jurisdiction: establisherOnly };

/** Every office an ex-officio seat in `events` follows, in order of first mention. */
export function officesFollowed(events: ReadonlyArray<NewEvent>): ReadonlyArray<OfficeId> {
  const offices = new Set<OfficeId>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record['follows'] === 'office' && typeof record['office'] === 'string')
        offices.add(record['office'] as OfficeId);
      Object.values(record).forEach(visit);
    }
  };
  events.forEach((event) => visit(event.data));
  return [...offices];
}

const basisOf = (number: number, signedOn: CalendarDate): LegalBasis => ({
  type: 'decision',
  number: `${number}/QĐ-UBND`.normalize('NFC') as DocumentNumber,
  issuer: PROVINCE,
  signer: { name: 'Nguyễn Văn Trăm'.normalize('NFC') as Name },
  signedOn,
});

/** The history of one office: established, then a holder every `spacingDays`. */
export function officeStream(officeId: OfficeId, shape: OfficeHistoryShape): OfficeStream {
  const commands: Office.Command[] = [
    {
      type: 'EstablishOffice',
      data: {
        officeId,
        authority: PROVINCE,
        name: { vi: `Giám đốc ${officeId}`.normalize('NFC') as Name },
        basis: basisOf(1, shape.establishedOn),
        effectiveOn: shape.establishedOn,
      },
    },
  ];
  for (let i = 1; i <= shape.appointments; i++) {
    const effectiveOn = addDays(shape.establishedOn, i * shape.spacingDays);
    if (effectiveOn === undefined)
      throw new RangeError(`Appointment ${i} falls outside the calendar`);
    commands.push({
      type: 'AppointOfficeHolder',
      data: {
        officeId,
        person: `${officeId}-holder-${i}` as PersonId,
        capacity: i % 5 === 0 ? 'acting' : 'substantive',
        basis: basisOf(i + 1, effectiveOn),
        effectiveOn,
      },
    });
  }
  let state = Office.decider.initialState;
  const events: NewEvent[] = [];
  for (const [step, command] of commands.entries()) {
    const decided = Office.decider.decide(command, state, context);
    if (E.isLeft(decided)) throw new Error(`${officeId} step ${step}: ${decided.left.message}`);
    const commandId = `cmd-${officeId}-${step}` as CommandId;
    for (const event of decided.right) {
      state = Office.decider.evolve(state, event);
      events.push({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: Office.EventVersions[event.type],
        data: event.data,
        metadata: {
          validDate: event.data.effectiveOn,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: ACTOR,
        },
      });
    }
  }
  return { stream: `office-${officeId}`, events };
}

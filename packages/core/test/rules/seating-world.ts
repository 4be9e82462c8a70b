/**
 * The world the properties of docs/reference/domain.md rules 18, 19 and 20 decide in: one body of
 * the province, established on 2018-01-01, with existing seats built straight from events, and
 * a command beginning one new holding. It builds inputs with the core; the oracles that judge
 * the answers live in each property and never import the check they judge.
 */
import { isLeft } from 'fp-ts/Either';
import * as Body from '../../src/body/index.js';
import type {
  AuthorityId,
  BilingualName,
  BodyId,
  CalendarDate,
  EventId,
  LegalBasis,
  SeatHolder,
  SeatId,
} from '../../src/kernel/index.js';
import { instrumentSource } from '../../src/kernel/index.js';
import * as Seating from '../../src/seating/index.js';

export const BODY = 'bcd-chinh-quyen-dien-tu' as BodyId;
const PROVINCE = 'ubnd-tinh-binh-phuoc' as AuthorityId;
export const ESTABLISHED_ON = '2018-01-01' as CalendarDate;

const basisOn = (signedOn: CalendarDate): LegalBasis =>
  ({
    type: 'decision',
    number: '1/QĐ-UBND',
    issuer: PROVINCE,
    signer: { name: 'Nguyễn Văn A' },
    signedOn,
  }) as LegalBasis;

/**
 * An existing seat: its first holder, the day it was created, maybe a later holder replacing the
 * first on a later day, and maybe the day it was abolished.
 */
export interface ExistingSeat {
  readonly seatId: string;
  readonly holder: SeatHolder;
  readonly createdOn: CalendarDate;
  readonly replaced?: { readonly on: CalendarDate; readonly holder: SeatHolder };
  readonly abolishedOn?: CalendarDate;
}

/**
 * The events of a body with these seats, each under the id it is recorded with (no rule is
 * checked building them); the body ends by dissolution on `endedOn`, when given.
 */
export function bodyEventsWith(
  seats: ReadonlyArray<ExistingSeat>,
  endedOn?: CalendarDate,
): ReadonlyMap<EventId, Body.Event> {
  const common = (on: CalendarDate) => ({
    bodyId: BODY,
    effectiveOn: on,
    source: instrumentSource(basisOn(on)),
  });
  const events: Body.Event[] = [
    Body.bodyEstablished({
      ...common(ESTABLISHED_ON),
      kind: 'steering-committee',
      name: { vi: 'Ban Chỉ đạo' } as BilingualName,
      authority: PROVINCE,
      origin: { kind: 'decision' },
    }),
  ];
  for (const seat of seats) {
    const seatId = seat.seatId as SeatId;
    events.push(
      Body.seatCreated({
        ...common(seat.createdOn),
        seatId,
        roles: Body.roleSet('member'),
        holder: seat.holder,
      }),
    );
    if (seat.replaced !== undefined)
      events.push(
        Body.seatHolderReplaced({
          ...common(seat.replaced.on),
          seatId,
          previous: seat.holder,
          holder: seat.replaced.holder,
        }),
      );
    if (seat.abolishedOn !== undefined)
      events.push(Body.seatAbolished({ ...common(seat.abolishedOn), seatId }));
  }
  if (endedOn !== undefined)
    events.push(Body.bodyEnded({ ...common(endedOn), reason: 'dissolution', successors: [] }));
  return new Map(events.map((event, index) => [`recorded-${index + 1}` as EventId, event]));
}

/** The body with these seats, folded from events (no rule is checked building it). */
export const bodyWith = (seats: ReadonlyArray<ExistingSeat>, endedOn?: CalendarDate): Body.State =>
  [...bodyEventsWith(seats, endedOn).values()].reduce(Body.decider.evolve, Body.initialState);

const anyIssuer = { jurisdiction: { mayChange: () => true } };

/** What deciding a command and checking the rules across streams answered: a refusal, or none. */
export interface Checked {
  readonly refusal?: { readonly _tag: string } & Record<string, unknown>;
}

/**
 * Decides creating seat `seatId` for `holder` on `on`, in one decision with the changes `before`
 * and `after` it (which begin no holding), then checks the rules across streams: the body
 * decider's refusal, else the seating refusal, else none.
 */
export function createSeatChecked(
  state: Body.State,
  seatId: string,
  holder: SeatHolder,
  on: CalendarDate,
  facts: Seating.SeatingFacts,
  around: {
    readonly before?: ReadonlyArray<Body.BodyChange>;
    readonly after?: ReadonlyArray<Body.BodyChange>;
  } = {},
): Checked {
  const create: Body.BodyChange = {
    change: 'CreateSeat',
    seatId: seatId as SeatId,
    roles: Body.roleSet('member'),
    holder,
  };
  const changes = [...(around.before ?? []), create, ...(around.after ?? [])];
  return decideChecked(
    {
      type: 'AmendBody',
      data: {
        bodyId: BODY,
        basis: basisOn(on),
        effectiveOn: on,
        changes: [changes[0] ?? create, ...changes.slice(1)],
      },
    },
    state,
    new Map(),
    facts,
  );
}

/**
 * Decides correcting the holder the recorded event `corrects` (a seat's creation or a
 * replacement of its holder) names to `holder`, then checks the rules across streams as
 * {@link createSeatChecked} does; `recorded` is the body's stream.
 */
export const correctHolderChecked = (
  recorded: ReadonlyMap<EventId, Body.Event>,
  corrects: EventId,
  holder: SeatHolder,
  facts: Seating.SeatingFacts,
): Checked =>
  decideChecked(
    {
      type: 'CorrectBodyRecord',
      data: {
        bodyId: BODY,
        corrects,
        basis: basisOn('2022-01-10' as CalendarDate),
        correction: { correct: 'Holder', holder },
      },
    },
    [...recorded.values()].reduce(Body.decider.evolve, Body.initialState),
    recorded,
    facts,
  );

/** Decides `command` on `state`, then checks the rules across streams on the holdings it begins. */
function decideChecked(
  command: Body.Command,
  state: Body.State,
  recorded: ReadonlyMap<EventId, Body.Event>,
  facts: Seating.SeatingFacts,
): Checked {
  const decided = Body.decide(command, state, { ...anyIssuer, recorded });
  if (isLeft(decided)) return { refusal: { ...decided.left } };
  const after = decided.right.reduce(Body.decider.evolve, state);
  if (after.status === 'unestablished') throw new Error('The body vanished');
  const refusal = Seating.seatingRefusal(after, Seating.newHoldings(decided.right, after), facts);
  return refusal === undefined ? {} : { refusal: { ...refusal } };
}

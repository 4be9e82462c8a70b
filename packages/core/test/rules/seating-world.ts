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

/** An existing seat: its holder, the day it was created and, maybe, the day it was abolished. */
export interface ExistingSeat {
  readonly seatId: string;
  readonly holder: SeatHolder;
  readonly createdOn: CalendarDate;
  readonly abolishedOn?: CalendarDate;
}

/** The body with these seats, folded from events (no rule is checked building it). */
export function bodyWith(seats: ReadonlyArray<ExistingSeat>): Body.State {
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
    if (seat.abolishedOn !== undefined)
      events.push(Body.seatAbolished({ ...common(seat.abolishedOn), seatId }));
  }
  return events.reduce(Body.decider.evolve, Body.initialState);
}

const anyIssuer = { jurisdiction: { mayChange: () => true } };

/**
 * Decides creating seat `seatId` for `holder` on `on`, then checks the rules across streams: the
 * body decider's refusal, else the seating refusal, else the events.
 */
export function createSeatChecked(
  state: Body.State,
  seatId: string,
  holder: SeatHolder,
  on: CalendarDate,
  facts: Seating.SeatingFacts,
): { readonly refusal?: { readonly _tag: string } & Record<string, unknown> } {
  const decided = Body.decide(
    {
      type: 'AmendBody',
      data: {
        bodyId: BODY,
        basis: basisOn(on),
        effectiveOn: on,
        changes: [
          { change: 'CreateSeat', seatId: seatId as SeatId, roles: Body.roleSet('member'), holder },
        ],
      },
    },
    state,
    anyIssuer,
  );
  if (isLeft(decided)) return { refusal: { ...decided.left } };
  const after = decided.right.reduce(Body.decider.evolve, state);
  if (after.status === 'unestablished') throw new Error('The body vanished');
  const refusal = Seating.seatingRefusal(after, Seating.newHoldings(decided.right, after), facts);
  return refusal === undefined ? {} : { refusal: { ...refusal } };
}

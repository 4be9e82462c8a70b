/**
 * docs/reference/domain.md rule 6: an office has at most one substantive holder at a time (and at most one acting
 * holder); an ex-officio seat resolves on any date to the office's holder on that date, or to
 * "vacant".
 *
 * Generated sequences of office commands over two offices, three persons and dates in 2018–2021
 * (valid and invalid mixed, retroactive ones included) run through the office decider. After every
 * command:
 * - the decision agrees with a naive model of the rules written independently of the decider
 *   (naive-office.ts; it includes rule 16, which decides appointments too), so a decider that
 *   refuses too much fails as surely as one that accepts too much;
 * - a refused command yields no events and leaves the state untouched;
 * - replaying the accepted events naively gives exactly the decider's holdings, and at every date
 *   where anything changes there is at most one substantive and one acting holder;
 * - `resolveSeatHolder` for an ex-officio seat agrees, on every such date, with the substantive
 *   holder (else acting, else vacant) computed naively from the accepted events.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  establisherOnly,
  type CalendarDate,
  type LegalBasis,
  type Name,
  type OfficeId,
  type PersonId,
} from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import { deepEqual, show } from '../../src/testing/deep-equal.js';
import {
  defaultOfficePools,
  officeHistoryArbitrary,
  type PooledOfficeCommand,
} from '../../src/testing/office-arbitraries.js';
import {
  accepts,
  checkpoints,
  covers,
  replay,
  type NaiveHolding,
  type NaiveOffice,
} from './naive-office.js';

const context = { jurisdiction: establisherOnly };

// -------------------------------------------------------------------------------------------------
// The naive model (naive-office.ts), and what rule 6 asks of seats
// -------------------------------------------------------------------------------------------------

/** The seat resolution rule 6 asks for, read off the naive holdings. */
function naiveResolution(office: NaiveOffice | undefined, officeId: string, date: string) {
  const on = (capacity: string) =>
    office?.holdings.find((h) => h.capacity === capacity && covers(h, date));
  const substantive = on('substantive');
  if (substantive !== undefined)
    return {
      kind: 'person',
      person: substantive.person,
      via: 'office',
      office: officeId,
      acting: false,
    };
  const acting = on('acting');
  if (acting !== undefined)
    return { kind: 'person', person: acting.person, via: 'office', office: officeId, acting: true };
  return { kind: 'vacant', office: officeId };
}

/** Every kind of change to an office, by its own authority, on each of the given dates. */
function probes(
  office: Office.EstablishedOffice,
  dates: ReadonlyArray<CalendarDate>,
  template: LegalBasis | undefined,
): ReadonlyArray<PooledOfficeCommand> {
  if (template === undefined) return [];
  const { officeId } = office;
  return dates.flatMap((effectiveOn) => {
    const basis = { ...template, issuer: office.authority };
    const holders = defaultOfficePools.persons.flatMap((person) =>
      (['substantive', 'acting'] as const).flatMap((capacity) => {
        const data = { officeId, person: person as PersonId, capacity, basis, effectiveOn };
        return [
          { type: 'AppointOfficeHolder', data },
          { type: 'EndOfficeHolding', data },
        ] as const;
      }),
    );
    return [
      ...holders,
      { type: 'AbolishOffice', data: { officeId, basis, effectiveOn } },
      {
        type: 'RenameOffice',
        data: { officeId, name: { vi: `Tên từ ${effectiveOn}` as Name }, basis, effectiveOn },
      },
    ];
  });
}

const sortHoldings = (holdings: ReadonlyArray<NaiveHolding>) =>
  [...holdings].sort((a, b) =>
    `${a.from}|${a.capacity}|${a.person}`.localeCompare(`${b.from}|${b.capacity}|${b.person}`),
  );

// -------------------------------------------------------------------------------------------------
// The property
// -------------------------------------------------------------------------------------------------

describe('docs/reference/domain.md rule 6: one substantive (and one acting) holder at a time; ex-officio seats resolve', () => {
  it('holds after every command of generated histories, and agrees with a naive model', () => {
    fc.assert(
      fc.property(officeHistoryArbitrary(), (commands) => {
        const states = new Map<string, Office.OfficeState>();
        const accepted = new Map<string, Office.Event[]>();
        const lookup = (id: OfficeId) => states.get(id);

        for (const command of commands) {
          const officeId = command.data.officeId;
          const before = states.get(officeId) ?? Office.decider.initialState;
          const snapshot: unknown = JSON.parse(JSON.stringify(before));
          const outcome = Office.decider.decide(command, before, context);
          expect(JSON.parse(JSON.stringify(before))).toEqual(snapshot);

          const history = accepted.get(officeId) ?? [];
          const expected = accepts(command, replay(history));
          if (isLeft(outcome) === expected)
            throw new Error(
              `${expected ? 'refused' : 'accepted'} against the model: ${show(command)}\n` +
                `outcome: ${show(outcome)}\nhistory: ${show(history)}`,
            );
          if (isLeft(outcome)) continue;

          const after = outcome.right.reduce(Office.decider.evolve, before);
          expect(
            JSON.parse(JSON.stringify(before)),
            'evolve leaves the previous state untouched',
          ).toEqual(snapshot);
          states.set(officeId, after);
          accepted.set(officeId, [...history, ...outcome.right]);
          const naive = replay(accepted.get(officeId) ?? []);
          if (naive === undefined)
            throw new Error('an accepted command establishes the office first');

          // The decider's holdings are exactly the naive replay of its events.
          expect(sortHoldings(Office.holdingsOf(after))).toEqual(sortHoldings(naive.holdings));

          // What an accepted command says has happened.
          if (command.type === 'AppointOfficeHolder') {
            const holder = naive.holdings.find(
              (h) => h.capacity === command.data.capacity && covers(h, command.data.effectiveOn),
            );
            expect(holder?.person).toBe(command.data.person);
          }
          if (command.type === 'EndOfficeHolding')
            expect(
              naive.holdings.some(
                (h) =>
                  h.person === command.data.person &&
                  h.capacity === command.data.capacity &&
                  covers(h, command.data.effectiveOn),
              ),
            ).toBe(false);

          for (const date of checkpoints(naive)) {
            for (const capacity of ['substantive', 'acting'])
              expect(
                naive.holdings.filter((h) => h.capacity === capacity && covers(h, date)).length,
              ).toBeLessThanOrEqual(1);
            // Every holding lies within the office's life.
            for (const h of naive.holdings) {
              expect(h.from >= naive.establishedOn).toBe(true);
              if (naive.abolishedOn !== undefined)
                expect(h.to !== undefined && h.to <= naive.abolishedOn).toBe(true);
            }
            const seat = { follows: 'office', office: officeId } as const;
            const resolved = Office.resolveSeatHolder(seat, lookup, date);
            const wanted = naiveResolution(naive, officeId, date);
            if (!deepEqual(resolved, wanted))
              throw new Error(`On ${date}: resolved ${show(resolved)}, expected ${show(wanted)}`);
          }
        }
        // Probes: every kind of command on every date where something changes, decided (not
        // applied) against the final state, must agree with the model too.
        for (const [officeId, state] of states) {
          const naive = replay(accepted.get(officeId) ?? []);
          if (state.status !== 'established' || naive === undefined) continue;
          for (const command of probes(state, checkpoints(naive), commands[0]?.data.basis)) {
            const outcome = Office.decider.decide(command, state, context);
            if (isLeft(outcome) === accepts(command, naive))
              throw new Error(
                `Probe disagrees with the model: ${show(command)} → ${show(outcome)}`,
              );
            if (isLeft(outcome)) continue;
            const probed = replay([...(accepted.get(officeId) ?? []), ...outcome.right]);
            for (const date of probed === undefined ? [] : checkpoints(probed))
              for (const capacity of ['substantive', 'acting'])
                expect(
                  probed?.holdings.filter((h) => h.capacity === capacity && covers(h, date)).length,
                ).toBeLessThanOrEqual(1);
          }
        }
        // A seat following an office never established is vacant.
        const unknown = 'van-phong-khac' as OfficeId;
        expect(
          Office.resolveSeatHolder(
            { follows: 'office', office: unknown },
            lookup,
            '2019-01-01' as CalendarDate,
          ),
        ).toEqual({ kind: 'vacant', office: unknown });
      }),
      { numRuns: 300 },
    );
  });

  it('resolves a named seat to its person on every date, whatever the office does', () => {
    fc.assert(
      fc.property(
        officeHistoryArbitrary(undefined, { maxLength: 15 }),
        fc.constantFrom('nguyen-van-a', 'tran-thi-b'),
        (commands, person) => {
          const states = new Map<string, Office.OfficeState>();
          for (const command of commands) {
            const before = states.get(command.data.officeId) ?? Office.decider.initialState;
            const outcome = Office.decider.decide(command, before, context);
            if (!isLeft(outcome))
              states.set(
                command.data.officeId,
                outcome.right.reduce(Office.decider.evolve, before),
              );
          }
          const seat = {
            follows: 'person',
            person: person as PersonId,
            asOffice: 'chu-tich-ubnd-tinh' as OfficeId,
          } as const;
          for (const date of ['2018-01-01', '2019-07-01', '2021-12-31'] as CalendarDate[])
            // Whether the person still holds the office named with them is rule 16's question.
            expect(Office.resolveSeatHolder(seat, (id) => states.get(id), date)).toMatchObject({
              kind: 'person',
              person,
              via: 'named',
              acting: false,
              asOffice: 'chu-tich-ubnd-tinh',
            });
        },
      ),
      { numRuns: 100 },
    );
  });
});

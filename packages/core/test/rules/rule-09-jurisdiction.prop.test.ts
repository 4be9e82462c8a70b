/**
 * docs/reference/domain.md rule 9: only the establishing authority of a body, or an authority above it, may
 * change it — where "the establishing authority" follows mergers (provinces were merged in 2025:
 * the successor takes over the merged one's bodies and offices) and history keeps who had
 * jurisdiction when.
 *
 * Random hierarchies with renames and mergers (valid and invalid commands mixed) run through the
 * authority registry. Then:
 * - `jurisdictionOf`, `currentAuthorityOf` and `ancestorsOf` agree, for every pair of authorities
 *   and every date where anything changes, with a naive oracle computed from the raw list of
 *   accepted events (linear scans, no precomputed links);
 * - the registry's own commands are authorised by the same oracle, its structural rules hold over
 *   the whole valid-time line after every accepted command, and refused commands change nothing;
 * - every office command and every instrument-based body command whose issuer lacks jurisdiction
 *   on the instrument's signing date is refused with no events (`NoJurisdiction` whenever the
 *   office or body exists), and no command whose issuer has jurisdiction is refused for it.
 */
import fc from 'fast-check';
import { isLeft, type Either } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import * as Authority from '../../src/authority/index.js';
import * as Body from '../../src/body/index.js';
import { addDays, type AuthorityId, type CalendarDate } from '../../src/kernel/index.js';
import * as Office from '../../src/office/index.js';
import { arbitraryOf, calendarDateArbitrary } from '../../src/testing/arbitrary.js';
import { deepEqual, show } from '../../src/testing/deep-equal.js';
import {
  authorityHistoryArbitrary,
  hierarchyIds,
  officeHistoryArbitrary,
  strayIds,
} from '../../src/testing/office-arbitraries.js';

// -------------------------------------------------------------------------------------------------
// The naive oracle: linear scans over the raw list of accepted events
// -------------------------------------------------------------------------------------------------

type Events = ReadonlyArray<Authority.Event>;

const registration = (events: Events, id: string) =>
  events.find((e) => e.type === 'AuthorityRegistered' && e.data.authorityId === id) as
    Authority.AuthorityRegistered | undefined;
const merger = (events: Events, id: string) =>
  events.find((e) => e.type === 'AuthorityMerged' && e.data.authorityId === id) as
    Authority.AuthorityMerged | undefined;
const mergedBy = (events: Events, id: string, on: string) => {
  const m = merger(events, id);
  return m !== undefined && m.data.effectiveOn <= on ? m.data.into : undefined;
};
const active = (events: Events, id: string, on: string) => {
  const r = registration(events, id);
  return r !== undefined && r.data.effectiveOn <= on && mergedBy(events, id, on) === undefined;
};

/** Follows mergers in force on `on`; undefined for an authority never registered. */
function oracleCurrent(events: Events, id: string, on: string): string | undefined {
  if (registration(events, id) === undefined) return undefined;
  const seen = new Set<string>();
  let current = id;
  for (let next = mergedBy(events, current, on); next !== undefined && !seen.has(next);) {
    seen.add(current);
    current = next;
    next = mergedBy(events, current, on);
  }
  return current;
}

/** The parent of each authority in turn, each followed through its mergers on `on`. */
function oracleAncestors(events: Events, id: string, on: string): string[] {
  const result: string[] = [];
  let parent = registration(events, id)?.data.parent;
  while (parent !== undefined && !result.includes(parent) && result.length < 50) {
    const current = oracleCurrent(events, parent, on) ?? parent;
    result.push(current);
    parent = registration(events, current)?.data.parent;
  }
  return result;
}

/** Rule 9 read literally: the issuer exists then and is the establisher's current authority or above it. */
function oracleMayChange(events: Events, issuer: string, establisher: string, on: string): boolean {
  const current = oracleCurrent(events, establisher, on);
  if (current === undefined || !active(events, issuer, on)) return false;
  return current === issuer || oracleAncestors(events, current, on).includes(issuer);
}

/** Whether the registry's own authorisation rule lets the command's issuer act. */
function oracleAuthorises(events: Events, command: Authority.Command): boolean {
  const { basis } = command.data;
  if (command.type === 'RegisterAuthority') {
    const { parent, authorityId } = command.data;
    return parent === undefined
      ? basis.issuer === authorityId
      : oracleMayChange(events, basis.issuer, parent, basis.signedOn);
  }
  const parent = registration(events, command.data.authorityId)?.data.parent;
  return oracleMayChange(events, basis.issuer, parent ?? command.data.authorityId, basis.signedOn);
}

/** The registry's structural rules, checked over the whole list of accepted events. */
function checkRegistryRules(events: Events): void {
  for (const event of events) {
    const on = event.data.effectiveOn;
    switch (event.type) {
      case 'AuthorityRegistered':
        // A child may be valid before its parent's recorded registration, not after its end.
        if (event.data.parent !== undefined)
          expect(
            registration(events, event.data.parent) !== undefined &&
              mergedBy(events, event.data.parent, on) === undefined,
            `parent not ended: ${show(event)}`,
          ).toBe(true);
        break;
      case 'AuthorityRenamed':
        expect(active(events, event.data.authorityId, on), `renamed while active`).toBe(true);
        break;
      case 'AuthorityMerged': {
        const { authorityId, into } = event.data;
        expect(into).not.toBe(authorityId);
        expect(active(events, into, on), `successor active: ${show(event)}`).toBe(true);
        expect(active(events, authorityId, addDays(on, -1) ?? on), 'merged while active').toBe(
          true,
        );
        // Nothing relies on the merged authority being active from the merger on.
        for (const other of events) {
          const reliesOn =
            (other.type === 'AuthorityRegistered' && other.data.parent === authorityId) ||
            (other.type === 'AuthorityRenamed' && other.data.authorityId === authorityId) ||
            (other.type === 'AuthorityMerged' && other.data.into === authorityId);
          if (reliesOn)
            expect(other.data.effectiveOn < on, `after merger: ${show(other)}`).toBe(true);
        }
        break;
      }
    }
  }
  // No cycle through parents and mergers, whatever the dates.
  for (const { data } of events.filter((e) => e.type === 'AuthorityRegistered')) {
    const path: string[] = [];
    const next = (id: string): string | undefined =>
      merger(events, id)?.data.into ?? registration(events, id)?.data.parent;
    for (let id: string | undefined = data.authorityId; id !== undefined; id = next(id)) {
      expect(path, `cycle: ${path.join(' → ')} → ${id}`).not.toContain(id);
      path.push(id);
    }
  }
}

/** Every date the history mentions, the day before each, and dates well before and after. */
function datesOf(events: Events): ReadonlyArray<CalendarDate> {
  const dates = new Set<string>(['1999-12-31', '2030-01-01']);
  for (const event of events) {
    dates.add(event.data.effectiveOn);
    if (event.data.source.kind === 'instrument') dates.add(event.data.source.instrument.signedOn);
  }
  for (const date of [...dates]) dates.add(addDays(date as CalendarDate, -1) ?? date);
  return [...dates].sort() as CalendarDate[];
}

/** Runs a registry history through the decider, checking what each decision must respect. */
function runRegistry(commands: ReadonlyArray<Authority.Command>) {
  let state = Authority.decider.initialState;
  const events: Authority.Event[] = [];
  for (const command of commands) {
    const snapshot = structuredClone(state);
    const outcome = Authority.decider.decide(command, state);
    expect(deepEqual(state, snapshot), 'decide leaves the state untouched').toBe(true);
    if (isLeft(outcome)) continue;
    if (!oracleAuthorises(events, command))
      throw new Error(`Accepted an unauthorised ${show(command)}\nafter ${show(events)}`);
    const previous = state;
    state = outcome.right.reduce(Authority.decider.evolve, state);
    expect(deepEqual(previous, snapshot), 'evolve leaves the previous state untouched').toBe(true);
    events.push(...outcome.right);
    checkRegistryRules(events);
  }
  return { state, events };
}

const someIds = [...hierarchyIds, ...strayIds, 'unknown'] as AuthorityId[];

// -------------------------------------------------------------------------------------------------
// Commands whose issuers are drawn from the hierarchy
// -------------------------------------------------------------------------------------------------

/** Authorities and issuers, biased towards the root `a0` and `a1` so that many commands are entitled. */
const anyAuthority = fc.oneof(
  { arbitrary: fc.constant('a0'), weight: 4 },
  { arbitrary: fc.constant('a1'), weight: 2 },
  { arbitrary: fc.constantFrom(...someIds), weight: 4 },
);
const windowDates = calendarDateArbitrary('2015-01-01', '2023-12-31');
const officeHistory = officeHistoryArbitrary(
  {
    offices: ['office-1', 'office-2'],
    persons: ['nguyen-van-a', 'tran-thi-b'],
    authorities: anyAuthority,
    capacities: fc.constantFrom('substantive', 'acting'),
    dates: windowDates,
  },
  { maxLength: 15 },
);

const bodyBasis = arbitraryOf(Authority.RenameAuthority, {
  AuthorityId: anyAuthority,
  CalendarDate: windowDates,
}).map((command) => command.data.basis);
type InstrumentBodyCommand = Body.EstablishBody | Body.AmendBody | Body.DissolveBody;
/** Instrument-based body commands: establish, rename by amendment, dissolve; two bodies. */
const bodyCommand: fc.Arbitrary<InstrumentBodyCommand> = fc
  .record({
    kind: fc.constantFrom('EstablishBody', 'AmendBody', 'DissolveBody'),
    bodyId: fc.constantFrom('body-1', 'body-2'),
    authority: anyAuthority,
    basis: bodyBasis,
    effectiveOn: windowDates,
  })
  .map(({ kind, bodyId, authority, basis, effectiveOn }) => {
    const json =
      kind === 'EstablishBody'
        ? {
            bodyId,
            kind: 'steering-committee',
            name: { vi: 'Ban Chỉ đạo' },
            authority,
            basis,
            effectiveOn,
          }
        : kind === 'AmendBody'
          ? {
              bodyId,
              basis,
              effectiveOn,
              changes: [{ change: 'Rename', name: { vi: `Ban ${effectiveOn}` } }],
            }
          : { bodyId, basis, effectiveOn };
    const decoded = Body.Command.decode({ type: kind, data: json });
    if (isLeft(decoded) || !('basis' in decoded.right.data))
      throw new Error(`generated body command does not decode: ${show(json)}`);
    return decoded.right as InstrumentBodyCommand;
  });
const establishBody = bodyCommand.filter((c) => c.type === 'EstablishBody');
const bodyHistory = fc
  .tuple(establishBody, establishBody, fc.array(bodyCommand, { minLength: 1, maxLength: 15 }))
  .map(([first, second, rest]) => [first, second, ...rest]);

/**
 * Decides a stream's commands in order against the jurisdiction, checking each against the
 * oracle: no events without jurisdiction; `NoJurisdiction` exactly when the oracle denies it
 * and the target exists (`governedBy` says which authority governs it, if it does).
 */
function checkStream<
  C extends { data: { basis: { issuer: AuthorityId; signedOn: CalendarDate } } },
  E,
  S,
>(
  commands: ReadonlyArray<C>,
  decider: {
    initialState: S;
    decide: (
      c: C,
      s: S,
      ctx: { jurisdiction: ReturnType<typeof Authority.jurisdictionOf> },
    ) => Either<{ _tag: string }, ReadonlyArray<E>>;
    evolve: (s: S, e: E) => S;
  },
  governedBy: (command: C, state: S) => string | undefined,
  registry: { state: Authority.RegistryState; events: Events },
): { refusedForJurisdiction: number; accepted: number } {
  const jurisdiction = Authority.jurisdictionOf(registry.state);
  let state = decider.initialState;
  let refusedForJurisdiction = 0;
  let accepted = 0;
  for (const command of commands) {
    const { issuer, signedOn } = command.data.basis;
    const authority = governedBy(command, state);
    const allowed =
      authority !== undefined && oracleMayChange(registry.events, issuer, authority, signedOn);
    const outcome = decider.decide(command, state, { jurisdiction });
    if (isLeft(outcome)) {
      const forJurisdiction = outcome.left._tag === 'NoJurisdiction';
      if (authority !== undefined && forJurisdiction === allowed)
        throw new Error(
          `${forJurisdiction ? 'Refused for jurisdiction although' : 'Not refused for jurisdiction although'} the oracle says ${allowed}: ${show(command)} → ${show(outcome.left)}`,
        );
      if (forJurisdiction) refusedForJurisdiction++;
      continue;
    }
    if (!allowed) throw new Error(`Accepted without jurisdiction: ${show(command)}`);
    accepted++;
    state = outcome.right.reduce(decider.evolve, state);
  }
  return { refusedForJurisdiction, accepted };
}

// -------------------------------------------------------------------------------------------------
// The properties
// -------------------------------------------------------------------------------------------------

describe('docs/reference/domain.md rule 9: jurisdiction follows the hierarchy and its mergers', () => {
  it('jurisdictionOf, currentAuthorityOf and ancestorsOf agree with a naive oracle on every date', () => {
    fc.assert(
      fc.property(authorityHistoryArbitrary, (commands) => {
        const { state, events } = runRegistry(commands);
        const jurisdiction = Authority.jurisdictionOf(state);
        for (const on of datesOf(events))
          for (const establisher of someIds) {
            expect(Authority.currentAuthorityOf(state, establisher, on)).toBe(
              oracleCurrent(events, establisher, on),
            );
            expect(Authority.ancestorsOf(state, establisher, on)).toEqual(
              oracleAncestors(events, establisher, on),
            );
            for (const issuer of someIds)
              if (
                jurisdiction.mayChange(issuer, establisher, on) !==
                oracleMayChange(events, issuer, establisher, on)
              )
                throw new Error(
                  `mayChange(${issuer}, ${establisher}, ${on}) disagrees with the oracle\n${show(events)}`,
                );
          }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses, with no events, every office command whose issuer lacks jurisdiction', () => {
    const totals = { refusedForJurisdiction: 0, accepted: 0 };
    fc.assert(
      fc.property(authorityHistoryArbitrary, officeHistory, (authorityCommands, commands) => {
        const registry = runRegistry(authorityCommands);
        for (const officeId of ['office-1', 'office-2']) {
          const counts = checkStream(
            commands.filter((c) => c.data.officeId === officeId),
            Office.decider,
            (command, state) =>
              command.type === 'EstablishOffice'
                ? state.status === 'unestablished'
                  ? command.data.authority
                  : undefined
                : state.status === 'established'
                  ? state.authority
                  : undefined,
            registry,
          );
          totals.refusedForJurisdiction += counts.refusedForJurisdiction;
          totals.accepted += counts.accepted;
        }
      }),
      { numRuns: 150 },
    );
    // Both sides of the rule were exercised, not just one.
    expect(totals.refusedForJurisdiction).toBeGreaterThan(100);
    expect(totals.accepted).toBeGreaterThan(100);
  });

  it('refuses, with no events, every body command whose issuer lacks jurisdiction', () => {
    const totals = { refusedForJurisdiction: 0, accepted: 0 };
    fc.assert(
      fc.property(authorityHistoryArbitrary, bodyHistory, (authorityCommands, commands) => {
        const registry = runRegistry(authorityCommands);
        for (const bodyId of ['body-1', 'body-2']) {
          const counts = checkStream(
            commands.filter((c) => c.data.bodyId === bodyId),
            Body.decider,
            (command, state) =>
              command.type === 'EstablishBody'
                ? state.status === 'unestablished'
                  ? command.data.authority
                  : undefined
                : state.status === 'active'
                  ? state.authority
                  : undefined,
            registry,
          );
          totals.refusedForJurisdiction += counts.refusedForJurisdiction;
          totals.accepted += counts.accepted;
        }
      }),
      { numRuns: 150 },
    );
    // Both sides of the rule were exercised, not just one.
    expect(totals.refusedForJurisdiction).toBeGreaterThan(100);
    expect(totals.accepted).toBeGreaterThan(100);
  });
});

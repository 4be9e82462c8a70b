/**
 * docs/reference/domain.md rule 9: only the establishing authority of a body, or an authority above it, may
 * change it — where "the establishing authority" follows mergers (provinces were merged in 2025:
 * the successor takes over the merged one's bodies and offices) and history keeps who had
 * jurisdiction when.
 *
 * Random hierarchies with renames, mergers, splits, dissolutions and added superiors (valid and
 * invalid commands mixed) run through the authority registry. Then:
 * - `jurisdictionOf`, `currentAuthorityOf` and `ancestorsOf` agree, for every pair of authorities
 *   and every date where anything changes, with a naive oracle computed from the raw list of
 *   accepted events (linear scans, no precomputed links);
 * - the registry's own commands are authorised by the same oracle, its structural rules hold over
 *   the whole valid-time line after every accepted command, and refused commands change nothing;
 * - every office command and every instrument-based body command whose issuer lacks jurisdiction
 *   on the instrument's signing date is refused with no events (`NoJurisdiction` whenever the
 *   office or body exists), and no command whose issuer has jurisdiction is refused for it;
 * - dissolutions, splits and new superiors are accepted exactly when a literal reading of their
 *   rules over the accepted events says so, and jurisdiction follows every path of superiors;
 * - a body is transferred exactly when the oracle allows it (an issuer governing both the
 *   authority it leaves and the one it joins, which exists then), rule 9 follows the new
 *   authority from the transfer's date, and the bodies reported orphaned on each date are exactly
 *   those whose authority then, followed through its mergers, does not exist.
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
/** The event that ended the authority (merger, dissolution or split), if any. */
const ending = (events: Events, id: string) =>
  events.find(
    (e) =>
      (e.type === 'AuthorityMerged' ||
        e.type === 'AuthorityDissolved' ||
        e.type === 'AuthoritySplit') &&
      e.data.authorityId === id,
  );
const active = (events: Events, id: string, on: string) => {
  const r = registration(events, id);
  const end = ending(events, id);
  return (
    r !== undefined && r.data.effectiveOn <= on && (end === undefined || on < end.data.effectiveOn)
  );
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

/** The authorities directly above `id` on `on`: its parent, then superiors added by then, in order. */
const directSuperiors = (events: Events, id: string, on: string): string[] => {
  const parent = registration(events, id)?.data.parent;
  const added = events.flatMap((e) =>
    e.type === 'AuthoritySuperiorAdded' && e.data.authorityId === id && e.data.effectiveOn <= on
      ? [e.data.superior]
      : [],
  );
  return parent === undefined ? added : [parent, ...added];
};

/** Breadth first over every superior, each followed through its mergers on `on`, each once. */
function oracleAncestors(events: Events, id: string, on: string): string[] {
  const result: string[] = [];
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift())
    for (const superior of directSuperiors(events, next, on)) {
      const current = oracleCurrent(events, superior, on) ?? superior;
      if (current === id || result.includes(current)) continue;
      result.push(current);
      queue.push(current);
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

/** Every link from an authority to another, whatever the dates: parent, superiors, successors. */
const linksFrom = (events: Events, id: string): string[] =>
  events.flatMap((e) => {
    if (e.type === 'AuthorityRegistered' && e.data.authorityId === id)
      return e.data.parent === undefined ? [] : [e.data.parent];
    if (e.type === 'AuthoritySuperiorAdded' && e.data.authorityId === id) return [e.data.superior];
    if (e.type === 'AuthorityMerged' && e.data.authorityId === id) return [e.data.into];
    if (e.type === 'AuthoritySplit' && e.data.authorityId === id) return [...e.data.into];
    return [];
  });

/** True when `target` is reached from `from` along links (depth first, each authority once). */
function linked(events: Events, from: string, target: string): boolean {
  const seen = new Set<string>();
  const visit = (id: string): boolean =>
    id === target || (!seen.has(id) && (seen.add(id), linksFrom(events, id).some(visit)));
  return visit(from);
}

/** The events that rely on `id` being active on their date. */
const relyingOn = (events: Events, id: string) =>
  events.filter(
    (e) =>
      (e.type === 'AuthorityRegistered' && (e.data.authorityId === id || e.data.parent === id)) ||
      (e.type === 'AuthorityRenamed' && e.data.authorityId === id) ||
      (e.type === 'AuthorityMerged' && e.data.into === id) ||
      (e.type === 'AuthoritySplit' && e.data.into.includes(id as AuthorityId)) ||
      (e.type === 'AuthoritySuperiorAdded' &&
        (e.data.authorityId === id || e.data.superior === id)),
  );

/** An authority placed under `id` (as its parent) that is active on `on`. */
const childActive = (events: Events, id: string, on: string) =>
  events.some(
    (e) =>
      e.type === 'AuthorityRegistered' &&
      e.data.parent === id &&
      active(events, e.data.authorityId, on),
  );

/**
 * Whether a dissolution, split or new superior is accepted, read literally from the rules: the
 * subject is registered, never ended, active on the date and governed by the issuer; a
 * dissolution or split comes after every date that relies on the subject and leaves no child
 * under it; a split names at least two distinct other successors, active on the date and not
 * linked back to the subject; a new superior is registered, active then and not linked back.
 * `undefined` for the other commands, which `oracleAuthorises` alone covers.
 */
function oracleAccepts(events: Events, command: Authority.Command): boolean | undefined {
  if (
    command.type !== 'DissolveAuthority' &&
    command.type !== 'SplitAuthority' &&
    command.type !== 'AddAuthoritySuperior'
  )
    return undefined;
  const { authorityId: id, effectiveOn: on } = command.data;
  const subject =
    registration(events, id) !== undefined &&
    ending(events, id) === undefined &&
    oracleAuthorises(events, command) &&
    active(events, id, on);
  if (!subject) return false;
  const afterReliance = relyingOn(events, id).every((e) => e.data.effectiveOn < on);
  switch (command.type) {
    case 'DissolveAuthority':
      return afterReliance && !childActive(events, id, on);
    case 'SplitAuthority': {
      const { into } = command.data;
      return (
        into.length >= 2 &&
        new Set(into).size === into.length &&
        !into.includes(id) &&
        into.every(
          (successor) => active(events, successor, on) && !linked(events, successor, id),
        ) &&
        afterReliance &&
        !childActive(events, id, on)
      );
    }
    case 'AddAuthoritySuperior': {
      const { superior } = command.data;
      return active(events, superior, on) && !linked(events, superior, id);
    }
  }
}

/** The registry's structural rules, checked over the whole list of accepted events. */
function checkRegistryRules(events: Events): void {
  for (const event of events) {
    const on = event.data.effectiveOn;
    switch (event.type) {
      case 'AuthorityRegistered':
        // A child may be valid before its parent's recorded registration, not after its end.
        if (event.data.parent !== undefined) {
          const parentEnd = ending(events, event.data.parent);
          expect(
            registration(events, event.data.parent) !== undefined &&
              (parentEnd === undefined || on < parentEnd.data.effectiveOn),
            `parent not ended: ${show(event)}`,
          ).toBe(true);
        }
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
        for (const other of relyingOn(events, authorityId))
          expect(other.data.effectiveOn < on, `after merger: ${show(other)}`).toBe(true);
        break;
      }
      case 'AuthorityDissolved':
      case 'AuthoritySplit': {
        const { authorityId } = event.data;
        expect(active(events, authorityId, addDays(on, -1) ?? on), 'ended while active').toBe(true);
        expect(childActive(events, authorityId, on), `child left: ${show(event)}`).toBe(false);
        for (const other of relyingOn(events, authorityId))
          expect(other.data.effectiveOn < on, `after its end: ${show(other)}`).toBe(true);
        break;
      }
      case 'AuthoritySuperiorAdded':
        expect(active(events, event.data.authorityId, on), 'subject active').toBe(true);
        expect(active(events, event.data.superior, on), 'superior active').toBe(true);
        break;
    }
  }
  // No cycle through parents, superiors, mergers and splits, whatever the dates.
  for (const { data } of events.filter((e) => e.type === 'AuthorityRegistered'))
    for (const next of linksFrom(events, data.authorityId))
      expect(linked(events, next, data.authorityId), `cycle through ${data.authorityId}`).toBe(
        false,
      );
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

/** How often each of the commands `oracleAccepts` judges was accepted and refused, over all runs. */
const judged = new Map<string, { accepted: number; refused: number }>();

/** Runs a registry history through the decider, checking what each decision must respect. */
function runRegistry(commands: ReadonlyArray<Authority.Command>) {
  let state = Authority.decider.initialState;
  const events: Authority.Event[] = [];
  for (const command of commands) {
    const snapshot = structuredClone(state);
    const outcome = Authority.decider.decide(command, state);
    expect(deepEqual(state, snapshot), 'decide leaves the state untouched').toBe(true);
    const expected = oracleAccepts(events, command);
    if (expected !== undefined) {
      const tally = judged.get(command.type) ?? { accepted: 0, refused: 0 };
      tally[expected ? 'accepted' : 'refused'] += 1;
      judged.set(command.type, tally);
    }
    if (expected !== undefined && expected === isLeft(outcome))
      throw new Error(
        `${expected ? 'Refused' : 'Accepted'} ${show(command)} against the oracle: ${show(outcome)}\nafter ${show(events)}`,
      );
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

/** Transfers of the two bodies to an authority drawn like the issuers. */
const transferCommand: fc.Arbitrary<Body.TransferBody> = fc
  .record({
    bodyId: fc.constantFrom('body-1', 'body-2'),
    to: fc.constantFrom(...hierarchyIds),
    basis: fc
      .tuple(bodyBasis, fc.boolean())
      .map(([basis, byRoot]) => (byRoot ? { ...basis, issuer: 'a0' as AuthorityId } : basis)),
    effectiveOn: windowDates,
  })
  .map((data) => {
    const decoded = Body.TransferBody.decode({ type: 'TransferBody', data });
    if (isLeft(decoded)) throw new Error(`generated transfer does not decode: ${show(data)}`);
    return decoded.right;
  });
/** Body histories with transfers among the other instrument-based commands. */
const transferHistory = fc
  .tuple(
    establishBody,
    establishBody,
    fc.array(fc.oneof(bodyCommand, transferCommand, transferCommand), {
      minLength: 1,
      maxLength: 20,
    }),
  )
  .map(([first, second, rest]): ReadonlyArray<Body.Command> => [first, second, ...rest]);

/** The authority a body answers to on `on`, read from its accepted events: the last transfer's, or its establisher. */
function oracleBodyAuthority(events: ReadonlyArray<Body.Event>, on: string): string | undefined {
  let authority: string | undefined;
  let transferredOn = '';
  for (const event of events) {
    if (event.type === 'BodyEstablished') authority ??= event.data.authority;
    if (
      event.type === 'BodyTransferred' &&
      event.data.effectiveOn <= on &&
      event.data.effectiveOn >= transferredOn
    ) {
      authority = event.data.authority;
      transferredOn = event.data.effectiveOn;
    }
  }
  return authority;
}

/** The body's life read from its accepted events: its establishment and end dates, if any. */
function oracleLife(events: ReadonlyArray<Body.Event>) {
  const established = events.find((e) => e.type === 'BodyEstablished')?.data.effectiveOn;
  const ended = events.find((e) => e.type === 'BodyEnded')?.data.effectiveOn;
  return { established, ended };
}

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
      // Enough runs that every outcome below comes up whatever the seed (150 once gave 4 refused splits).
      { numRuns: 300 },
    );
    // Dissolutions, splits and new superiors were both accepted and refused (over 30 seeds, the
    // fewest of any was 9 accepted splits, mean 18).
    for (const type of ['DissolveAuthority', 'SplitAuthority', 'AddAuthoritySuperior']) {
      expect(judged.get(type)?.accepted, type).toBeGreaterThan(2);
      expect(judged.get(type)?.refused, type).toBeGreaterThan(2);
    }
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
    // Both sides of the rule were exercised, not just one (over 30 seeds, the fewest were 335
    // refused and 174 accepted, of either test).
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
    // Both sides of the rule were exercised, not just one (over 30 seeds, the fewest were 335
    // refused and 174 accepted, of either test).
    expect(totals.refusedForJurisdiction).toBeGreaterThan(100);
    expect(totals.accepted).toBeGreaterThan(100);
  });

  /** `json`, decoded by `codec`; a fixed example that does not decode is a broken test. */
  const decodedExample = <A>(
    codec: { decode: (u: unknown) => Either<unknown, A> },
    json: unknown,
  ): A => {
    const result = codec.decode(json);
    if (isLeft(result)) throw new Error(`fixed example does not decode: ${show(json)}`);
    return result.right;
  };

  const rootDecision = (signedOn: string) => ({
    type: 'decision',
    number: `DEMO-${signedOn.replaceAll('-', '')}/QĐ-UBND`,
    issuer: 'a0',
    signer: { name: 'Nguyễn Văn A' },
    signedOn,
  });

  /**
   * A fixed history run before the generated ones, so that every run compares orphans: `a1`,
   * under `a0`, is dissolved on 2022-07-17 while `body-1`, established under it, and `body-2`,
   * transferred to it, are alive. Generated histories reach orphans only now and then.
   */
  const orphaningExample: [ReadonlyArray<Authority.Command>, ReadonlyArray<Body.Command>] = [
    [
      {
        type: 'RegisterAuthority',
        data: {
          authorityId: 'a0',
          name: { vi: 'Ủy ban nhân dân tỉnh' },
          level: 'province',
          basis: rootDecision('2000-01-05'),
          effectiveOn: '2000-01-05',
        },
      },
      {
        type: 'RegisterAuthority',
        data: {
          authorityId: 'a1',
          name: { vi: 'Sở Nội vụ' },
          level: 'other',
          parent: 'a0',
          basis: rootDecision('2000-01-10'),
          effectiveOn: '2000-01-10',
        },
      },
      {
        type: 'DissolveAuthority',
        data: { authorityId: 'a1', basis: rootDecision('2022-07-01'), effectiveOn: '2022-07-17' },
      },
    ].map((json) => decodedExample(Authority.Command, json)),
    [
      {
        type: 'EstablishBody',
        data: {
          bodyId: 'body-1',
          kind: 'steering-committee',
          name: { vi: 'Ban Chỉ đạo' },
          authority: 'a1',
          basis: rootDecision('2019-01-01'),
          effectiveOn: '2019-01-01',
        },
      },
      {
        type: 'EstablishBody',
        data: {
          bodyId: 'body-2',
          kind: 'steering-committee',
          name: { vi: 'Ban Chỉ đạo' },
          authority: 'a0',
          basis: rootDecision('2019-01-01'),
          effectiveOn: '2019-01-01',
        },
      },
      {
        type: 'TransferBody',
        data: {
          bodyId: 'body-2',
          to: 'a1',
          basis: rootDecision('2020-01-01'),
          effectiveOn: '2020-01-01',
        },
      },
    ].map((json) => decodedExample(Body.Command, json)),
  ];

  it('transfers a body exactly when the oracle allows it, and rule 9 follows the new authority from then', () => {
    const totals = { transferred: 0, transferRefused: 0, refusedForJurisdiction: 0, orphans: 0 };
    fc.assert(
      fc.property(authorityHistoryArbitrary, transferHistory, (authorityCommands, commands) => {
        const registry = runRegistry(authorityCommands);
        const jurisdiction = Authority.jurisdictionOf(registry.state);
        const may = (issuer: string, authority: string | undefined, on: string) =>
          authority !== undefined && oracleMayChange(registry.events, issuer, authority, on);
        const states: Body.State[] = [];
        const histories: Array<ReadonlyArray<Body.Event>> = [];
        for (const bodyId of ['body-1', 'body-2']) {
          let state = Body.decider.initialState;
          const events: Body.Event[] = [];
          for (const command of commands.filter((c) => c.data.bodyId === bodyId)) {
            if (!('basis' in command.data)) continue;
            const { issuer, signedOn } = command.data.basis;
            const outcome = Body.decider.decide(command, state, { jurisdiction });
            const { established, ended } = oracleLife(events);
            const alive = established !== undefined && ended === undefined;
            if (command.type === 'TransferBody') {
              const { to, effectiveOn: on } = command.data;
              const lastTransfer = events
                .flatMap((e) => (e.type === 'BodyTransferred' ? [e.data.effectiveOn] : []))
                .sort()
                .at(-1);
              const expected =
                alive &&
                on >= established &&
                (lastTransfer === undefined || on > lastTransfer) &&
                may(issuer, oracleBodyAuthority(events, on), signedOn) &&
                may(issuer, to, signedOn) &&
                active(registry.events, to, on);
              if (expected === isLeft(outcome))
                throw new Error(
                  `Transfer ${expected ? 'refused' : 'accepted'} against the oracle: ${show(command)} → ${show(outcome)}\nafter ${show(events)}\nregistry ${show(registry.events)}`,
                );
              if (isLeft(outcome)) totals.transferRefused++;
              else if (outcome.right.length > 0) totals.transferred++;
            } else {
              const governing =
                command.type === 'EstablishBody'
                  ? established === undefined
                    ? command.data.authority
                    : undefined
                  : alive
                    ? oracleBodyAuthority(events, signedOn)
                    : undefined;
              const forJurisdiction = isLeft(outcome) && outcome.left._tag === 'NoJurisdiction';
              if (governing !== undefined && forJurisdiction === may(issuer, governing, signedOn))
                throw new Error(
                  `NoJurisdiction ${forJurisdiction} against the oracle: ${show(command)}\nafter ${show(events)}`,
                );
              if (forJurisdiction) totals.refusedForJurisdiction++;
            }
            if (isLeft(outcome)) continue;
            events.push(...outcome.right);
            state = outcome.right.reduce(Body.decider.evolve, state);
          }
          states.push(state);
          histories.push(events);
        }
        // Orphans: a body alive on the date whose authority then, followed through its mergers,
        // does not exist on that date.
        const bodyDates = histories.flat().map((event) => event.data.effectiveOn);
        for (const on of new Set([...datesOf(registry.events), ...bodyDates])) {
          const expected = histories.flatMap((events) => {
            const { established, ended } = oracleLife(events);
            if (
              established === undefined ||
              on < established ||
              (ended !== undefined && on >= ended)
            )
              return [];
            const authority = oracleBodyAuthority(events, on) as string;
            const standing = oracleCurrent(registry.events, authority, on) ?? authority;
            return active(registry.events, standing, on)
              ? []
              : [{ bodyId: events[0]?.data.bodyId, authority, standing }];
          });
          const actual = Authority.orphanedBodies(registry.state, states, on).map(
            ({ bodyId, authority, standing }) => ({ bodyId, authority, standing }),
          );
          expect(actual, `orphans on ${on}`).toEqual(expected);
          totals.orphans += actual.length;
        }
      }),
      { numRuns: 300, examples: [orphaningExample] },
    );
    // Transfers were both made and refused, jurisdiction denied, and orphans found (the fixed
    // example finds some every run). Over 30 seeds the fewest were 61 transfers made, 1,038
    // refused, 449 for jurisdiction and 9 orphans.
    expect(totals.transferred).toBeGreaterThan(20);
    expect(totals.transferRefused).toBeGreaterThan(20);
    expect(totals.refusedForJurisdiction).toBeGreaterThan(20);
    expect(totals.orphans).toBeGreaterThan(5);
  });
});

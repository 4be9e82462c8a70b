/**
 * The seed story, folded in memory through the pure deciders: every step is accepted, and the
 * successor's roster, duties, obligations and lineage are what the 2018 decision says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Authority,
  Body,
  decodeWith,
  Instrument,
  LegalBasis,
  Office,
  Person,
  Reorganisation,
} from '../../index.js';
import type {
  AuthorityId,
  BodyId,
  PersonId,
  CalendarDate,
  Jurisdiction,
  Name,
  DocumentNumber,
  ObligationId,
  OfficeId,
} from '../../index.js';
import type { PeriodLabel } from '../../body/index.js';
import {
  SEED_DECISION_DATE,
  SEED_PROVINCE_MERGER_DATE,
  SeedIds,
  seedSteps,
} from './binh-phuoc-2018.js';

interface World {
  authorities: Authority.RegistryState;
  instruments: Instrument.RegistryState;
  bodies: Map<BodyId, Body.State>;
  offices: Map<OfficeId, Office.OfficeState>;
  persons: Map<PersonId, Person.PersonState>;
}

function orThrow<A>(
  result: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A },
  title: string,
): A {
  if (result._tag === 'Left') throw new Error(`${title}: ${JSON.stringify(result.left)}`);
  return result.right;
}

/** Applies one seed step to the world through the decider that owns its command. */
function apply(world: World, title: string, command: unknown): void {
  const jurisdiction: Jurisdiction = Authority.jurisdictionOf(world.authorities);
  const { type, data } = command as { type: string; data: { basis?: unknown } };
  if (type === 'RecordInstrument') {
    const decoded = orThrow(decodeWith(Instrument.Command, command), title);
    const events = orThrow(Instrument.decider.decide(decoded, world.instruments, undefined), title);
    world.instruments = events.reduce(Instrument.decider.evolve, world.instruments);
    return;
  }
  // The registry is mandatory: every instrument a step cites is recorded before (rule 15).
  if (data.basis !== undefined)
    orThrow(
      Instrument.checkCitation(
        world.instruments,
        orThrow(decodeWith(LegalBasis, data.basis), title),
      ),
      title,
    );
  if (['RegisterAuthority', 'RenameAuthority', 'MergeAuthority'].includes(type)) {
    const decoded = orThrow(decodeWith(Authority.Command, command), title);
    const events = orThrow(Authority.decider.decide(decoded, world.authorities, undefined), title);
    world.authorities = events.reduce(Authority.decider.evolve, world.authorities);
  } else if (type === 'RegisterPerson') {
    const decoded = orThrow(decodeWith(Person.Command, command), title);
    const id = decoded.data.personId;
    const state = world.persons.get(id) ?? Person.decider.initialState;
    const events = orThrow(Person.decider.decide(decoded, state, {}), title);
    world.persons.set(id, events.reduce(Person.decider.evolve, state));
  } else if (['EstablishOffice', 'AppointOfficeHolder'].includes(type)) {
    const decoded = orThrow(decodeWith(Office.Command, command), title);
    const id = decoded.data.officeId;
    const state = world.offices.get(id) ?? Office.decider.initialState;
    const events = orThrow(Office.decider.decide(decoded, state, { jurisdiction }), title);
    world.offices.set(id, events.reduce(Office.decider.evolve, state));
  } else if (type === 'MergeBodies') {
    const decoded = orThrow(decodeWith(Reorganisation.Command, command), title);
    const streams = orThrow(Reorganisation.decide(decoded, world.bodies, { jurisdiction }), title);
    for (const { bodyId, events } of streams)
      world.bodies.set(
        bodyId,
        events.reduce(Body.decider.evolve, world.bodies.get(bodyId) ?? Body.decider.initialState),
      );
  } else {
    const decoded = orThrow(decodeWith(Body.Command, command), title);
    const id = decoded.data.bodyId;
    const state = world.bodies.get(id) ?? Body.decider.initialState;
    const events = orThrow(Body.decider.decide(decoded, state, { jurisdiction }), title);
    world.bodies.set(id, events.reduce(Body.decider.evolve, state));
  }
}

describe('the Bình Phước 2018 seed story', () => {
  const world: World = {
    authorities: Authority.decider.initialState,
    instruments: Instrument.decider.initialState,
    bodies: new Map(),
    offices: new Map(),
    persons: new Map(),
  };
  beforeAll(() => {
    for (const { title, envelope } of seedSteps) apply(world, title, envelope.command);
  });
  const on = (date: string) => date as CalendarDate;
  const successor = () => world.bodies.get(SeedIds.successor as BodyId) as Body.State;

  it('merges three committees into one on the decision date', () => {
    for (const id of Object.values(SeedIds.predecessors)) {
      const state = world.bodies.get(id as BodyId);
      expect(state?.status).toBe('ended');
      if (state?.status !== 'ended') return;
      expect(state.endedOn).toBe(SEED_DECISION_DATE);
      expect(state.endReason).toBe('merger');
      expect(state.successors).toEqual([SeedIds.successor]);
    }
    const body = successor();
    expect(body.status).toBe('active');
    if (body.status === 'unestablished') return;
    expect(body.establishedOn).toBe(SEED_DECISION_DATE);
    expect(body.origin).toEqual({
      kind: 'reorganisation',
      reorganisationId: SeedIds.merger,
      reorganisation: 'merger',
      predecessors: Object.values(SeedIds.predecessors),
    });
  });

  it('seats 17, one of them standing member and secretary at once', () => {
    const seats = Body.activeSeatsOn(successor(), on('2019-01-01'));
    expect(seats).toHaveLength(17);
    const heads = seats.filter((seat) => seat.roles.includes('head'));
    expect(heads).toHaveLength(1);
    expect(heads[0]?.holder).toEqual({
      follows: 'person',
      person: SeedIds.tram,
      asOffice: 'chu-tich-ubnd-tinh',
    });
    const secretary = seats.find((seat) => seat.roles.includes('secretary'));
    expect(secretary?.roles).toEqual(['standing-member', 'secretary']);
    expect(Body.activeSeatsOn(successor(), on('2018-12-03'))).toHaveLength(0);
  });

  it('resolves ex-officio seats through the offices: the Chairman is held, the rest unrecorded', () => {
    const lookup = (id: OfficeId) => world.offices.get(id);
    const seats = Body.activeSeatsOn(successor(), on('2019-01-01'));
    const resolved = seats.map((seat) =>
      seat.holder === null
        ? undefined
        : Office.resolveSeatHolder(seat.holder, lookup, on('2019-01-01')),
    );
    expect(resolved.filter((r) => r?.kind === 'person')).toHaveLength(1);
    expect(resolved.filter((r) => r?.kind === 'vacant')).toHaveLength(16);
  });

  it('answers the head as Mr. Trăm, flagged on the dates he does not hold the chairmanship', () => {
    const head = Body.activeSeatsOn(successor(), on('2019-01-01')).find((seat) =>
      seat.roles.includes('head'),
    );
    const holder = head?.holder;
    if (holder === undefined || holder === null) throw new Error('the seed seats a head');
    const chairman = 'chu-tich-ubnd-tinh' as OfficeId;
    const asOf = (offices: ReadonlyMap<OfficeId, Office.OfficeState>, date: string) =>
      Office.resolveSeatHolder(holder, (id) => offices.get(id), on(date));
    expect(asOf(world.offices, '2019-01-01')).toEqual({
      kind: 'person',
      person: SeedIds.tram,
      via: 'named',
      acting: false,
      asOffice: chairman,
      holdsOffice: true,
    });
    // ILLUSTRATIVE, not in the article: his chairmanship ends on 2020-01-01 by a placeholder
    // decision; the seat still names him (only a new decision changes it), flagged.
    const ended = Office.decider.decide(
      {
        type: 'EndOfficeHolding',
        data: {
          officeId: chairman,
          person: SeedIds.tram as PersonId,
          capacity: 'substantive',
          basis: {
            type: 'decision',
            number: 'XXXX-ILLUSTRATIVE/QĐ-TTg' as DocumentNumber,
            issuer: SeedIds.government as AuthorityId,
            signer: { name: 'Người ký (chưa rõ)' as Name },
            signedOn: on('2019-12-20'),
          },
          effectiveOn: on('2020-01-01'),
        },
      },
      world.offices.get(chairman) ?? Office.initialState,
      { jurisdiction: Authority.jurisdictionOf(world.authorities) },
    );
    if (ended._tag === 'Left') throw new Error(ended.left.message);
    const later = new Map(world.offices);
    later.set(
      chairman,
      ended.right.reduce(Office.decider.evolve, later.get(chairman) ?? Office.initialState),
    );
    expect(asOf(later, '2019-12-31')).toMatchObject({ person: SeedIds.tram, holdsOffice: true });
    expect(asOf(later, '2020-01-01')).toMatchObject({ person: SeedIds.tram, holdsOffice: false });
  });

  it('holds the six duties of its own decision and two reporting obligations', () => {
    const duties = Body.dutiesOn(successor(), on('2019-01-01'));
    expect(duties.map((duty) => duty.category)).toEqual([
      'advise',
      'coordinate',
      'opine',
      'review',
      'report',
      'other',
    ]);
    expect(duties.every((duty) => duty.provenance.kind === 'own')).toBe(true);
    const obligations = Body.obligationsOn(successor(), on('2019-01-01'));
    expect(obligations.map((o) => [o.kind, o.cadence])).toEqual([
      ['preliminary-review', 'annual'],
      ['report', 'semi-annual'],
    ]);
  });

  it('counts the 2019 annual review', () => {
    const report = Body.countedReport(
      successor(),
      SeedIds.annualReview as ObligationId,
      '2019' as PeriodLabel,
    );
    expect(report).toBeDefined();
  });

  it('passes jurisdiction to Đồng Nai when the province is merged in 2025', () => {
    const jurisdiction = Authority.jurisdictionOf(world.authorities);
    const province = SeedIds.province as AuthorityId;
    const dongNai = SeedIds.dongNai as AuthorityId;
    const before = on('2025-06-30');
    const after = on(SEED_PROVINCE_MERGER_DATE);
    expect(jurisdiction.mayChange(province, province, before)).toBe(true);
    expect(jurisdiction.mayChange(province, province, after)).toBe(false);
    expect(jurisdiction.mayChange(dongNai, province, after)).toBe(true);
    expect(jurisdiction.mayChange(dongNai, province, before)).toBe(false);
  });
});

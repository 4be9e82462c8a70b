/**
 * fast-check generators for authorities, offices and persons: commands and events derived from
 * their codecs (so every value is one the decoders accept), plus generators of command histories
 * drawn from small pools of ids and a narrow window of dates, so that collisions, replacements,
 * overlaps, retroactive decisions and jurisdiction conflicts happen often.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import * as Authority from '../authority/index.js';
import * as Instrument from '../instrument/index.js';
import * as Office from '../office/index.js';
import * as Person from '../person/index.js';
import { arbitraryOf, calendarDateArbitrary, type ArbitraryOverrides } from './arbitrary.js';
import { show } from './deep-equal.js';

// ---------------------------------------------------------------------------------------------
// Codec-derived commands and events, unconstrained (for codec laws)
// ---------------------------------------------------------------------------------------------

/** Any authority registry command the codec accepts. */
export const authorityCommandArbitrary = arbitraryOf(Authority.Command);
/** Any authority registry event the codec accepts. */
export const authorityEventArbitrary = arbitraryOf(Authority.Event);
/** Any office command the codec accepts. */
export const officeCommandArbitrary = arbitraryOf(Office.Command);
/** Any office event the codec accepts. */
export const officeEventArbitrary = arbitraryOf(Office.Event);
/** Any person command the codec accepts. */
export const personCommandArbitrary = arbitraryOf(Person.Command);
/** Any decodable instrument registry command. */
export const instrumentCommandArbitrary = arbitraryOf(Instrument.Command);
/** Any decodable instrument registry event. */
export const instrumentEventArbitrary = arbitraryOf(Instrument.Event);
/** Any person event the codec accepts. */
export const personEventArbitrary = arbitraryOf(Person.Event);

/** A JSON value with one leaf replaced, and the dotted path of that leaf (`data.basis.issuer`). */
export interface CorruptedJson {
  readonly json: unknown;
  readonly path: string;
}

/** Every leaf (string, number, boolean, null) of a JSON value, with its dotted path. */
function leafPaths(json: unknown, prefix: ReadonlyArray<string> = []): ReadonlyArray<string[]> {
  if (typeof json !== 'object' || json === null) return [[...prefix]];
  return Object.entries(json).flatMap(([key, value]) => leafPaths(value, [...prefix, key]));
}

function replaced(json: unknown, path: ReadonlyArray<string>, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const copy = (Array.isArray(json) ? [...json] : { ...(json as object) }) as Record<
    string,
    unknown
  >;
  copy[key] = replaced(copy[key], rest, value);
  return copy;
}

/**
 * The encoded JSON of a generated value with one leaf replaced by `null`, which no string codec
 * accepts: a decoder must refuse it and name that leaf's path.
 */
export function corruptedLeafArbitrary<A>(
  values: fc.Arbitrary<A>,
  encode: (value: A) => unknown,
): fc.Arbitrary<CorruptedJson> {
  return values.chain((value) => {
    const json = encode(value);
    return fc
      .constantFrom(...leafPaths(json))
      .map((path) => ({ json: replaced(json, path, null), path: path.join('.') }));
  });
}

// ---------------------------------------------------------------------------------------------
// Office command histories from small pools
// ---------------------------------------------------------------------------------------------

/** The pools office commands draw from: few ids and a narrow window, so that they collide. */
export interface OfficePools {
  readonly offices: readonly [string, ...string[]];
  readonly persons: readonly [string, ...string[]];
  /** Authorities named by EstablishOffice and as instrument issuers. */
  readonly authorities: fc.Arbitrary<string>;
  readonly capacities: fc.Arbitrary<string>;
  readonly dates: fc.Arbitrary<string>;
}

/** Dates in 2018–2021, often one of a few shared days so that same-day decisions meet. */
export const officeWindowDates: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('2018-01-01', '2019-01-01', '2019-07-01', '2020-01-01'), weight: 1 },
  { arbitrary: calendarDateArbitrary('2018-01-01', '2021-12-31'), weight: 3 },
);

/** Two offices, three persons, mostly one authority (the province) and dates in 2018–2021. */
export const defaultOfficePools: OfficePools = {
  offices: ['chu-tich-ubnd-tinh', 'giam-doc-so-tttt'],
  persons: ['nguyen-van-a', 'tran-thi-b', 'le-van-c'],
  authorities: fc.oneof(
    { arbitrary: fc.constant('ubnd-tinh-binh-phuoc'), weight: 6 },
    { arbitrary: fc.constant('so-tttt'), weight: 1 },
  ),
  capacities: fc.oneof(
    { arbitrary: fc.constant('substantive'), weight: 3 },
    { arbitrary: fc.constant('acting'), weight: 1 },
  ),
  dates: officeWindowDates,
};

const overridesOf = (pools: OfficePools): ArbitraryOverrides => ({
  OfficeId: fc.constantFrom(...pools.offices),
  PersonId: fc.constantFrom(...pools.persons),
  AuthorityId: pools.authorities,
  Capacity: pools.capacities,
  CalendarDate: pools.dates,
});

/** An office command the pools make: any kind but a correction, which names recorded events. */
export type PooledOfficeCommand = Exclude<Office.Command, Office.CorrectOfficeHolding>;

/**
 * Office commands from small pools, weighted towards appointments and endings (establishing and
 * abolishing are rarer), valid and invalid mixed, in any order of effective date.
 */
export function officeCommandFromPools(
  pools: OfficePools = defaultOfficePools,
): fc.Arbitrary<PooledOfficeCommand> {
  const overrides = overridesOf(pools);
  const of = <C extends t.Mixed>(codec: C, weight: number) => ({
    arbitrary: arbitraryOf(codec, overrides) as fc.Arbitrary<PooledOfficeCommand>,
    weight,
  });
  return fc.oneof(
    of(Office.EstablishOffice, 1),
    of(Office.RenameOffice, 1),
    of(Office.AppointOfficeHolder, 10),
    of(Office.EndOfficeHolding, 6),
    of(Office.AbolishOffice, 1),
  );
}

/**
 * An appointment followed, in a later command, by the end of that same holding (same office,
 * person and capacity) on a generated date — often after it began, sometimes not.
 */
function appointmentAndEnd(pools: OfficePools): fc.Arbitrary<ReadonlyArray<PooledOfficeCommand>> {
  return fc
    .tuple(
      arbitraryOf(Office.AppointOfficeHolder, overridesOf(pools)),
      arbitraryOf(Office.EndOfficeHolding, overridesOf(pools)),
    )
    .map(([appoint, end]) => {
      const { officeId, person, capacity } = appoint.data;
      return [appoint, { ...end, data: { ...end.data, officeId, person, capacity } }];
    });
}

/**
 * A history of office commands: first an EstablishOffice for each pooled office, dated early in
 * the window (and refused when its issuer lacks jurisdiction), then commands from
 * {@link officeCommandFromPools} mixed with appointments soon ended again.
 */
export function officeHistoryArbitrary(
  pools: OfficePools = defaultOfficePools,
  { maxLength = 30 }: { readonly maxLength?: number } = {},
): fc.Arbitrary<ReadonlyArray<PooledOfficeCommand>> {
  const early = calendarDateArbitrary('2018-01-01', '2018-06-30');
  const establish = (officeId: string) =>
    arbitraryOf(Office.EstablishOffice, {
      ...overridesOf(pools),
      OfficeId: fc.constant(officeId),
      CalendarDate: early,
    });
  const later = fc.oneof(
    { arbitrary: officeCommandFromPools(pools).map((command) => [command]), weight: 3 },
    { arbitrary: appointmentAndEnd(pools), weight: 1 },
  );
  return fc
    .tuple(fc.tuple(...pools.offices.map(establish)), fc.array(later, { minLength: 1, maxLength }))
    .map(([establishments, rest]) => [...establishments, ...rest.flat()]);
}

// ---------------------------------------------------------------------------------------------
// Authority histories: random hierarchies, renames and mergers
// ---------------------------------------------------------------------------------------------

/** The authority ids a generated hierarchy registers first. */
export const hierarchyIds = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'] as const;
/** Ids that later steps may register, or name while still unregistered. */
export const strayIds = ['a6', 'a7', 'a8'] as const;
const anyId = fc.oneof(
  { arbitrary: fc.constantFrom(...hierarchyIds), weight: 6 },
  { arbitrary: fc.constantFrom(...strayIds), weight: 1 },
);
const newcomer = fc.oneof(
  { arbitrary: fc.constantFrom(...strayIds), weight: 3 },
  { arbitrary: fc.constantFrom(...hierarchyIds), weight: 1 },
);

const registrationDates = fc.oneof(
  fc.constantFrom('2000-01-01', '2005-01-01'),
  calendarDateArbitrary('2000-01-01', '2010-12-31'),
);
/** Mergers and renames fall in the office window, so jurisdiction changes while offices live. */
const laterDates = fc.oneof(
  fc.constantFrom('2018-01-01', '2020-01-01', '2025-07-01'),
  calendarDateArbitrary('2016-01-01', '2022-12-31'),
);
const anyName = arbitraryOf(Authority.RenameAuthority).map((command) => command.data.name);
const levels = fc.constantFrom(...Authority.AuthorityLevel.literals);

/** Who issues a generated instrument: the subject's parent (often right), itself, or anyone. */
type IssuerChoice = { kind: 'parent' } | { kind: 'self' } | { kind: 'id'; id: string };
const issuerChoice: fc.Arbitrary<IssuerChoice> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'parent' as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'self' as const }), weight: 1 },
  { arbitrary: anyId.map((id) => ({ kind: 'id' as const, id })), weight: 2 },
);

/**
 * A placeholder instrument: the number is obviously not a real one, and names its signing day, so
 * two instruments of one issuer and year never share a key (each can be recorded in the registry).
 */
const basisOf = (issuer: string, signedOn: string) => ({
  type: 'decision',
  number: `DEMO-${signedOn.replaceAll('-', '')}/QĐ-UBND`,
  issuer,
  signer: { name: 'Nguyễn Văn A' },
  signedOn,
});

/** Decodes generated JSON with a codec; a failure is a defect of the generator. */
function decoded<C extends t.Mixed>(codec: C, json: unknown): t.TypeOf<C> {
  const result = codec.decode(json);
  if (isLeft(result)) throw new Error(`Generated ${codec.name} does not decode: ${show(json)}`);
  return result.right;
}

type Step =
  | {
      kind: 'merge';
      subject: string;
      into: string;
      issuer: IssuerChoice;
      on: string;
      signedOn: string;
    }
  | { kind: 'rename'; subject: string; issuer: IssuerChoice; on: string; signedOn: string }
  | { kind: 'dissolve'; subject: string; issuer: IssuerChoice; on: string; signedOn: string }
  | {
      kind: 'split';
      subject: string;
      into: ReadonlyArray<string>;
      issuer: IssuerChoice;
      on: string;
      signedOn: string;
    }
  | {
      kind: 'superior';
      subject: string;
      superior: string;
      issuer: IssuerChoice;
      on: string;
      signedOn: string;
    }
  | {
      kind: 'register';
      subject: string;
      parent: string | undefined;
      issuer: IssuerChoice;
      on: string;
      signedOn: string;
    };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      subject: anyId,
      into: anyId,
      issuer: issuerChoice,
      on: laterDates,
      signedOn: laterDates,
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      subject: anyId,
      issuer: issuerChoice,
      on: laterDates,
      signedOn: laterDates,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      subject: newcomer,
      parent: fc.option(anyId, { nil: undefined }),
      issuer: issuerChoice,
      on: fc.oneof(registrationDates, laterDates),
      signedOn: fc.oneof(registrationDates, laterDates),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('dissolve' as const),
      subject: anyId,
      issuer: issuerChoice,
      on: laterDates,
      signedOn: laterDates,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      subject: anyId,
      into: fc.oneof(
        { arbitrary: fc.uniqueArray(anyId, { minLength: 2, maxLength: 3 }), weight: 4 },
        { arbitrary: fc.array(anyId, { minLength: 1, maxLength: 3 }), weight: 1 },
      ),
      issuer: issuerChoice,
      on: laterDates,
      signedOn: laterDates,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('superior' as const),
      subject: anyId,
      superior: anyId,
      issuer: issuerChoice,
      on: fc.oneof(registrationDates, laterDates),
      signedOn: fc.oneof(registrationDates, laterDates),
    }),
    weight: 2,
  },
);

/** The issuer a choice names, for an instrument about `subject` under `parent`. */
const issuerOf = (choice: IssuerChoice, subject: string, parent: string | undefined): string =>
  choice.kind === 'id' ? choice.id : choice.kind === 'self' ? subject : (parent ?? subject);

/** The registry command a generated step stands for, as JSON; `parentOf` gives the forest's links. */
function stepCommand(s: Step, parentOf: ReadonlyMap<string, string>) {
  switch (s.kind) {
    case 'merge':
      return {
        type: 'MergeAuthority',
        data: {
          authorityId: s.subject,
          into: s.into,
          basis: basisOf(issuerOf(s.issuer, s.subject, parentOf.get(s.subject)), s.signedOn),
          effectiveOn: s.on,
        },
      };
    case 'rename':
      return {
        type: 'RenameAuthority',
        data: {
          authorityId: s.subject,
          name: { vi: `Tên mới từ ${s.on}` },
          basis: basisOf(issuerOf(s.issuer, s.subject, parentOf.get(s.subject)), s.signedOn),
          effectiveOn: s.on,
        },
      };
    case 'dissolve':
      return {
        type: 'DissolveAuthority',
        data: {
          authorityId: s.subject,
          basis: basisOf(issuerOf(s.issuer, s.subject, parentOf.get(s.subject)), s.signedOn),
          effectiveOn: s.on,
        },
      };
    case 'split':
      return {
        type: 'SplitAuthority',
        data: {
          authorityId: s.subject,
          into: s.into,
          basis: basisOf(issuerOf(s.issuer, s.subject, parentOf.get(s.subject)), s.signedOn),
          effectiveOn: s.on,
        },
      };
    case 'superior':
      return {
        type: 'AddAuthoritySuperior',
        data: {
          authorityId: s.subject,
          superior: s.superior,
          basis: basisOf(issuerOf(s.issuer, s.subject, parentOf.get(s.subject)), s.signedOn),
          effectiveOn: s.on,
        },
      };
    case 'register':
      return {
        type: 'RegisterAuthority',
        data: {
          authorityId: s.subject,
          name: { vi: `Cơ quan ${s.subject}` },
          level: 'other',
          ...(s.parent === undefined ? {} : { parent: s.parent }),
          basis: basisOf(issuerOf(s.issuer, s.subject, s.parent), s.signedOn),
          effectiveOn: s.on,
        },
      };
    default: {
      const _exhaustive: never = s;
      return _exhaustive;
    }
  }
}

/**
 * A history of registry commands: the ids of {@link hierarchyIds} registered as a random forest
 * (each under an earlier one, or as a root, in date order), then mergers, renames, splits,
 * dissolutions, further superiors and further registrations, with issuers that are often but not always entitled and dates that often
 * coincide — valid and invalid commands mixed.
 */
export const authorityHistoryArbitrary: fc.Arbitrary<ReadonlyArray<Authority.Command>> = fc
  .record({
    parents: fc.tuple(
      ...hierarchyIds.map((_, index) =>
        index === 0
          ? fc.constant(undefined)
          : fc.option(fc.integer({ min: 0, max: index - 1 }), { nil: undefined, freq: 4 }),
      ),
    ),
    registeredOn: fc.tuple(...hierarchyIds.map(() => registrationDates)),
    names: fc.tuple(...hierarchyIds.map(() => anyName)),
    levels: fc.tuple(...hierarchyIds.map(() => levels)),
    steps: fc.array(step, { maxLength: 14 }),
  })
  .map(({ parents, registeredOn: dates, names, levels, steps }) => {
    // In date order, so that each authority is registered after the one it is placed under.
    const registeredOn = [...dates].sort();
    const parentOf = new Map<string, string>();
    const registrations = hierarchyIds.map((id, index) => {
      const parentIndex = parents[index];
      const parent = parentIndex === undefined ? undefined : hierarchyIds[parentIndex];
      if (parent !== undefined) parentOf.set(id, parent);
      return {
        type: 'RegisterAuthority',
        data: {
          authorityId: id,
          name: names[index],
          level: levels[index],
          ...(parent === undefined ? {} : { parent }),
          basis: basisOf(parent ?? id, registeredOn[index] as string),
          effectiveOn: registeredOn[index],
        },
      };
    });
    return [...registrations, ...steps.map((s) => stepCommand(s, parentOf))].map((json) =>
      decoded(Authority.Command, json),
    );
  });

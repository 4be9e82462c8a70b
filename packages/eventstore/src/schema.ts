/**
 * Typed decoding of stored events. An {@link EventSchema} gives, for each event type, its current
 * schema version and an io-ts codec for its data; {@link decodeStored} upcasts a stored event to
 * the current version and decodes it. An unknown type or version, a failed upcast or a failed
 * decode is a `CorruptEvent` naming the stream and revision — never a throw.
 *
 * @see docs/reference/domain.md rule 12
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { corruptEvent, type CorruptEvent } from './errors.js';
import type { StoredEvent } from './port.js';
import { upcastToCurrent, type UpcasterRegistry } from './upcasting.js';

/** One event type's current schema version and the codec of its data. */
export interface EventTypeSchema<C extends t.Mixed = t.Mixed> {
  readonly version: number;
  /**
   * The data's codec. Its guard (`is`) must accept only data its decoder returns unchanged, as the
   * core's codecs do (`struct` guards refuse undeclared keys): {@link decodeStored} keeps data the
   * guard accepts as it was read.
   */
  readonly codec: C;
}

/** Event type definitions: type name → current version and data codec. */
export type EventTypeDefinitions = Readonly<Record<string, EventTypeSchema>>;

/** A compiled set of event type definitions (looked up safely, whatever the stored type name). */
export interface EventSchema<D extends EventTypeDefinitions = EventTypeDefinitions> {
  readonly definitions: D;
  /** The definition of a type, if it is one of `definitions` (never an inherited property). */
  readonly lookup: (type: string) => EventTypeSchema | undefined;
}

/** A decoded event of schema `S`: its current type name and its data. */
export type DecodedEvent<S extends EventSchema> = {
  readonly [K in keyof S['definitions'] & string]: {
    readonly type: K;
    readonly data: t.TypeOf<S['definitions'][K]['codec']>;
  };
}[keyof S['definitions'] & string];

/** Compiles event type definitions; a version below 1 is a defect and throws. */
export function eventSchema<const D extends EventTypeDefinitions>(definitions: D): EventSchema<D> {
  const types = new Map<string, EventTypeSchema>(Object.entries(definitions));
  for (const [type, { version }] of types) {
    if (!Number.isSafeInteger(version) || version < 1) {
      throw new RangeError(`Event type ${type} has a bad current version`);
    }
  }
  return { definitions, lookup: (type) => types.get(type) };
}

/** An event union codec of the shape every aggregate exports: `{ type, data }` per variant. */
export interface EventUnionCodec {
  readonly is: (u: unknown) => boolean;
  readonly validate: t.Validate<unknown, { readonly type: string; readonly data: unknown }>;
}

/**
 * The schema of an aggregate that exports `EventVersions` (type → current version) and one
 * `Event` union codec: each type's data is decoded through the union.
 */
export function eventSchemaFromUnion<const V extends Readonly<Record<string, number>>>(
  versions: V,
  union: EventUnionCodec,
): EventSchema<{ readonly [K in keyof V]: EventTypeSchema<t.Type<unknown, unknown, unknown>> }> {
  const definitions = Object.fromEntries(
    Object.entries(versions).map(([type, version]) => {
      const codec = new t.Type<unknown, unknown, unknown>(
        `${type}Data`,
        (u): u is unknown => union.is({ type, data: u }),
        (u, c) => {
          const decoded = union.validate({ type, data: u }, c);
          return E.isLeft(decoded) ? decoded : t.success(decoded.right.data);
        },
        (a) => a,
      );
      return [type, { version, codec }];
    }),
  ) as { readonly [K in keyof V]: EventTypeSchema<t.Type<unknown, unknown, unknown>> };
  return eventSchema(definitions);
}

const describeErrors = (errors: t.Errors): string =>
  errors
    .slice(0, 3)
    .map((error) => {
      const path = error.context
        .map((entry) => entry.key)
        .filter((key) => key !== '')
        .join('.');
      return `${path === '' ? 'data' : path}: ${error.message ?? 'invalid value'}`;
    })
    .join('; ');

/**
 * Upcasts a stored event to its type's current version, step by step, then decodes its data with
 * the type's codec; any failure is a `CorruptEvent` for the event's stream and revision.
 */
export function decodeStored<S extends EventSchema>(
  schema: S,
  upcasters: UpcasterRegistry,
  stored: StoredEvent,
): E.Either<CorruptEvent, DecodedEvent<S>> {
  const known = schema.lookup(stored.type);
  // An event at its type's current version whose data its codec's guard accepts decodes to that
  // same data, so it is returned without the decoder's copy; any other goes through the decoder,
  // which normalises what it may (an upcast, NFD text) and names what is wrong.
  if (
    known !== undefined &&
    stored.schemaVersion === known.version &&
    known.codec.is(stored.data)
  ) {
    return E.right({ type: stored.type, data: stored.data } as DecodedEvent<S>);
  }
  return decodeSlowly(schema, upcasters, stored, known);
}

/** {@link decodeStored} of an event its type's guard did not accept as it is. */
function decodeSlowly<S extends EventSchema>(
  schema: S,
  upcasters: UpcasterRegistry,
  stored: StoredEvent,
  known: EventTypeSchema | undefined,
): E.Either<CorruptEvent, DecodedEvent<S>> {
  const corrupt = (reason: string) =>
    E.left(
      corruptEvent(
        stored.stream,
        stored.revision,
        `${stored.type} v${stored.schemaVersion}: ${reason}`,
      ),
    );
  if (known === undefined && upcasters.find(stored.type, stored.schemaVersion) === undefined) {
    return corrupt('unknown event type');
  }
  if (known !== undefined && stored.schemaVersion > known.version) {
    return corrupt(`newer than the current version ${known.version}`);
  }
  const current = upcastToCurrent(
    upcasters,
    (type, version) => schema.lookup(type)?.version === version,
    { type: stored.type, version: stored.schemaVersion, data: stored.data },
  );
  if (E.isLeft(current)) return corrupt(current.left);
  const definition = schema.lookup(current.right.type);
  if (definition === undefined) return corrupt(`unknown event type ${current.right.type}`);
  const decoded = definition.codec.decode(current.right.data);
  if (E.isLeft(decoded)) return corrupt(`does not decode (${describeErrors(decoded.left)})`);
  return E.right({ type: current.right.type, data: decoded.right as unknown } as DecodedEvent<S>);
}

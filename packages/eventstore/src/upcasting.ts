/**
 * Upcasting: turning an event stored under an old schema version into the current one, one
 * version at a time. An {@link Upcaster} takes the data of `type` at `fromVersion` to
 * `fromVersion + 1`, and may rename the type on the way. Stored events are never rewritten: old
 * versions are upcast every time they are read.
 *
 * @see docs/reference/domain.md rule 12
 */
import * as E from 'fp-ts/Either';

/** One step of an event's history: `type` at `fromVersion` becomes `toType` at `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  /** The type's name at `fromVersion + 1`, when the step renames it (default: unchanged). */
  readonly toType?: string;
  /** The data at `fromVersion + 1`; must not mutate its argument, may throw on unexpected data. */
  readonly upcast: (data: unknown) => unknown;
}

/** Upcasters indexed by type and version. */
export interface UpcasterRegistry {
  /** The step from `type` at `fromVersion`, if there is one. */
  readonly find: (type: string, fromVersion: number) => Upcaster | undefined;
}

const keyOf = (type: string, version: number) => `${version}|${type}`;

/** Indexes upcasters; two steps from the same type and version are a defect and throw. */
export function upcasterRegistry(upcasters: ReadonlyArray<Upcaster>): UpcasterRegistry {
  const steps = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    if (!Number.isSafeInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
      throw new RangeError(`Upcaster of ${upcaster.type} has a bad fromVersion`);
    }
    const key = keyOf(upcaster.type, upcaster.fromVersion);
    if (steps.has(key)) {
      throw new Error(`Two upcasters from ${upcaster.type} v${upcaster.fromVersion}`);
    }
    steps.set(key, upcaster);
  }
  return { find: (type, fromVersion) => steps.get(keyOf(type, fromVersion)) };
}

/** A registry without any step, for schemas that never changed. */
export const NO_UPCASTERS: UpcasterRegistry = upcasterRegistry([]);

/** An event's type, schema version and data, at some point of its upcasting. */
export interface VersionedEvent {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/**
 * Upcasts an event step by step until `isCurrent(type, version)` says it is current, or says why
 * it cannot: no step from where it is, or a step that threw. Terminates: every step raises the
 * version and the registry is finite.
 */
export function upcastToCurrent(
  upcasters: UpcasterRegistry,
  isCurrent: (type: string, version: number) => boolean,
  event: VersionedEvent,
): E.Either<string, VersionedEvent> {
  let current = event;
  while (!isCurrent(current.type, current.version)) {
    const step = upcasters.find(current.type, current.version);
    if (step === undefined) {
      return E.left(`no upcaster from ${current.type} v${current.version}`);
    }
    let data: unknown;
    try {
      data = step.upcast(current.data);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return E.left(`the upcaster from ${current.type} v${current.version} failed: ${reason}`);
    }
    current = { type: step.toType ?? current.type, version: current.version + 1, data };
  }
  return E.right(current);
}

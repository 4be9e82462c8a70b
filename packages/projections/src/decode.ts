/**
 * Decoding stored events for the read side: a body stream's events decode through the body's
 * `Event` codec, an office stream's through the office's; other streams (the authority registry,
 * persons) are not read by the phase-1 read models. A stored event that does not decode is a
 * `CorruptEvent`, never a throw.
 *
 * @see docs/reference/domain.md rule 12
 */
import * as E from 'fp-ts/Either';
import { Body, Office } from '@mandate/core';
import {
  NO_UPCASTERS,
  decodeStored,
  eventSchemaFromUnion,
  type CorruptEvent,
  type StoredEvent,
  type UpcasterRegistry,
} from '@mandate/eventstore';

const bodySchema = eventSchemaFromUnion(Body.EventVersions, Body.Event);
const officeSchema = eventSchemaFromUnion(Office.EventVersions, Office.Event);

/** A stored event decoded into its aggregate's event, or marked as not read here. */
export type ReadSideEvent =
  | { readonly aggregate: 'body'; readonly event: Body.Event }
  | { readonly aggregate: 'office'; readonly event: Office.Event }
  | { readonly aggregate: 'other' };

/** The aggregate that owns a stream, by its name's prefix (`body-`, `office-`). */
export const aggregateOfStream = (stream: string): ReadSideEvent['aggregate'] =>
  stream.startsWith('body-') ? 'body' : stream.startsWith('office-') ? 'office' : 'other';

/** Decodes (upcasting first) a stored event of a body or office stream. */
export function decodeReadSide(
  stored: StoredEvent,
  upcasters: UpcasterRegistry = NO_UPCASTERS,
): E.Either<CorruptEvent, ReadSideEvent> {
  const aggregate = aggregateOfStream(stored.stream);
  switch (aggregate) {
    case 'body':
      return E.map((decoded: { readonly type: string; readonly data: unknown }) => ({
        aggregate,
        // The schema decodes each type's data through the body's own Event codec.
        event: decoded as Body.Event,
      }))(decodeStored(bodySchema, upcasters, stored));
    case 'office':
      return E.map((decoded: { readonly type: string; readonly data: unknown }) => ({
        aggregate,
        event: decoded as Office.Event,
      }))(decodeStored(officeSchema, upcasters, stored));
    case 'other':
      return E.right({ aggregate });
    default: {
      const _exhaustive: never = aggregate;
      return _exhaustive;
    }
  }
}

/**
 * Decodes a stored event that must decode; a corrupt one throws an `Error` that is also the
 * port's `CorruptEvent` (its `_tag`, stream and revision), so every read path reports it typed.
 */
export function decodeReadSideOrThrow(stored: StoredEvent): ReadSideEvent {
  const decoded = decodeReadSide(stored);
  if (E.isLeft(decoded)) throw Object.assign(new Error(decoded.left.message), decoded.left);
  return decoded.right;
}

/** The `CorruptEvent` a thrown value carries (see {@link decodeReadSideOrThrow}), if it is one. */
export function asCorruptEvent(thrown: unknown): CorruptEvent | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const { _tag, stream, revision, message } = thrown as Partial<CorruptEvent>;
  return _tag === 'CorruptEvent' &&
    typeof stream === 'string' &&
    typeof revision === 'bigint' &&
    typeof message === 'string'
    ? { _tag, stream, revision, message }
    : undefined;
}

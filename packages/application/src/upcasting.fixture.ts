/**
 * A release that moves `OfficeEstablished` to v2, for the upcasting tests of the write side
 * (`upcasting.int.test.ts` here) and of the read side (`packages/projections`). Every event is at
 * v1 in the product, so the tests declare their own v2: v1 stored the office's name as plain
 * Vietnamese text, v2 (today's codec) as a bilingual name, and the upcaster wraps the text.
 * docs/how-to/move-an-event-to-a-new-version.md shows the release region verbatim.
 *
 * @see docs/reference/domain.md rule 12
 */
import * as E from 'fp-ts/Either';
import { Office, type BilingualName } from '@mandate/core';
import {
  eventSchemaFromUnion,
  upcasterRegistry,
  type EventStore,
  type StoredEvent,
} from '@mandate/eventstore';

// #region release
/** The office stream's schema in a release that moved `OfficeEstablished` to v2 (today's codec). */
export const officeSchemaAtV2 = eventSchemaFromUnion(
  { ...Office.EventVersions, OfficeEstablished: 2 },
  Office.Event,
);

/** v1 → v2 of `OfficeEstablished`: the name, plain Vietnamese text, becomes a bilingual name. */
export const nameToBilingual = upcasterRegistry([
  {
    type: 'OfficeEstablished',
    fromVersion: 1,
    upcast: (data) => {
      const { name, ...rest } = data as { readonly name: string };
      return { ...rest, name: { vi: name } };
    },
  },
]);
// #endregion release

/** The v1 form of today's `OfficeEstablished` data: the name as plain Vietnamese text. */
export const asV1 = (data: unknown): unknown => {
  const { name, ...rest } = data as { readonly name: BilingualName };
  return { ...rest, name: name.vi };
};

/** Appends `event` to `store` at its revision, as a row of schema version `version` with `data`. */
export async function writeRow(
  store: EventStore,
  event: StoredEvent,
  version: number,
  data: unknown,
): Promise<void> {
  const { eventId, type, metadata, revision } = event;
  const appended = await store.append({
    appends: [
      {
        stream: event.stream,
        expectedRevision: revision === 0n ? 'no-stream' : revision - 1n,
        events: [{ eventId, type, schemaVersion: version, data, metadata }],
      },
    ],
  });
  if (E.isLeft(appended)) throw new Error(appended.left.message);
}

/**
 * The store's log as the audit reads it: every event in position order, and where the seed's
 * merger decision was recorded — the instant the store stamped on it (the real clock's, so read
 * back rather than assumed) and the instrument its events cite.
 */
import * as E from 'fp-ts/Either';
import { Source, type Instant, type LegalBasis } from '@mandate/core';
import { Seed } from '@mandate/core/testing';
import type { EventStore, StoredEvent } from '@mandate/eventstore';

/** The source document an event's data holds (every domain event's data holds one, once). */
const sourceOf = (data: unknown): Source | undefined => {
  const source: unknown =
    typeof data === 'object' && data !== null
      ? (data as { readonly source?: unknown }).source
      : undefined;
  return Source.is(source) ? source : undefined;
};

/** Every event of the log, in position order. */
export async function readWholeLog(store: EventStore): Promise<ReadonlyArray<StoredEvent>> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? 0n });
    if (E.isLeft(page)) throw new Error(`cannot read the log: ${page.left.message}`);
    if (page.right.length === 0) return events;
    events.push(...page.right);
  }
}

/** When the merger decision entered the log, and the decision itself as its events cite it. */
export interface MergerRecord {
  readonly recordedAt: Instant;
  readonly decision: LegalBasis;
}

/**
 * Finds the first event of the seed's `MergeBodies` command in `log` (by its command id) and reads
 * its recorded instant and its source instrument; a log without it is a defect.
 */
export function findMergerRecord(log: ReadonlyArray<StoredEvent>): MergerRecord {
  const merger = Seed.seedSteps.find((step) => step.envelope.command.type === 'MergeBodies');
  if (merger === undefined) throw new Error('the seed has no MergeBodies step');
  const event = log.find((e) => e.metadata.commandId === merger.envelope.commandId);
  if (event === undefined) throw new Error('the merger is not in the log');
  const source = sourceOf(event.data);
  if (source?.kind !== 'instrument') throw new Error('the merger cites no instrument');
  return { recordedAt: event.recordedAt, decision: source.instrument };
}

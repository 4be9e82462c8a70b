/**
 * The event store workloads' data: one stream per body, each holding a realistic, valid body
 * history (see `history.ts`) as store events — every event with its own id, its metadata (valid
 * date, command, correlation, causation, actor) and its data (holding its source), cut into the
 * batches W1 appends. Every store under test receives the very same events.
 */
import { randomUUID } from 'node:crypto';
import type { BodyId, CommandId } from '@mandate/core';
import { Body } from '@mandate/core';
import type { EventMetadata, NewEvent } from '@mandate/eventstore';
import { bodyHistory } from './history.js';

/** One stream of the workload: its name and its events, in the batches W1 appends. */
export interface StreamFixture {
  readonly stream: string;
  readonly batches: ReadonlyArray<ReadonlyArray<NewEvent>>;
}

/** The shape of a workload: how many streams, how many events each, how many per append. */
export interface WorkloadShape {
  readonly streams: number;
  readonly eventsPerStream: number;
  readonly batchSize: number;
}

const ACTOR = 'Nguyễn Thị Lan, Sở Thông tin và Truyền thông'.normalize('NFC');

/** The name of the `index`th body's stream. */
export const streamName = (index: number): string =>
  `body-bcd-${index.toString().padStart(6, '0')}`;

/** The `index`th stream of a workload: a fresh body history as store events, in batches. */
export function streamFixture(index: number, shape: WorkloadShape): StreamFixture {
  const bodyId = `bcd-${index.toString().padStart(6, '0')}` as BodyId;
  const history = bodyHistory({ bodyId, events: shape.eventsPerStream, seed: 7919 * (index + 1) });
  const events: NewEvent[] = [];
  for (const [step, { events: decided }] of history.steps.entries()) {
    const commandId = `cmd-${bodyId}-${step}` as CommandId;
    for (const event of decided) {
      const metadata: EventMetadata = {
        validDate: event.data.effectiveOn,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: ACTOR,
      };
      events.push({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: Body.EventVersions[event.type],
        data: event.data,
        metadata,
      });
    }
  }
  const batches: NewEvent[][] = [];
  for (let i = 0; i < events.length; i += shape.batchSize) {
    batches.push(events.slice(i, i + shape.batchSize));
  }
  return { stream: streamName(index), batches };
}

/** Every stream of a workload. */
export const streamFixtures = (shape: WorkloadShape): ReadonlyArray<StreamFixture> =>
  Array.from({ length: shape.streams }, (_, index) => streamFixture(index, shape));

/** How many events of each type the fixtures hold. */
export function typeCounts(streams: ReadonlyArray<StreamFixture>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const { batches } of streams) {
    for (const batch of batches) {
      for (const { type } of batch) counts.set(type, (counts.get(type) ?? 0) + 1);
    }
  }
  return counts;
}

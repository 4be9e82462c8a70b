/**
 * The stream events of the SQLite read model: every body, office and registry event as decoded,
 * kept to fold a stream's state again (after a restart, an eviction from the cache, or a
 * withdrawal). An event's source document is usually held by the change fact the same event
 * appends right after it: the event is then stored without it (`0` in its `data.source`) and
 * names that change's row ({@link SOURCE_CHANGE_COLUMN}), and a fold puts the change's source
 * back in. Only a change holding the very same source (the same object, as the projection derives
 * the change from the event) is named; an event no change follows is stored whole.
 */
import type { Database } from 'better-sqlite3';
import type { ChangePayload } from '@mandate/projections';
import { createRowBuffer } from './row-buffer.js';
import { SOURCE_CHANGE_COLUMN, streamEventMigrations } from './schema.js';

/** The stream events of one projection version. */
export interface StreamEvents {
  /** Keeps an event of a stream, to be written with the next change's row when it holds its source. */
  readonly save: (aggregate: string, subject: string, event: StreamEvent) => void;
  /**
   * Tells that a change fact with row id `rowId` and this `source` was queued: the event saved
   * last is stored without its source, naming that row, when the source is the same object.
   */
  readonly changeQueued: (rowId: number, source: unknown) => void;
  /**
   * The events of a stream in order, with their sources; the caller has written the queued
   * changes first (the events name them).
   */
  readonly read: (aggregate: string, subject: string) => ReadonlyArray<unknown>;
  /** Writes the events still queued. */
  readonly flush: () => void;
  /** Forgets the events still queued (after a rollback). */
  readonly clear: () => void;
}

/** What the stream-event table keeps of an event: anything with a `data` object. */
export interface StreamEvent {
  readonly data: object & { readonly source?: unknown };
}

/** An event saved last, not yet written: it waits for the change that may hold its source. */
interface Pending {
  readonly aggregate: string;
  readonly subject: string;
  readonly event: StreamEvent;
}

/** Opens the stream events of the table `events`, whose sources the change table `changes` holds. */
export function createStreamEvents(db: Database, events: string, changes: string): StreamEvents {
  const columns = db.pragma(`table_info(${events})`) as ReadonlyArray<{ name: string }>;
  for (const statement of streamEventMigrations(
    events,
    columns.map(({ name }) => name),
  ))
    db.exec(statement);
  const buffer = createRowBuffer(db, events, [
    'aggregate',
    'subject',
    'event',
    SOURCE_CHANGE_COLUMN,
  ]);
  const stored = db.prepare<
    [string, string],
    { event: string; link: number | null; change: string | null }
  >(
    `SELECT e.event, e.${SOURCE_CHANGE_COLUMN} AS link, c.payload AS change FROM ${events} AS e
     LEFT JOIN ${changes} AS c ON c.row_id = e.${SOURCE_CHANGE_COLUMN}
     WHERE e.aggregate = ? AND e.subject = ? ORDER BY e.seq`,
  );
  let pending: Pending | undefined;
  const writePending = (): void => {
    if (pending === undefined) return;
    const { aggregate, subject, event } = pending;
    pending = undefined;
    buffer.add([aggregate, subject, JSON.stringify(event), null]);
  };
  return {
    save: (aggregate, subject, event) => {
      writePending();
      pending = { aggregate, subject, event };
    },
    changeQueued: (rowId, source) => {
      if (pending === undefined) return;
      const { aggregate, subject, event } = pending;
      if (source === undefined || event.data.source !== source) return writePending();
      pending = undefined;
      const withoutSource = { ...event, data: { ...event.data, source: 0 } };
      buffer.add([aggregate, subject, JSON.stringify(withoutSource), rowId]);
    },
    read: (aggregate, subject) => {
      writePending();
      buffer.flush();
      return stored.all(aggregate, subject).map(({ event, link, change }) => {
        const parsed = JSON.parse(event) as { data: { source?: unknown } };
        if (link === null) return parsed;
        // A change is deleted only with every stream event (`reset`): a defect otherwise.
        if (change === null) throw new Error(`Stream event names change ${link}, which is gone`);
        parsed.data.source = (JSON.parse(change) as ChangePayload).source;
        return parsed;
      });
    },
    flush: () => {
      writePending();
      buffer.flush();
    },
    clear: () => {
      pending = undefined;
      buffer.clear();
    },
  };
}

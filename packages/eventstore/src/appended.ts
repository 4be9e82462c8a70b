/**
 * Telling listeners in this process which events an append committed, as it commits them, so
 * that a follower (the checkpointer) extends its state from the events just written instead of
 * reading them back. Stores call {@link AppendAnnouncer.announce} right after their commit; the
 * events are built from the append itself (its encoded events and the planned rows), only when
 * someone listens.
 */
import type { EncodedEvent } from './hash-chain.js';
import type { ValidatedAppend } from './limits.js';
import type { AppendListener, StoredEvent } from './port.js';
import type { RawStoredEvent } from './raw-event.js';

/** The in-process "these events were committed" signal of one store. */
export interface AppendAnnouncer {
  /** Registers a listener; returns the function that unregisters it. */
  readonly listen: (listener: AppendListener) => () => void;
  /** Tells every listener that `rows`, the planned rows of `append`, are committed. */
  readonly announce: (append: ValidatedAppend, rows: ReadonlyArray<RawStoredEvent>) => void;
}

/** Creates the announcer of one store. */
export function createAppendAnnouncer(): AppendAnnouncer {
  const listeners = new Set<AppendListener>();
  return {
    listen: (listener) => {
      const registered: AppendListener = (events) => listener(events);
      listeners.add(registered);
      return () => {
        listeners.delete(registered);
      };
    },
    announce: (append, rows) => {
      if (listeners.size === 0) return;
      // The rows are the append's events in request order: stream by stream, event by event.
      const encoded: EncodedEvent[] = append.appends.flatMap((part) => part.events);
      const events: StoredEvent[] = rows.map((row, i) => {
        const { event } = encoded[i] as EncodedEvent;
        return {
          eventId: row.eventId,
          type: row.type,
          schemaVersion: row.schemaVersion,
          data: event.data,
          metadata: event.metadata,
          stream: row.stream,
          revision: row.revision,
          position: row.position,
          recordedAt: row.recordedAt as StoredEvent['recordedAt'],
          previousHash: row.previousHash,
          hash: row.hash,
        };
      });
      for (const listener of [...listeners]) {
        try {
          listener(events);
        } catch {
          // The append is committed: a listener's defect must not report it as failed.
        }
      }
    },
  };
}

/**
 * What every store under test does with the events it reads, so that they all do the same work:
 * W2 folds each stream with a simple fold (a summary of the body), W3 and W4 replay the whole log
 * into a simple projection (events counted per type and per stream).
 */

/** W2's fold of one stream: how many events, seats created, reports filed, and the last date. */
export interface StreamSummary {
  readonly events: number;
  readonly seats: number;
  readonly reports: number;
  readonly lastEffectiveOn: string;
}

/** The summary of a stream with no events. */
export const emptySummary: StreamSummary = { events: 0, seats: 0, reports: 0, lastEffectiveOn: '' };

const effectiveOn = (data: unknown): string => {
  const value = (data as { readonly effectiveOn?: unknown }).effectiveOn;
  return typeof value === 'string' ? value : '';
};

/** Folds one event (its type and data) into a stream's summary. */
export const summarise = (
  summary: StreamSummary,
  event: { readonly type: string; readonly data: unknown },
): StreamSummary => ({
  events: summary.events + 1,
  seats: summary.seats + (event.type === 'SeatCreated' ? 1 : 0),
  reports: summary.reports + (event.type === 'ReportFiled' ? 1 : 0),
  lastEffectiveOn: effectiveOn(event.data),
});

/** W3's and W4's projection: events counted per type and per stream. */
export interface Counts {
  readonly events: number;
  readonly byType: ReadonlyMap<string, number>;
  readonly streams: number;
}

/** A projection being built: add events one by one, then read the counts. */
export interface CountsBuilder {
  readonly add: (stream: string, type: string) => void;
  readonly counts: () => Counts;
}

/** Starts an empty projection. */
export function countsBuilder(): CountsBuilder {
  const byType = new Map<string, number>();
  const byStream = new Map<string, number>();
  let events = 0;
  return {
    add: (stream, type) => {
      events += 1;
      byType.set(type, (byType.get(type) ?? 0) + 1);
      byStream.set(stream, (byStream.get(stream) ?? 0) + 1);
    },
    counts: () => ({ events, byType, streams: byStream.size }),
  };
}

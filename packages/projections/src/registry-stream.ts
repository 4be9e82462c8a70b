/**
 * The authority registry's stream as the read side folds it, so that a withdrawal (rule 14) takes
 * the authority rows back to before the events it names. The registry is one stream whose events
 * each change one authority's row; the stream is kept as a chain of steps, one per standing
 * event, each naming the authority whose row the event found and that row as it was. The events
 * an annulment withdraws from a stream are always its last standing ones, so the rows before
 * them are those their steps found — for an authority touched more than once, the oldest step's.
 *
 * @see docs/reference/domain.md rule 14 and "Authorities change too"
 */
import { isWithdrawal, type Authority, type EventsWithdrawn } from '@mandate/core';
import { authorityRowAfter, type AuthoritySummary } from './authority-facts.js';
import { folded, lastStates, unfolded, type FoldedStream } from './withdrawal.js';

/** A standing registry event's step: the authority whose row it found, and that row (if any). */
export interface AuthorityStep {
  readonly authorityId: string;
  readonly before?: AuthoritySummary;
}

/** The registry's stream folded: the step of its last standing event (none at its start). */
export type RegistryStream = FoldedStream<AuthorityStep | undefined>;

/** The registry's stream with no events. */
export const unfoldedRegistry: RegistryStream = unfolded(undefined);

/** The step of a standing event about `authorityId`, which found `before` as its row. */
export const authorityStep = (
  authorityId: string,
  before: AuthoritySummary | undefined,
): AuthorityStep => (before === undefined ? { authorityId } : { authorityId, before });

/**
 * The rows the registry's last `count` standing events changed, by authority, as they were
 * before those events (`undefined`: the authority had no row).
 */
export function authorityRowsBefore(
  stream: RegistryStream,
  count: number,
): ReadonlyMap<string, AuthoritySummary | undefined> {
  const rows = new Map<string, AuthoritySummary | undefined>();
  for (const step of lastStates(stream, count))
    if (step !== undefined) rows.set(step.authorityId, step.before);
  return rows;
}

/** The registry stream after one more stored event: a standing one finding `before`, or a withdrawal. */
export const registryFolded = (
  stream: RegistryStream,
  event: Authority.Event | EventsWithdrawn,
  before: AuthoritySummary | undefined,
): RegistryStream =>
  folded(stream, event, (_, standing: Authority.Event) =>
    authorityStep(standing.data.authorityId, before),
  );

/** Folds the registry's stored events, withdrawals included, into its stream. */
export function foldRegistry(events: Iterable<Authority.Event | EventsWithdrawn>): RegistryStream {
  const rows = new Map<string, AuthoritySummary>();
  const keep = (id: string, row: AuthoritySummary | undefined): void => {
    if (row === undefined) rows.delete(id);
    else rows.set(id, row);
  };
  let stream = unfoldedRegistry;
  for (const event of events) {
    if (isWithdrawal(event)) {
      for (const [id, row] of authorityRowsBefore(stream, event.data.withdrawn.length))
        keep(id, row);
      stream = registryFolded(stream, event, undefined);
      continue;
    }
    const id = event.data.authorityId;
    const before = rows.get(id);
    stream = registryFolded(stream, event, before);
    keep(id, authorityRowAfter(before, event));
  }
  return stream;
}

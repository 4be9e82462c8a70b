/**
 * The questions about authorities over any {@link FactReader}: the authority rows (`authority`
 * facts) and the bodies' summaries (with their transfers), as known at the instant asked. An
 * authority's standing on a date follows its mergers in force then; the authorities above it are
 * found breadth first along its parent and its other superiors in force then, each followed
 * through its mergers, each once. A walk reads only the rows on its way, each once per question.
 *
 * @see docs/reference/domain.md rule 9 and "Authorities change too"
 */
import type { AuthorityId, BodyId, CalendarDate, Instant } from '@mandate/core';
import * as E from 'fp-ts/Either';
import type { AuthoritySummary } from './authority-facts.js';
import type { AuthorityQueries, JurisdictionView, OrphanView } from './authority-views.js';
import type { FactReader } from './fact-store.js';
import type { BodySummary } from './facts.js';
import { unknownAuthority, unknownBody, whenValid } from './query-errors.js';

/** The authority rows one question reads, each fetched once. */
function authorityRows(reader: FactReader, knownAt: Instant | undefined) {
  const rows = new Map<string, Promise<AuthoritySummary | undefined>>();
  return (id: string): Promise<AuthoritySummary | undefined> => {
    const cached = rows.get(id);
    if (cached !== undefined) return cached;
    const read = reader
      .factsAbout('authority', id, knownAt)
      .then((facts) => facts[0]?.payload as AuthoritySummary | undefined);
    rows.set(id, read);
    return read;
  };
}
type Rows = ReturnType<typeof authorityRows>;

/** True when the authority exists on `on`: registered by then and not yet ended. */
const existsOn = (row: AuthoritySummary | undefined, on: CalendarDate): boolean =>
  row !== undefined && row.registeredOn <= on && (row.end === undefined || on < row.end.on);

/** The authority that stands for `id` on `on`, following the mergers in force then. */
async function standingOf(rows: Rows, id: string, on: CalendarDate): Promise<string> {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    const end = (await rows(current))?.end;
    const next = end?.kind === 'merged' && end.on <= on ? end.into[0] : undefined;
    if (next === undefined || seen.has(next)) return current;
    seen.add(current);
    current = next;
  }
}

/** The authorities above `id` on `on`, breadth first, nearest first, each once. */
async function aboveOf(rows: Rows, id: string, on: CalendarDate): Promise<string[]> {
  const above: string[] = [];
  const seen = new Set([id]);
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const row = await rows(next);
    if (row === undefined) continue;
    const direct = [
      ...(row.parent === undefined ? [] : [row.parent]),
      ...row.superiors.filter((link) => link.from <= on).map((link) => link.authorityId),
    ];
    for (const superior of direct) {
      const standing = await standingOf(rows, superior, on);
      if (seen.has(standing)) continue;
      seen.add(standing);
      above.push(standing);
      queue.push(standing);
    }
  }
  return above;
}

/** The authority a body answered to on `on`: the last transfer's by then, or its establisher. */
const answeringTo = (summary: BodySummary, on: CalendarDate): string =>
  summary.transfers.filter((transfer) => transfer.from <= on).at(-1)?.authority ??
  summary.authority;

/** True when the body lived on `on`. */
const livesOn = (summary: BodySummary, on: CalendarDate): boolean =>
  summary.establishedOn <= on && (summary.end === undefined || on < summary.end.on);

/** The summary of a body as known at `knownAt`, if any. */
const bodySummary = async (
  reader: FactReader,
  bodyId: string,
  knownAt: Instant | undefined,
): Promise<BodySummary | undefined> =>
  (await reader.factsAbout('body', bodyId, knownAt))[0]?.payload as BodySummary | undefined;

/** Every body summary known at `knownAt`, by id. */
async function bodySummaries(
  reader: FactReader,
  knownAt: Instant | undefined,
): Promise<ReadonlyArray<BodySummary>> {
  const ids = await reader.subjects('body', knownAt);
  const summaries = await Promise.all(ids.map((id) => bodySummary(reader, id, knownAt)));
  return summaries.flatMap((summary) => summary ?? []);
}

/** The authority a body answered to on `on`, where it stood, and whether that existed. */
async function standingOfBody(rows: Rows, summary: BodySummary, on: CalendarDate) {
  const authority = answeringTo(summary, on);
  const standing = await standingOf(rows, authority, on);
  const row = await rows(standing);
  return { authority, standing, row, orphaned: !existsOn(row, on) };
}

/** The questions about authorities, over the facts `reader` gives. */
export function createAuthorityQueries(reader: FactReader): AuthorityQueries {
  return {
    jurisdiction: (bodyId, on, knownAt) =>
      whenValid([['on', on]], knownAt, async () => {
        const summary = await bodySummary(reader, bodyId, knownAt);
        if (summary === undefined) return E.left(unknownBody(bodyId, knownAt));
        const rows = authorityRows(reader, knownAt);
        const { authority, standing, orphaned } = await standingOfBody(rows, summary, on);
        const view: JurisdictionView = {
          bodyId,
          authority: authority as AuthorityId,
          standing: standing as AuthorityId,
          orphaned,
          above: (await aboveOf(rows, standing, on)) as AuthorityId[],
        };
        return E.right(view);
      }),
    bodiesUnder: (authorityId, on, knownAt) =>
      whenValid([['on', on]], knownAt, async () => {
        const rows = authorityRows(reader, knownAt);
        if ((await rows(authorityId)) === undefined)
          return E.left(unknownAuthority(authorityId, knownAt));
        const under: BodyId[] = [];
        for (const summary of await bodySummaries(reader, knownAt))
          if (
            livesOn(summary, on) &&
            (await standingOf(rows, answeringTo(summary, on), on)) === authorityId
          )
            under.push(summary.bodyId as BodyId);
        return E.right(under);
      }),
    orphanedBodies: (on, knownAt) =>
      whenValid([['on', on]], knownAt, async () => {
        const rows = authorityRows(reader, knownAt);
        const orphans: OrphanView[] = [];
        for (const summary of await bodySummaries(reader, knownAt)) {
          if (!livesOn(summary, on)) continue;
          const { authority, standing, row, orphaned } = await standingOfBody(rows, summary, on);
          if (!orphaned) continue;
          orphans.push({
            bodyId: summary.bodyId as BodyId,
            authority: authority as AuthorityId,
            standing: standing as AuthorityId,
            ...(row?.end === undefined ? {} : { endedOn: row.end.on }),
          });
        }
        return E.right(orphans);
      }),
  };
}

/**
 * Every export of a generated history (a body and the offices behind its seats, changing hands,
 * renamed, dissolved, as known at any instant, on any date): the Popolo document is valid against
 * the Popolo schemas; every membership's interval is well formed and within its body's life; the
 * ORG document expands with its inline context alone; both diagrams parse.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { compareDates, type CalendarDate, type Instant } from '@mandate/core';
import { calendarDateArbitrary } from '@mandate/core/testing';
import {
  bitemporalProjection,
  createInMemoryReadModel,
  startProjection,
  type ReadModelQueries,
} from '@mandate/projections';
import { history, registerProvince } from '../../projections/src/generated-history.fixture.js';
import {
  MINUTE,
  RECORDING_START,
  envelope,
  memoryWorld,
  recordCitedInstruments,
  wholeLog,
  withEventIds,
} from '../../projections/src/history.fixture.js';
import { parseDot, parseMermaid } from './diagram-parsers.fixture.js';
import { toDot } from './dot.js';
import { gatherSnapshot } from './gather.js';
import { toMermaid } from './mermaid.js';
import { toOrgJsonLd } from './org-jsonld.js';
import { toPopolo } from './popolo.js';
import { popoloViolations } from './popolo-schemas.fixture.js';

/** Records a generated history and projects it into the in-memory read model. */
async function recorded({
  commands,
  steps,
}: {
  readonly commands: ReadonlyArray<unknown>;
  readonly steps: ReadonlyArray<number>;
}): Promise<{ readonly queries: ReadModelQueries; readonly instants: ReadonlyArray<Instant> }> {
  const { store, clock, handler } = memoryWorld(RECORDING_START);
  await recordCitedInstruments(handler, [registerProvince, ...commands]);
  await handler.handle(envelope('register-province', registerProvince));
  for (const [i, command] of commands.entries()) {
    clock.advance((steps[i] ?? 1) * MINUTE);
    await handler.handle(envelope(`command-${i}`, await withEventIds(store, command)));
  }
  const model = createInMemoryReadModel();
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return { queries: model.queries, instants: (await wholeLog(store)).map((e) => e.recordedAt) };
}

const refuseRemote = (url: string): Promise<never> =>
  Promise.reject(new Error(`refused to load ${url}`));

describe('every export of a generated history', () => {
  it('is schema-valid Popolo with well-formed memberships, expandable ORG and parseable diagrams', async () => {
    let withMemberships = 0;
    await fc.assert(
      fc.asyncProperty(
        history,
        calendarDateArbitrary('2018-01-01', '2021-12-31'),
        fc.option(fc.nat(), { nil: undefined }),
        async (generated, on, pick) => {
          const { queries, instants } = await recorded(generated);
          const knownAt = pick === undefined ? undefined : instants[pick % instants.length];
          const snapshot = await gatherSnapshot(queries, {
            on: on as CalendarDate,
            ...(knownAt === undefined ? {} : { knownAt }),
          });
          if (E.isLeft(snapshot)) throw new Error(JSON.stringify(snapshot.left));
          const popolo = toPopolo(snapshot.right);
          expect(popoloViolations(popolo)).toEqual([]);
          for (const membership of popolo.memberships) {
            const body = popolo.organizations.find((o) => o.id === membership.organization_id);
            expect(body).toBeDefined();
            expect(popolo.persons.map((p) => p.id)).toContain(membership.person_id);
            expect(popolo.posts.map((p) => p.id)).toContain(membership.post_id);
            const { start_date: start, end_date: end } = membership;
            expect(
              compareDates(body?.founding_date as CalendarDate, start as CalendarDate),
            ).toBeLessThanOrEqual(0);
            expect(compareDates(start as CalendarDate, on as CalendarDate)).toBeLessThanOrEqual(0);
            if (end !== undefined) {
              expect(compareDates(start as CalendarDate, end as CalendarDate)).toBeLessThan(0);
              expect(compareDates(end as CalendarDate, on as CalendarDate)).toBeLessThanOrEqual(0);
            }
            if (body?.dissolution_date !== undefined && end !== undefined)
              expect(
                compareDates(end as CalendarDate, body.dissolution_date as CalendarDate),
              ).toBeLessThanOrEqual(0);
          }
          if (popolo.memberships.length > 0) withMemberships += 1;
          await jsonld.expand(
            toOrgJsonLd(snapshot.right) as unknown as jsonld.JsonLdDocument,
            {
              documentLoader: refuseRemote,
            } as unknown as jsonld.Options.Expand,
          );
          await parseDot(toDot(snapshot.right));
          await parseMermaid(toMermaid(snapshot.right));
        },
      ),
      { numRuns: 30 },
    );
    expect(withMemberships).toBeGreaterThan(0);
  }, 240_000);
});

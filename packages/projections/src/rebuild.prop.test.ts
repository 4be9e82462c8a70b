/**
 * DOMAIN rule 11 for the read models, over random histories submitted through the command handler
 * (body commands mixed with office commands, on a store clock that advances by random steps,
 * sometimes not at all, and instruments annulled ab initio, withdrawing what they changed in body,
 * office, person and registry streams — establishments too, whose ids are then refused a second
 * establishment): a read model built incrementally by a runner that was stopped and
 * restarted at a random point equals one rebuilt from zero; and on random `(on, knownAt)` pairs
 * every query of the read model equals the naive oracle's answer.
 *
 * @see docs/reference/domain.md rule 11
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '@mandate/core';
import { BodyArbitraries } from '@mandate/core/testing';
import {
  expectSameAnswers,
  expectSameRefusals,
  knownAtOf,
  questionPicks,
} from './answers.fixture.js';
import { history, registerProvince } from './generated-history.fixture.js';
import { bitemporalProjection } from './bitemporal-projection.js';
import {
  MINUTE,
  RECORDING_START,
  envelope,
  memoryWorld,
  recordCitedInstruments,
  wholeLog,
  withEventIds,
} from './history.fixture.js';
import { createInMemoryReadModel } from './in-memory/read-model.js';
import { createOracle } from './oracle.js';
import { startProjection } from './runner.js';

/** The tag of a refusal, for a failure that is one. */
const refusalOf = (failure: {
  readonly _tag: string;
  readonly refusal?: { readonly _tag: string };
}) => (failure._tag === 'Refused' ? failure.refusal?._tag : undefined);

const seen = {
  holdings: 0,
  viaOffice: 0,
  pastKnowledge: 0,
  officeTenures: 0,
  exOfficioTenures: 0,
  handedOver: 0,
  filed: 0,
  filedLate: 0,
  due: 0,
  missing: 0,
  corrected: 0,
  instrumentChanges: 0,
  unknownInstruments: 0,
  relations: 0,
  relatedBy: 0,
  bodiesFound: 0,
  personsFound: 0,
  instrumentsFound: 0,
  correctedNames: 0,
  annulledFound: 0,
  personChanges: 0,
  reportChanges: 0,
  retroactive: 0,
  transferred: 0,
  withAbove: 0,
  orphans: 0,
  under: 0,
  correctedRecords: 0,
  bodyWithdrawals: 0,
  officeWithdrawals: 0,
  personWithdrawals: 0,
  registryWithdrawals: 0,
  withdrawnIdentities: 0,
  askedBeforeWithdrawal: 0,
  askedAfterWithdrawal: 0,
};

/** What counts the withdrawals from each kind of stream, by the stream name's first word. */
const WITHDRAWN_FROM = {
  body: 'bodyWithdrawals',
  office: 'officeWithdrawals',
  person: 'personWithdrawals',
  authorities: 'registryWithdrawals',
} as const;

/** The events that correct a body's record (rule 14). */
const RECORD_CORRECTIONS = new Set([
  'EstablishmentDateCorrected',
  'BodyNameCorrected',
  'SeatRolesCorrected',
  'SeatDateCorrected',
  'DutyDateCorrected',
  'ObligationDateCorrected',
  'SeatHoldingCorrected',
  'RenameDateCorrected',
  'SeatRolesChangeDateCorrected',
  'DutyAmendmentDateCorrected',
  'EndDateCorrected',
]);

describe('bitemporal read models (rule 11)', () => {
  it('rebuilt from zero equals incremental, and every query equals the oracle', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        questionPicks(4, 8),
        async ({ commands, steps, cut }, questions) => {
          const { store, clock, handler } = memoryWorld(RECORDING_START);
          const incremental = createInMemoryReadModel();
          const target = incremental.target;
          let runner = startProjection({ store, projection: bitemporalProjection, target });
          await recordCitedInstruments(handler, [registerProvince, ...commands]);
          await handler.handle(envelope('register-province', registerProvince));
          for (const [i, command] of commands.entries()) {
            if (i === cut) {
              await runner.waitUntilCaughtUp();
              await runner.stop();
            }
            clock.advance((steps[i] ?? 1) * MINUTE);
            const handled = await handler.handle(
              envelope(`command-${i}`, await withEventIds(store, command)),
            );
            if (isLeft(handled) && refusalOf(handled.left) === 'IdentityWithdrawn')
              seen.withdrawnIdentities += 1;
            if (i === cut)
              runner = startProjection({ store, projection: bitemporalProjection, target });
          }
          await runner.waitUntilCaughtUp();
          await runner.stop();

          const rebuilt = createInMemoryReadModel();
          const fresh = startProjection({
            store,
            projection: bitemporalProjection,
            target: rebuilt.target,
          });
          await fresh.rebuild();
          await fresh.stop();
          expect(rebuilt.rows()).toEqual(incremental.rows());

          const log = await wholeLog(store);
          seen.correctedRecords += log.filter((e) => RECORD_CORRECTIONS.has(e.type)).length;
          const withdrawals = log.filter((e) => e.type === 'EventsWithdrawn');
          for (const { stream } of withdrawals)
            seen[WITHDRAWN_FROM[stream.split('-')[0] as keyof typeof WITHDRAWN_FROM]] += 1;
          const oracle = createOracle(log);
          const model = incremental.queries;
          const bodyId = BodyArbitraries.BODY;
          seen.holdings += incremental.rows().filter((r) => r.kind === 'holding').length;
          for (const [on, pick] of questions) {
            const knownAt = knownAtOf(log, pick);
            const question = { bodyId, on: on as CalendarDate, knownAt };
            if (withdrawals.some((e) => knownAt === undefined || e.recordedAt <= knownAt))
              seen.askedAfterWithdrawal += 1;
            if (knownAt !== undefined && withdrawals.some((e) => knownAt < e.recordedAt))
              seen.askedBeforeWithdrawal += 1;
            const reached = await expectSameAnswers(model, oracle, question);
            await expectSameRefusals(model, oracle, question);
            seen.viaOffice += reached.viaOffice;
            seen.pastKnowledge += reached.pastRosters;
            seen.officeTenures += reached.officeTenures;
            seen.exOfficioTenures += reached.exOfficioTenures;
            seen.handedOver += reached.handedOver;
            seen.filed += reached.periods.filed;
            seen.filedLate += reached.periods['filed-late'];
            seen.due += reached.periods.due;
            seen.missing += reached.periods.missing;
            seen.corrected += reached.periods.corrected;
            seen.instrumentChanges += reached.instrumentChanges;
            seen.unknownInstruments += reached.unknownInstruments;
            seen.relations += reached.relations;
            seen.relatedBy += reached.relatedBy;
            seen.bodiesFound += reached.bodiesFound;
            seen.personsFound += reached.personsFound;
            seen.instrumentsFound += reached.instrumentsFound;
            seen.correctedNames += reached.correctedNames;
            seen.annulledFound += reached.annulledFound;
            seen.personChanges += reached.personChanges;
            seen.reportChanges += reached.reportChanges;
            seen.retroactive += reached.retroactive;
            seen.transferred += reached.transferred;
            seen.withAbove += reached.withAbove;
            seen.orphans += reached.orphans;
            seen.under += reached.under;
          }
        },
      ),
      { numRuns: 60 },
    );
    // The histories must reach the interesting paths, or the property proves little.
    for (const [path, count] of Object.entries(seen)) expect(count, path).toBeGreaterThan(0);
  }, 120_000);
});

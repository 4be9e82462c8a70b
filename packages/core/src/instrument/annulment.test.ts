/**
 * An annulment decided in the core: the registry's event and each citing stream's withdrawal, and
 * a citation of an instrument the registry does not hold, which `checkNotAnnulled` leaves to the
 * citation check (the gaps the mutation run over annulment.ts found).
 */
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, EventId } from '../kernel/index.js';
import { checkNotAnnulled, decider, decideAnnulment } from './index.js';
import { basis, citation, recorded, source } from './examples.fixture.js';

const wrong = basis('3/QĐ-UBND', '2019-03-04');
const annulling = basis('9/QĐ-UBND', '2020-01-01');
const registry = [recorded(wrong), recorded(annulling)].reduce(
  decider.evolve,
  decider.initialState,
);

describe('decideAnnulment', () => {
  it('records the annulment on the registry and the withdrawal on each citing stream', () => {
    const renamed = { type: 'BodyRenamed', data: { source: source(wrong) } };
    const decision = decideAnnulment(
      {
        type: 'AnnulInstrument',
        data: {
          instrument: citation(wrong),
          basis: annulling,
          effectiveOn: '2020-01-01' as CalendarDate,
        },
      },
      registry,
      [{ stream: 'body-ban', events: [{ eventId: 'e-1' as EventId, event: renamed }] }],
    );
    expect(isRight(decision) && decision.right.registry).toMatchObject({
      type: 'InstrumentAnnulled',
      data: { instrument: wrong, withdrawn: [{ stream: 'body-ban', events: ['e-1'] }] },
    });
    expect(isRight(decision) && decision.right.withdrawals).toMatchObject([
      { stream: 'body-ban', event: { type: 'EventsWithdrawn', data: { withdrawn: ['e-1'] } } },
    ]);
  });
});

describe('checkNotAnnulled', () => {
  it('lets through a citation of an instrument the registry does not hold', () => {
    const unknown = citation(basis('77/QĐ-UBND', '2019-01-01'));
    expect(checkNotAnnulled(registry, unknown)).toStrictEqual({ _tag: 'Right', right: unknown });
  });
});

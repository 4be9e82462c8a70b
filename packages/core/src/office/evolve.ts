/**
 * Folds office events into the office's state. Pure and total: the previous state is never
 * mutated, and an event that does not fit the state (a change to an office not yet established,
 * the end of a holding that is not open) leaves it as it was.
 */
import { nameTimeline, withName } from '../authority/name-timeline.js';
import type { Event } from './events.js';
import type { Holding, OfficeFacts, OfficeState } from './state.js';

const capacityRank = (holding: Holding): number => (holding.capacity === 'substantive' ? 0 : 1);
const startsBefore = (a: Holding, b: Holding): boolean =>
  a.from < b.from ||
  (a.from === b.from &&
    // Stryker disable next-line EqualityOperator: `<=` is equivalent, rule 6 lets no two holdings of one capacity start on one day
    capacityRank(a) < capacityRank(b));

/** The holdings with `holding` inserted in order of start. */
function withHolding(holdings: ReadonlyArray<Holding>, holding: Holding): ReadonlyArray<Holding> {
  const index = holdings.findIndex((other) => startsBefore(holding, other));
  const at = index === -1 ? holdings.length : index;
  return [...holdings.slice(0, at), holding, ...holdings.slice(at)];
}

/** The state with its facts changed, when the office has been established. */
function withFacts(state: OfficeState, change: (facts: OfficeFacts) => Partial<OfficeFacts>) {
  return state.status === 'unestablished' ? state : { ...state, ...change(state) };
}

/** Folds one event into an office's state. */
export function evolve(state: OfficeState, event: Event): OfficeState {
  switch (event.type) {
    case 'OfficeEstablished': {
      if (state.status !== 'unestablished') return state;
      const { officeId, authority, name, effectiveOn } = event.data;
      return {
        status: 'established',
        officeId,
        authority,
        establishedOn: effectiveOn,
        names: nameTimeline(name, effectiveOn),
        holdings: [],
      };
    }
    case 'OfficeRenamed': {
      const { name, effectiveOn } = event.data;
      return withFacts(state, ({ names }) => ({ names: withName(names, effectiveOn, name) }));
    }
    case 'OfficeHolderAppointed': {
      const { person, capacity, effectiveOn } = event.data;
      return withFacts(state, ({ holdings }) => ({
        holdings: withHolding(holdings, { person, capacity, from: effectiveOn }),
      }));
    }
    case 'OfficeHolderEnded': {
      const { person, capacity, effectiveOn } = event.data;
      return withFacts(state, ({ holdings }) => ({
        holdings: holdings.map((holding) =>
          holding.person === person && holding.capacity === capacity && holding.to === undefined
            ? { ...holding, to: effectiveOn }
            : holding,
        ),
      }));
    }
    case 'OfficeHoldingCorrected': {
      const { person, capacity, was, holding } = event.data;
      return withFacts(state, ({ holdings }) => {
        const index = holdings.findIndex(
          (h) =>
            h.person === person &&
            h.capacity === capacity &&
            h.from === was.from &&
            h.to === was.to,
        );
        if (index === -1) return {};
        const rest = [...holdings.slice(0, index), ...holdings.slice(index + 1)];
        return { holdings: withHolding(rest, { person, capacity, ...holding }) };
      });
    }
    case 'OfficeAbolished':
      return state.status === 'unestablished'
        ? state
        : { ...state, status: 'abolished', abolishedOn: event.data.effectiveOn };
    // Stryker disable next-line BlockStatement,ConditionalExpression: unreachable, the switch covers every member of the typed union
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * A naive model of an office, for the rule properties of docs/reference/domain.md rules 6 and 16:
 * plain records replayed from accepted events, and the rules read literally over them. It imports
 * only the core's types and its command and event shapes, never the decider it checks.
 */
import type { CalendarDate } from '../../src/kernel/index.js';
import { addDays } from '../../src/kernel/index.js';
import type * as Office from '../../src/office/index.js';
import type { PooledOfficeCommand } from '../../src/testing/office-arbitraries.js';

/** One holding, as plain data. */
export interface NaiveHolding {
  person: string;
  capacity: string;
  from: string;
  to?: string;
}

/** An office, as plain data. */
export interface NaiveOffice {
  authority: string;
  establishedOn: string;
  abolishedOn?: string;
  nameDates: string[];
  holdings: NaiveHolding[];
}

/** Replays accepted events into plain records, the simplest way that can work. */
export function replay(events: ReadonlyArray<Office.Event>): NaiveOffice | undefined {
  let office: NaiveOffice | undefined;
  for (const event of events) {
    if (event.type === 'OfficeEstablished') {
      office = {
        authority: event.data.authority,
        establishedOn: event.data.effectiveOn,
        nameDates: [event.data.effectiveOn],
        holdings: [],
      };
    } else if (office !== undefined) {
      if (event.type === 'OfficeRenamed') office.nameDates.push(event.data.effectiveOn);
      if (event.type === 'OfficeAbolished') office.abolishedOn = event.data.effectiveOn;
      if (event.type === 'OfficeHolderAppointed')
        office.holdings.push({
          person: event.data.person,
          capacity: event.data.capacity,
          from: event.data.effectiveOn,
        });
      if (event.type === 'OfficeHolderEnded') {
        const { person, capacity, since, effectiveOn } = event.data;
        const open = office.holdings.filter(
          (h) =>
            h.person === person &&
            h.capacity === capacity &&
            h.from === since &&
            h.to === undefined,
        );
        if (open.length !== 1)
          throw new Error(`${open.length} open holdings match ${JSON.stringify(event.data)}`);
        (open[0] as NaiveHolding).to = effectiveOn;
      }
    }
  }
  return office;
}

/** Whether a holding covers a date. */
export const covers = (h: NaiveHolding, date: string) =>
  h.from <= date && (h.to === undefined || date < h.to);

/** Whether two holdings share a day. */
const overlap = (a: NaiveHolding, b: NaiveHolding) =>
  (a.to === undefined || b.from < a.to) && (b.to === undefined || a.from < b.to);

/** How a set of holdings breaks rule 16, named as the refusal that reports it. */
export type Rule16Breach = 'ActingAndSubstantiveAtOnce' | 'ActingOutlastsAppointment';

/**
 * Rule 16 read literally over a set of holdings: one person holding the office acting and
 * substantively at once, else an acting holding still open on the day a substantive one begins
 * after it.
 */
export function rule16Breach(holdings: ReadonlyArray<NaiveHolding>): Rule16Breach | undefined {
  const pairs = holdings
    .filter((a) => a.capacity === 'acting')
    .flatMap((a) =>
      holdings
        .filter((s) => s.capacity === 'substantive')
        .map((s): [NaiveHolding, NaiveHolding] => [a, s]),
    );
  if (pairs.some(([a, s]) => a.person === s.person && overlap(a, s)))
    return 'ActingAndSubstantiveAtOnce';
  if (pairs.some(([a, s]) => a.from < s.from && covers(a, s.from)))
    return 'ActingOutlastsAppointment';
  return undefined;
}

/**
 * The holdings an accepted appointment leaves, by the rules' own words: the open holding of the
 * same capacity begun earlier ends that day ("X replaces Y"); a substantive appointment also ends
 * the acting holding open since an earlier day; the new holding opens.
 */
export function appointed(
  holdings: ReadonlyArray<NaiveHolding>,
  { person, capacity, effectiveOn: on }: Office.AppointOfficeHolder['data'],
): NaiveHolding[] {
  return [
    ...holdings.map((h) =>
      h.to === undefined &&
      h.from < on &&
      (h.capacity === capacity || (capacity === 'substantive' && h.capacity === 'acting'))
        ? { ...h, to: on }
        : h,
    ),
    { person, capacity, from: on },
  ];
}

/** Whether the rules, read literally, accept the command (the decider may still record nothing). */
export function accepts(command: PooledOfficeCommand, office: NaiveOffice | undefined): boolean {
  const { basis, effectiveOn: on } = command.data;
  if (command.type === 'EstablishOffice')
    return office === undefined && basis.issuer === command.data.authority;
  if (office === undefined || office.abolishedOn !== undefined) return false;
  if (basis.issuer !== office.authority || on < office.establishedOn) return false;
  switch (command.type) {
    case 'RenameOffice':
      return true;
    case 'AppointOfficeHolder': {
      const { person, capacity } = command.data;
      const same = office.holdings.filter((h) => h.capacity === capacity);
      if (same.some((h) => h.person === person && h.from === on && h.to === undefined)) return true;
      // Rule 6: every other holding has ended by then, or is the open one it replaces.
      if (!same.every((h) => (h.to === undefined ? h.from < on : h.to <= on))) return false;
      // Rule 16, on the holdings the appointment would leave.
      return rule16Breach(appointed(office.holdings, command.data)) === undefined;
    }
    case 'EndOfficeHolding': {
      const { person, capacity } = command.data;
      return office.holdings.some(
        (h) => h.person === person && h.capacity === capacity && h.to === undefined && h.from < on,
      );
    }
    case 'AbolishOffice':
      return (
        on > office.establishedOn &&
        office.nameDates.every((d) => d < on) &&
        office.holdings.every((h) => h.from < on && (h.to === undefined || h.to <= on))
      );
  }
}

/** Every date where something changes, and the day before each. */
export function checkpoints(office: NaiveOffice): ReadonlyArray<CalendarDate> {
  const dates = new Set<string>([office.establishedOn, ...office.nameDates]);
  if (office.abolishedOn !== undefined) dates.add(office.abolishedOn);
  for (const h of office.holdings) {
    dates.add(h.from);
    if (h.to !== undefined) dates.add(h.to);
  }
  for (const date of [...dates]) {
    const before = addDays(date as CalendarDate, -1);
    if (before !== undefined) dates.add(before);
  }
  return [...dates].sort() as CalendarDate[];
}

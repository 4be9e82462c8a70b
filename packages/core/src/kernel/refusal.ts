/**
 * The common shape of a refusal: a tagged value naming what was refused and, where one applies,
 * the docs/reference/domain.md rule it would have broken. Each decider owns its own union of refusals.
 */

/** The numbers of the rules in docs/reference/domain.md "Rules". */
export type DomainRule =
  1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;

/** What every refusal carries: its tag, a human-readable message, and the rule it enforces. */
export interface RefusalShape<Tag extends string> {
  readonly _tag: Tag;
  /** The docs/reference/domain.md rule the command would have broken, when the refusal enforces one. */
  readonly rule?: DomainRule;
  /** One sentence saying what was refused and why. */
  readonly message: string;
}

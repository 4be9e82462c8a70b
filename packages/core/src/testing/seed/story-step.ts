/**
 * One step of a story told as commands (the seed, its illustrative sequel), and recording the
 * instruments a story cites before it cites them: the registry is mandatory (docs/reference/domain.md
 * rule 15), so each instrument a step cites as its `basis` is recorded by a `RecordInstrument`
 * step just before the first step citing it.
 *
 * @see docs/reference/domain.md rule 15
 */

/** One step of the story: what happens, and the command envelope that records it. */
export interface SeedStep {
  readonly title: string;
  readonly envelope: {
    readonly commandId: string;
    readonly actor: string;
    readonly command: { readonly type: string; readonly data: Readonly<Record<string, unknown>> };
  };
}

/** The fields of a cited instrument the recording step names it by. */
interface CitedInstrument {
  readonly number: string;
  readonly issuer: string;
  readonly signedOn: string;
}

const isCited = (u: unknown): u is CitedInstrument =>
  typeof u === 'object' &&
  u !== null &&
  ['number', 'issuer', 'signedOn'].every(
    (key) => typeof (u as Record<string, unknown>)[key] === 'string',
  );

const identity = ({ number, issuer, signedOn }: CitedInstrument): string =>
  JSON.stringify([number, issuer, signedOn]);

/** The instrument a step records or cites, if any. */
const instrumentOf = (step: SeedStep): CitedInstrument | undefined => {
  const basis = step.envelope.command.data['basis'];
  return isCited(basis) ? basis : undefined;
};

/**
 * `steps`, each step citing an instrument not recorded yet (neither by an earlier step nor by
 * `before`, the story already told) preceded by the step recording it: in force from the citing
 * step's `effectiveOn`, with no relations, under the command id `<citing command id>-instrument`.
 */
export function recordingCitedInstruments(
  steps: ReadonlyArray<SeedStep>,
  before: ReadonlyArray<SeedStep> = [],
): ReadonlyArray<SeedStep> {
  const recorded = new Set(
    before
      .filter((step) => step.envelope.command.type === 'RecordInstrument')
      .flatMap((step) => {
        const instrument = instrumentOf(step);
        return instrument === undefined ? [] : [identity(instrument)];
      }),
  );
  return steps.flatMap((step) => {
    const basis = instrumentOf(step);
    if (basis === undefined || recorded.has(identity(basis))) return [step];
    recorded.add(identity(basis));
    const effectiveOn = step.envelope.command.data['effectiveOn'] ?? basis.signedOn;
    const record: SeedStep = {
      title: `The instrument ${basis.number} of ${basis.issuer}, signed on ${basis.signedOn}, is recorded`,
      envelope: {
        commandId: `${step.envelope.commandId}-instrument`,
        actor: step.envelope.actor,
        command: { type: 'RecordInstrument', data: { basis, effectiveOn, relations: [] } },
      },
    };
    return [record, step];
  });
}

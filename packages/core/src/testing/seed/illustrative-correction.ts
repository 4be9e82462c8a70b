/**
 * An ILLUSTRATIVE sequel to the seed, which the article does not state: the Director of the
 * Department of Information and Communications (the successor's standing member and secretary, ex
 * officio) changes hands in 2020, and the new director's start is first recorded as 2020-03-01 by
 * a misprint, then corrected to 2020-05-01 by an erratum. The persons are placeholders named as
 * such ("Người minh hoạ"), the instruments `XXXX-…` placeholders; nothing here is a real fact.
 *
 * @see docs/reference/domain.md rule 14
 */
import { SeedIds, seedSteps } from './binh-phuoc-2018.js';
import { recordingCitedInstruments, type SeedStep } from './story-step.js';

/** The ids of the sequel's office and (placeholder) persons. */
export const IllustrativeIds = {
  office: 'giam-doc-so-tttt',
  previousDirector: 'nguoi-minh-hoa-a',
  newDirector: 'nguoi-minh-hoa-b',
} as const;

/** The misprinted start of the new director, and the start the erratum corrects it to. */
export const MISPRINTED_START = '2020-03-01';
/** The new director's start as the erratum corrects it. */
export const CORRECTED_START = '2020-05-01';

const ACTOR = 'seed:illustrative';
const signer = { name: 'Người ký (minh hoạ)', title: 'Placeholder signer' };
const instrument = (number: string, signedOn: string) => ({
  type: 'decision',
  number,
  issuer: SeedIds.province,
  signer,
  signedOn,
});

/** The decision (placeholder) appointing the new director, with the misprinted start. */
export const appointmentDecision = instrument('XXXX-20/QĐ-UBND', '2020-02-20');
/** The erratum (placeholder, đính chính) correcting the new director's start. */
export const erratum = instrument('XXXX-21/QĐ-UBND', '2020-06-10');

const step = (title: string, commandId: string, type: string, data: Record<string, unknown>) =>
  ({ title, envelope: { commandId, actor: ACTOR, command: { type, data } } }) as const;

/**
 * The sequel's steps up to the misprint: the two placeholder persons, the previous director from
 * the decision's date, and the new director from the misprinted 2020-03-01 (replacing the
 * previous one that day); each instrument recorded just before its first citation. The last step
 * is the misprinted appointment.
 */
export const sequelSteps: ReadonlyArray<SeedStep> = recordingCitedInstruments(
  [
    ...[IllustrativeIds.previousDirector, IllustrativeIds.newDirector].map((personId, index) =>
      step(`Placeholder person ${index + 1}`, `illustrative-00${index + 1}`, 'RegisterPerson', {
        personId,
        name: `Người minh hoạ ${index === 0 ? 'A' : 'B'}`,
        basis: instrument(`XXXX-${index + 11}/QĐ-UBND`, '2018-12-04'),
        effectiveOn: '2018-12-04',
      }),
    ),
    step('The previous director holds the office', 'illustrative-010', 'AppointOfficeHolder', {
      officeId: IllustrativeIds.office,
      person: IllustrativeIds.previousDirector,
      capacity: 'substantive',
      basis: instrument('XXXX-13/QĐ-UBND', '2018-12-04'),
      effectiveOn: '2018-12-04',
    }),
    step(
      'The new director, recorded from a misprinted date',
      'illustrative-020',
      'AppointOfficeHolder',
      {
        officeId: IllustrativeIds.office,
        person: IllustrativeIds.newDirector,
        capacity: 'substantive',
        basis: appointmentDecision,
        effectiveOn: MISPRINTED_START,
      },
    ),
  ],
  seedSteps,
);

/**
 * The erratum's steps: recording the erratum, then correcting the event (by id) that recorded the
 * misprinted appointment. The last step is the correction.
 */
export const correctionSteps = (appointmentEventId: string): ReadonlyArray<SeedStep> =>
  recordingCitedInstruments(
    [
      step(
        'The erratum corrects the new director’s start',
        'illustrative-030',
        'CorrectOfficeHolding',
        {
          officeId: IllustrativeIds.office,
          corrects: appointmentEventId,
          effectiveOn: CORRECTED_START,
          basis: erratum,
        },
      ),
    ],
    [...seedSteps, ...sequelSteps],
  );

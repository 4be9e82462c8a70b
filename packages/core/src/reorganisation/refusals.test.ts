/**
 * A reorganisation refusal explains itself: its message names the bodies, duties, counts and
 * dates it is about.
 */
import { describe, expect, it } from 'vitest';
import { unsafeCalendarDate, type BodyId, type DutyId } from '../kernel/index.js';
import {
  bodyNamedTwice,
  carriedDutyIdTaken,
  carriedDutyTarget,
  dutyNotCarriable,
  notActiveOnDate,
  successorExists,
  tooFewBodies,
} from './refusals.js';

const body = 'so-tttt' as BodyId;
const other = 'so-khcn' as BodyId;
const duty = 'quan-ly-bao-chi' as DutyId;

describe('reorganisation refusal messages', () => {
  it('give the kind of reorganisation, the bodies it needs and those given', () => {
    expect(tooFewBodies('merger', 2, 1).message).toBe(
      'A merger needs at least 2 distinct bodies; 1 given.',
    );
  });

  it('name the body a reorganisation names twice, or starts though it exists', () => {
    expect(bodyNamedTwice(body).message).toBe(
      'Body so-tttt is named more than once in the reorganisation.',
    );
    expect(successorExists(body).message).toBe(
      'Body so-tttt already exists; a reorganisation starts only new bodies.',
    );
  });

  it('name the body and the date it is not active on', () => {
    expect(notActiveOnDate(body, unsafeCalendarDate('2025-07-01')).message).toBe(
      'Body so-tttt is not active on 2025-07-01.',
    );
  });

  it('name the duty that cannot be carried and where it was to go', () => {
    expect(dutyNotCarriable(body, duty).message).toBe(
      'Duty quan-ly-bao-chi is not a duty of an ended body so-tttt in force on the effective date.',
    );
    expect(carriedDutyTarget(duty).message).toBe(
      'Carried duty quan-ly-bao-chi must say which resulting body receives it.',
    );
    expect(carriedDutyTarget(duty, other)).toMatchObject({
      into: other,
      message:
        'Carried duty quan-ly-bao-chi names so-khcn, which is not a result of this reorganisation.',
    });
    expect(carriedDutyTarget(duty)).not.toHaveProperty('into');
    expect(carriedDutyIdTaken(body, duty).message).toBe(
      'Body so-tttt already has (or would get twice) a duty with id quan-ly-bao-chi.',
    );
  });

  it('are tagged with their reason and cite rule 5', () => {
    const on = unsafeCalendarDate('2025-07-01');
    expect(
      [
        tooFewBodies('split', 2, 1),
        bodyNamedTwice(body),
        successorExists(body),
        notActiveOnDate(body, on),
        dutyNotCarriable(body, duty),
        carriedDutyTarget(duty),
        carriedDutyIdTaken(body, duty),
      ].map(({ _tag, rule }) => [_tag, rule]),
    ).toEqual([
      ['TooFewBodies', 5],
      ['BodyNamedTwice', 5],
      ['SuccessorExists', 5],
      ['NotActiveOnDate', 5],
      ['DutyNotCarriable', 5],
      ['CarriedDutyTarget', 5],
      ['CarriedDutyIdTaken', 5],
    ]);
    expect(notActiveOnDate(body, on)).toMatchObject({ bodyId: body, on });
    expect(dutyNotCarriable(body, duty)).toMatchObject({ fromBody: body, fromDuty: duty });
    expect(carriedDutyIdTaken(body, duty)).toMatchObject({ bodyId: body, dutyId: duty });
    expect(tooFewBodies('split', 2, 1)).toMatchObject({ needed: 2, given: 1 });
  });
});

/**
 * An instrument refusal explains itself: its message shows each instrument by number, issuer and
 * signing date (with type and signer where two spellings conflict) and, for a citation that
 * resolves to nothing, the recorded instruments of other years.
 */
import { describe, expect, it } from 'vitest';
import type { EventId, InstrumentKey, LegalBasis } from '../kernel/index.js';
import {
  annulmentBySelf,
  annulmentHasDependents,
  annulmentOfAnnulment,
  citesAnnulledInstrument,
  citationConflict,
  relationNotEarlier,
  unresolvedCitation,
} from './refusals.js';

const basis = (number: string, signedOn: string, signer = 'Nguyễn Văn A'): LegalBasis =>
  ({
    type: 'decision',
    number,
    issuer: 'ubnd-tinh',
    signer: { name: signer },
    signedOn,
  }) as unknown as LegalBasis;
const key = '12/QĐ-UBND|ubnd-tinh|2019' as InstrumentKey;

describe('instrument refusal messages', () => {
  it('say that an annulled instrument is cited no more, and by what it was annulled', () => {
    const cited = basis('12/QĐ-UBND', '2019-03-04');
    expect(citesAnnulledInstrument(cited, key).message).toBe(
      '12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 was annulled ab initio by 12/QĐ-UBND|ubnd-tinh|2019; nothing may cite it any more.',
    );
  });

  it('say that an instrument does not annul itself', () => {
    expect(annulmentBySelf(basis('12/QĐ-UBND', '2019-03-04')).message).toBe(
      '12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 cannot annul itself.',
    );
  });

  it('list the later events that rest on an annulled instrument’s changes', () => {
    const dependents = [
      { stream: 'body-ban-a', eventId: 'e-7' as EventId, type: 'BodyRenamed' },
      { stream: 'office-chu-tich', eventId: 'e-9' as EventId, type: 'OfficeHolderEnded' },
    ];
    expect(annulmentHasDependents(basis('12/QĐ-UBND', '2019-03-04'), dependents).message).toBe(
      '12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 cannot be annulled while 2 later event(s) rest on its changes: BodyRenamed e-7 of body-ban-a, OfficeHolderEnded e-9 of office-chu-tich.',
    );
  });

  it('say that an annulling instrument is not annulled, and what to do instead', () => {
    expect(annulmentOfAnnulment(basis('20/QĐ-UBND', '2020-01-02'), key).message).toBe(
      '20/QĐ-UBND of ubnd-tinh signed on 2020-01-02 annulled 12/QĐ-UBND|ubnd-tinh|2019 ab initio and cannot itself be annulled: an annulment is not undone; record the changes of 12/QĐ-UBND|ubnd-tinh|2019 again under a new instrument.',
    );
  });

  it('show an unresolved citation, and the other years’ instruments when there are some', () => {
    const cited = basis('12/QĐ-UBND', '2019-03-04');
    expect(unresolvedCitation(cited, key, []).message).toBe(
      'No instrument 12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 (key 12/QĐ-UBND|ubnd-tinh|2019) is recorded.',
    );
    expect(
      unresolvedCitation(cited, key, [
        basis('12/QĐ-UBND', '2018-03-04'),
        basis('12/QĐ-UBND', '2020-01-02'),
      ]).message,
    ).toBe(
      'No instrument 12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 (key 12/QĐ-UBND|ubnd-tinh|2019) is recorded; recorded in another year: 12/QĐ-UBND of ubnd-tinh signed on 2018-03-04, 12/QĐ-UBND of ubnd-tinh signed on 2020-01-02.',
    );
  });

  it('show both spellings of a conflicting citation, with their types and signers', () => {
    expect(
      citationConflict(
        key,
        basis('12/QĐ-UBND', '2019-03-04'),
        basis('12/QĐ-UBND', '2019-03-04', 'Trần Thị B'),
      ).message,
    ).toBe(
      'The citation of 12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 (decision, signed by Nguyễn Văn A) conflicts with the recorded 12/QĐ-UBND of ubnd-tinh signed on 2019-03-04 (decision, signed by Trần Thị B).',
    );
  });

  it('show an instrument and the later one it may not relate to', () => {
    expect(
      relationNotEarlier(basis('3/QĐ-UBND', '2019-03-04'), basis('9/QĐ-UBND', '2019-05-06'))
        .message,
    ).toBe(
      '3/QĐ-UBND of ubnd-tinh signed on 2019-03-04 cannot relate to 9/QĐ-UBND of ubnd-tinh signed on 2019-05-06: an instrument relates only to earlier ones.',
    );
  });

  it('are tagged with their reason and cite rule 15', () => {
    const earlier = basis('3/QĐ-UBND', '2019-03-04');
    const later = basis('9/QĐ-UBND', '2019-05-06');
    expect(
      [
        unresolvedCitation(earlier, key, []),
        citationConflict(key, earlier, later),
        relationNotEarlier(earlier, later),
      ].map(({ _tag, rule }) => [_tag, rule]),
    ).toEqual([
      ['UnresolvedCitation', 15],
      ['CitationConflict', 15],
      ['RelationNotEarlier', 15],
    ]);
    expect(relationNotEarlier(earlier, later)).toMatchObject({
      instrument: earlier,
      related: later,
    });
  });
});

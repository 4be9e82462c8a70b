import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { decodeWith } from './decode-failure.js';
import type { EventId } from './ids.js';
import { LegalBasis, instrumentSource, reportSource, ReportDocument } from './legal-basis.js';
import type { EventsWithdrawn, IdentifiedEvent } from './withdrawal.js';
import {
  establishmentWithdrawal,
  establishmentWithdrawn,
  identityWithdrawn,
} from './withdrawn-identity.js';

const basis = (number: string, signedOn: string): LegalBasis => {
  const decoded = decodeWith(LegalBasis, {
    type: 'decision',
    number,
    issuer: 'ubnd-tinh-binh-phuoc',
    signer: { name: 'Nguyễn Văn Trăm' },
    signedOn,
  });
  if (isLeft(decoded)) throw new Error('bad instrument');
  return decoded.right;
};
const id = (text: string) => text as EventId;
const annulled = basis('100/QĐ-UBND', '2018-03-01');
const annulling = basis('60/QĐ-UBND', '2018-06-01');

/** A withdrawal by the annulment of 100/QĐ-UBND, naming `withdrawn`. */
const withdrawal = (...withdrawn: [EventId, ...EventId[]]): EventsWithdrawn => ({
  type: 'EventsWithdrawn',
  data: {
    withdrawn,
    annulled,
    effectiveOn: annulling.signedOn,
    source: instrumentSource(annulling),
  },
});

const event = (eventId: string): IdentifiedEvent<{ readonly type: string }> => ({
  eventId: id(eventId),
  event: { type: 'Established' },
});

describe('an id whose establishment was withdrawn (rule 14)', () => {
  it('is found by the withdrawal naming the stream’s first event, and only by it', () => {
    const first = withdrawal(id('e-1'));
    expect(establishmentWithdrawal([])).toBeUndefined();
    expect(establishmentWithdrawal([event('e-1'), { eventId: id('w-1'), event: first }])).toBe(
      first,
    );
    const later = withdrawal(id('e-2'));
    expect(
      establishmentWithdrawal([event('e-1'), event('e-2'), { eventId: id('w-1'), event: later }]),
    ).toBeUndefined();
  });

  it('is refused with a message naming the id, both instruments and what to do', () => {
    const person = identityWithdrawn('person', 'pham-van-rut', withdrawal(id('e-1')));
    expect(person.message).toBe(
      'The person pham-van-rut was registered by 100/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-03-01, annulled ab initio by 60/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-06-01; the withdrawn registration stays in the log and the id stays taken: register the person under a new id.',
    );
    expect(identityWithdrawn('body', 'bcd-x', withdrawal(id('e-1'))).message).toContain(
      'The body bcd-x was established by 100/QĐ-UBND',
    );
    expect(identityWithdrawn('office', 'pgd', withdrawal(id('e-1'))).message).toContain(
      'establish the office under a new id',
    );
  });

  it('carries the id, its kind and both documents, and names no annulling instrument for a report', () => {
    const byInstrument = withdrawal(id('e-1'));
    expect(identityWithdrawn('body', 'bcd-x', byInstrument)).toEqual({
      _tag: 'IdentityWithdrawn',
      rule: 14,
      kind: 'body',
      id: 'bcd-x',
      annulled,
      annulledBy: instrumentSource(annulling),
      message: expect.any(String),
    });
    const report = decodeWith(ReportDocument, {
      reference: '7/BC-BCĐ',
      filedBy: 'bcd-x',
      submittedOn: '2018-06-01',
    });
    if (isLeft(report)) throw new Error('bad report');
    const byReport = {
      ...byInstrument,
      data: { ...byInstrument.data, source: reportSource(report.right) },
    };
    expect(identityWithdrawn('body', 'bcd-x', byReport).message).toBe(
      'The body bcd-x was established by 100/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-03-01, annulled ab initio; the withdrawn establishment stays in the log and the id stays taken: establish the body under a new id.',
    );
  });

  it('refuses any other command on the id, naming both instruments', () => {
    expect(establishmentWithdrawn('body', 'bcd-x', withdrawal(id('e-1')))).toEqual({
      _tag: 'EstablishmentWithdrawn',
      rule: 14,
      kind: 'body',
      id: 'bcd-x',
      annulled,
      annulledBy: instrumentSource(annulling),
      message:
        'The body bcd-x was established by 100/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-03-01, annulled ab initio by 60/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-06-01: it was never established in law, so nothing can be recorded on it.',
    });
    expect(establishmentWithdrawn('person', 'pham-van-rut', withdrawal(id('e-1'))).message).toBe(
      'The person pham-van-rut was registered by 100/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-03-01, annulled ab initio by 60/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-06-01: it was never registered in law, so nothing can be recorded on it.',
    );
    const report = decodeWith(ReportDocument, {
      reference: '7/BC-BCĐ',
      filedBy: 'bcd-x',
      submittedOn: '2018-06-01',
    });
    if (isLeft(report)) throw new Error('bad report');
    const byInstrument = withdrawal(id('e-1'));
    const byReport = {
      ...byInstrument,
      data: { ...byInstrument.data, source: reportSource(report.right) },
    };
    expect(establishmentWithdrawn('office', 'pgd', byReport).message).toBe(
      'The office pgd was established by 100/QĐ-UBND of ubnd-tinh-binh-phuoc signed on 2018-03-01, annulled ab initio: it was never established in law, so nothing can be recorded on it.',
    );
  });
});

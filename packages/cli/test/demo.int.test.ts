/**
 * `mandate demo`, spawned as a user runs it: the seed story from the shipped decision files, its
 * illustrative files labelled, the answers on two dates and before and after the erratum, the late
 * report, the audit of the merger, `verify` passing, and one altered byte caught, its event named.
 */
import { describe, expect, it } from 'vitest';
import { mandate } from './binary.fixture.js';

describe('mandate demo', () => {
  it('tells the story and shows tampering caught', async () => {
    const run = await mandate(['demo']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('from 15 decision files');
    expect(out).toMatch(
      /13-minh-hoa-giam-doc-so-tttt-2020\.yaml: 4 event\(s\)\n\s+ILLUSTRATIVE — /,
    );
    expect(out).toMatch(
      /2019-01-01:[\s\S]*uv-thuong-truc-thu-ky\s+standing-member, secretary\s+Người minh hoạ A/,
    );
    expect(out).toMatch(
      /before the erratum was recorded\):[\s\S]*Người minh hoạ B[\s\S]*as known now:[\s\S]*Người minh hoạ A/,
    );
    expect(out).toMatch(/bao-cao-dinh-ky\s+2019-H1\s+2019-07-15\s+filed-late/);
    expect(out).toMatch(/bcd_cai_cach_tthc_cntt_cqdt -->\|merger 2018-12-04\| bcd_xay_dung/);
    expect(out).toMatch(/Audit of decision …\/QĐ-UBND .*: 48 changes/);
    expect(out).toMatch(/verify: the hash chain holds — \d+ events in \d+ streams/);
    expect(out).toMatch(
      /verify: FAILED — Hash chain broken at "body-bcd-xay-dung-chinh-quyen-dien-tu"/,
    );
    expect(out).toMatch(/the altered event: \S+ \(ReportingObligationImposed in body-/);
  });
});

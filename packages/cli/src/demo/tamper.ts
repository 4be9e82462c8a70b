/**
 * Tampering, to show that it is caught: a copy of a closed SQLite store with one byte of one
 * event's stored data altered — a digit of a reporting deadline, as an insider editing the file
 * might — and then `verify` on the copy, naming the event whose hash no longer matches.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { checkFailed, type CheckFailed } from '../failure.js';

/** The stored text whose digit is altered: a reporting obligation's deadline in days. */
const MARKER = Buffer.from('"dueDaysAfterPeriodEnd":31');

/** What `verify` said of the altered copy. */
export interface TamperReport {
  /** Where the byte was altered in the file, and from what to what. */
  readonly offset: number;
  readonly from: string;
  readonly to: string;
  /** Verify's finding (a broken hash chain), and the event it names. */
  readonly problem: string;
  readonly event?: { readonly eventId: string; readonly type: string; readonly stream: string };
}

/** Copies the closed store `file` to `copy`, alters one byte of an event's data there, verifies. */
export async function tamperAndVerify(
  file: string,
  copy: string,
): Promise<E.Either<CheckFailed, TamperReport>> {
  copyFileSync(file, copy);
  const bytes = readFileSync(copy);
  const found = bytes.indexOf(MARKER);
  if (found < 0) return E.left(checkFailed('the demo store holds no reporting deadline to alter'));
  const offset = found + MARKER.length - 1;
  bytes[offset] = '2'.charCodeAt(0);
  writeFileSync(copy, bytes);

  const opened = await createSqliteEventStore({ path: copy });
  if (E.isLeft(opened)) return E.left(checkFailed(opened.left.message));
  const store = opened.right;
  try {
    const verified = await store.verify();
    if (E.isLeft(verified)) return E.left(checkFailed(verified.left.message));
    if (verified.right.ok)
      return E.left(checkFailed('verify passed on the altered copy: tampering went unseen'));
    const { problem } = verified.right;
    const report = { offset, from: '1', to: '2', problem: problem.message };
    if (problem._tag !== 'TamperDetected') return E.right(report);
    const read = await store.readStream(problem.stream, {
      fromRevision: problem.revision,
      maxCount: 1,
    });
    const [event] = E.isRight(read) ? read.right : [];
    return E.right(
      event === undefined
        ? report
        : { ...report, event: { eventId: event.eventId, type: event.type, stream: event.stream } },
    );
  } finally {
    await store.close();
  }
}

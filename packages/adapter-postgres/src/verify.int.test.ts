/**
 * `verify` covers the whole store, not only the events' hash chain: a forged, deleted or edited
 * row of `streams`, `commands` or `log_head`, and an event's command label changed behind the
 * store, are each detected and named.
 *
 * @see docs/reference/domain.md rule 13
 */
import type { CommandId } from '@mandate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '@mandate/eventstore';
import type { PostgresEventStore } from './store.js';
import {
  bySql,
  dropSchema,
  freshSchema,
  openStore,
  sampleEvent,
  successOf,
} from './server.fixture.js';

let schema: string;
let store: PostgresEventStore;

/** Two commands: `cmd-a` writes a@0, a@1 and b@0; `cmd-b` writes a@2; then c@0 without one. */
beforeEach(async () => {
  schema = freshSchema();
  store = await openStore({ schema });
  successOf(
    await store.append({
      commandId: 'cmd-a' as CommandId,
      appends: [
        {
          stream: 'a',
          expectedRevision: 'no-stream',
          events: [sampleEvent('e1', {}, 'cmd-a'), sampleEvent('e2', {}, 'cmd-a')],
        },
        { stream: 'b', expectedRevision: 'no-stream', events: [sampleEvent('e3', {}, 'cmd-a')] },
      ],
    }),
  );
  successOf(
    await store.append({
      commandId: 'cmd-b' as CommandId,
      appends: [{ stream: 'a', expectedRevision: 1n, events: [sampleEvent('e4', {}, 'cmd-b')] }],
    }),
  );
  successOf(
    await store.append({
      appends: [{ stream: 'c', expectedRevision: 'any', events: [sampleEvent('e5', {}, 'x')] }],
    }),
  );
});

afterEach(async () => {
  await store.close();
  await dropSchema(schema);
});

/** Runs `sql` on the schema with triggers off, as a superuser tampering by hand. */
const tamper = (sql: string) =>
  bySql(`SET session_replication_role = replica; ${sql.replaceAll('$s', `"${schema}"`)}`);

const problemOf = async () => {
  const report: VerifyReport = successOf(await store.verify());
  if (report.ok) throw new Error('verify reported an intact store');
  return report.problem;
};

describe('verify covers every table', () => {
  it('accepts the untouched store', async () => {
    expect(successOf(await store.verify())).toEqual({ ok: true, streams: 3, events: 5n });
  });

  it.each([
    [
      'an edited head revision',
      `UPDATE $s.streams SET last_revision = 1 WHERE stream = 'a'`,
      { _tag: 'RowTampered', table: 'streams', key: 'a' },
      /streams.*edited/,
    ],
    [
      'an edited head hash',
      `UPDATE $s.streams SET last_hash = repeat('f', 64) WHERE stream = 'b'`,
      { _tag: 'RowTampered', table: 'streams', key: 'b' },
      /streams.*edited/,
    ],
    [
      'a deleted head',
      `DELETE FROM $s.streams WHERE stream = 'c'`,
      { _tag: 'RowTampered', table: 'streams', key: 'c' },
      /no head.*deleted/,
    ],
    [
      'a forged head',
      `INSERT INTO $s.streams VALUES ('ghost', 4, repeat('a', 64))`,
      { _tag: 'RowTampered', table: 'streams', key: 'ghost' },
      /without events.*forged/,
    ],
    [
      'an edited log head',
      `UPDATE $s.log_head SET last_position = 4`,
      { _tag: 'TamperDetected', stream: 'c', revision: 0n },
      /log_head.*edited/,
    ],
    [
      'a deleted log head',
      `DELETE FROM $s.log_head`,
      { _tag: 'TamperDetected', stream: 'c', revision: 0n },
      /log_head.*deleted/,
    ],
    [
      'a forged command row',
      `INSERT INTO $s.commands VALUES ('cmd-forged', '{"streams":[{"stream":"c","nextExpectedRevision":"0"}],"lastPosition":"5"}', 'now')`,
      { _tag: 'RowTampered', table: 'commands', key: 'cmd-forged' },
      /cmd-forged.*no command.*forged/,
    ],
    [
      'an edited command result',
      `UPDATE $s.commands SET result = '{"streams":[{"stream":"a","nextExpectedRevision":"2"}],"lastPosition":"4"}' WHERE command_id = 'cmd-a'`,
      { _tag: 'RowTampered', table: 'commands', key: 'cmd-a' },
      /cmd-a.*command "cmd-b"/,
    ],
    [
      'a command result naming a missing event',
      `UPDATE $s.commands SET result = '{"streams":[{"stream":"a","nextExpectedRevision":"9"}],"lastPosition":"3"}' WHERE command_id = 'cmd-a'`,
      { _tag: 'RowTampered', table: 'commands', key: 'cmd-a' },
      /a@9.*does not exist/,
    ],
    [
      'a deleted command row',
      `DELETE FROM $s.commands WHERE command_id = 'cmd-b'`,
      { _tag: 'RowTampered', table: 'commands', key: 'cmd-b' },
      /cmd-b.*missing.*a@2.*deleted/,
    ],
    [
      'an event relabelled to another command',
      `UPDATE $s.events SET command_id = 'cmd-a' WHERE position = 4`,
      { _tag: 'RowTampered', table: 'commands', key: 'cmd-b' },
      /cmd-b.*command "cmd-a"/,
    ],
  ])('detects %s', async (_name, sql, named, reason) => {
    await tamper(sql);
    const problem = await problemOf();
    expect(problem).toMatchObject(named);
    expect(problem.message).toMatch(reason);
  });
});

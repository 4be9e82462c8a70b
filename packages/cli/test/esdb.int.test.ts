/**
 * The `mandate` binary on an ESDB store, end to end: against the wire-compatible test server of
 * the ESDB conformance tests, through each client (`esdb://` with `@eventstore/db-client`,
 * `kurrentdb://` with `@kurrent/kurrentdb-client`), the example's first decisions are applied,
 * then asked for (`bodies`, answered from the in-memory read model) and verified.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SERVER_MODES, startTestServer, type TestServer } from '@mandate/esdb-test-server';
import { mandate, mandateJson } from './binary.fixture.js';

const EXAMPLES = fileURLToPath(
  new URL('../../../examples/binh-phuoc-2018/decisions/', import.meta.url),
);
/** The example's decisions up to the merger's predecessors (files 01 to 08). */
const decisions = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml') && name < '09')
  .sort()
  .map((name) => join(EXAMPLES, name));

/** One mode per client: the URL scheme picks the client the CLI imports. */
const modes = ['esdb', 'kurrent'].flatMap((client) =>
  TEST_SERVER_MODES.filter((mode) => mode.client === client).slice(0, 1),
);

describe.each(modes)('mandate on the ESDB test server ($name)', (mode) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(mode);
  });
  afterAll(() => server.stop());

  it('applies decisions, answers a query and verifies the log', async () => {
    const store = ['--store', server.connectionString];
    const applied = await mandate([...store, 'apply', ...decisions]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);

    const answer = (await mandateJson([...store, 'bodies'])) as {
      readonly bodies: ReadonlyArray<{ readonly bodyId: string }>;
    };
    expect(answer.bodies.map(({ bodyId }) => bodyId)).toContain('bcd-cai-cach-tthc-cntt-cqdt');

    const verified = (await mandateJson([...store, 'verify'])) as {
      readonly ok: boolean;
      readonly events: string;
    };
    expect(verified.ok).toBe(true);
    expect(Number(verified.events)).toBeGreaterThan(decisions.length);
  });
});

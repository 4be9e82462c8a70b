/**
 * A program as an npm user writes it against the packed packages: it records a committee with a
 * chairman through the command handler, in memory and in a SQLite file, loads the body's folded
 * state, asks the in-memory and the SQLite read models who sat on it, and runs the `mandate`
 * binary on an empty store in memory. The packaging test
 * type-checks it (node16 as ESM and as CommonJS, and bundler) and runs it both ways; the type
 * assertions fail the type-check if a public type decays to `any`. It prints its answers as JSON.
 * docs/tutorials/getting-started.md shows the regions between `#region` markers.
 */
// #region imports
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCommandHandler, type CommandInput } from '@mandate/application';
import { createSqliteEventStore } from '@mandate/adapter-sqlite';
import { createSqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import type { BodyId, CalendarDate } from '@mandate/core';
import type { EventStore } from '@mandate/eventstore';
import { bitemporalProjection, startProjection, type ReadModelQueries } from '@mandate/projections';
// #endregion imports
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Body, Reorganisation } from '@mandate/core';
import { createInMemoryEventStore } from '@mandate/eventstore';
import {
  createInMemoryReadModel,
  type CatchUpOptions,
  type CheckpointedModel,
  type FactStore,
  type RosterSeat,
} from '@mandate/projections';
import type { SqliteEventStore } from '@mandate/adapter-sqlite';
import { createEsdbEventStore, type EsdbDriver } from '@mandate/adapter-esdb';
import { verifyAuditBundle } from '@mandate/audit';
import { gatherSnapshot, type ExportSnapshot } from '@mandate/export';
import { readDecision } from '@mandate/decisions';
import { createPostgresEventStore, type PostgresEventStore } from '@mandate/adapter-postgres';
import { createPostgresReadModel } from '@mandate/adapter-postgres/read-model';
import type { SqliteReadModel } from '@mandate/adapter-sqlite/read-model';
import type { AnyRefusal, CommandResult } from '@mandate/application';
import type { EstablishmentWithdrawn } from '@mandate/core';

/** `true` unless `T` is `any`. */
type NotAny<T> = 0 extends 1 & T ? false : true;
/** Compiles only when its type argument is `true`. */
const assertType = <T extends true>(_: T): void => undefined;

// The namespaces carry types as well as values.
assertType<NotAny<Body.State>>(true);
assertType<NotAny<Body.Seat>>(true);
assertType<NotAny<Reorganisation.Command>>(true);
assertType<NotAny<SqliteEventStore>>(true);
assertType<NotAny<SqliteReadModel>>(true);
assertType<NotAny<Parameters<typeof createSqliteReadModel>[0]>>(true);
assertType<NotAny<CommandResult>>(true);
assertType<NotAny<EsdbDriver>>(true);
assertType<NotAny<PostgresEventStore>>(true);
assertType<NotAny<Parameters<typeof createPostgresEventStore>[0]>>(true);
assertType<NotAny<ReturnType<typeof createPostgresReadModel>>>(true);
assertType<NotAny<ReturnType<typeof verifyAuditBundle>>>(true);
assertType<NotAny<ExportSnapshot>>(true);
assertType<NotAny<Parameters<typeof createEsdbEventStore>[0]>>(true);
// A refusal the handler gives is one of the union, with its fields typed.
assertType<NotAny<Extract<AnyRefusal, { _tag: 'EstablishmentWithdrawn' }>['annulled']>>(true);
assertType<EstablishmentWithdrawn extends AnyRefusal ? true : false>(true);
// A catch-up may build a read model from zero as a rebuild does.
assertType<CatchUpOptions['buildFromZero'] extends boolean | undefined ? true : false>(true);
assertType<NotAny<CatchUpOptions['buildFromZero']>>(true);

// #region commands
const basis = {
  type: 'decision' as const,
  number: '1/QĐ-UBND',
  issuer: 'ubnd-tinh',
  signer: { name: 'Người ký', title: 'Chủ tịch' },
  signedOn: '2018-12-04',
};
const on = '2018-12-04';
const commands: ReadonlyArray<CommandInput> = [
  // Every cited instrument is recorded in the registry before it is cited.
  { type: 'RecordInstrument', data: { basis, effectiveOn: on, relations: [] } },
  {
    type: 'RegisterAuthority',
    data: {
      authorityId: 'ubnd-tinh',
      name: { vi: 'UBND tỉnh', en: 'Provincial Committee' },
      level: 'province',
      basis,
      effectiveOn: on,
    },
  },
  {
    type: 'RegisterPerson',
    data: { personId: 'tram', name: 'Nguyễn Văn Trăm', basis, effectiveOn: on },
  },
  {
    type: 'EstablishBody',
    data: {
      bodyId: 'bcd',
      kind: 'steering-committee',
      name: { vi: 'Ban Chỉ đạo', en: 'Steering Committee' },
      authority: 'ubnd-tinh',
      basis,
      effectiveOn: on,
      charter: [
        {
          change: 'CreateSeat',
          seatId: 'truong-ban',
          roles: ['head'],
          holder: { follows: 'person', person: 'tram' },
        },
      ],
    },
  },
];
// #endregion commands

// #region record
/** Records the committee through the command handler, and returns the body's folded state. */
async function record(store: EventStore): Promise<Body.State> {
  const handler = createCommandHandler({ store });
  for (const [index, command] of commands.entries()) {
    const result = await handler.submit(command, { commandId: `c-${index}`, actor: 'clerk' });
    if (result._tag === 'Left') throw new Error(`${command.type}: ${result.left.message}`);
    console.error(`${command.type}: ${result.right.events} event(s) recorded`);
  }
  const loaded = await handler.loadBody('bcd' as BodyId);
  if (loaded._tag === 'Left') throw new Error(loaded.left.message);
  return loaded.right.state;
}
// #endregion record

// #region ask
/** The seats of the committee on `day`, as a read model kept by a projection runner answers. */
async function seatsOn(
  store: EventStore,
  model: { target: CheckpointedModel<FactStore>; queries: ReadModelQueries },
  day: CalendarDate,
): Promise<ReadonlyArray<string>> {
  const runner = startProjection({ store, projection: bitemporalProjection, target: model.target });
  await runner.waitUntilCaughtUp();
  const roster = await model.queries.roster('bcd' as BodyId, day);
  await runner.stop();
  if (roster._tag === 'Left') throw new Error(`The roster was refused: ${roster.left._tag}`);
  return roster.right.map((seat: RosterSeat) => seat.seatId);
}
// #endregion ask

// #region sqlite
/** Records the committee in a SQLite file and asks a SQLite read model beside it. */
async function onSqliteFiles(directory: string, day: CalendarDate): Promise<ReadonlyArray<string>> {
  const opened = await createSqliteEventStore({ path: join(directory, 'events.sqlite') });
  if (opened._tag === 'Left') throw new Error(opened.left.message);
  const store = opened.right;
  await record(store);
  const db = new Database(join(directory, 'read-model.sqlite'));
  const seats = await seatsOn(store, createSqliteReadModel(db, bitemporalProjection), day);
  db.close();
  await store.close();
  return seats;
}
// #endregion sqlite

async function main(): Promise<void> {
  const memory = createInMemoryEventStore();
  const state = await record(memory);
  if (state.status === 'unestablished') throw new Error('the body was not established');
  const establishedOn = state.establishedOn;
  // A loaded state's field has its real type, not `any`.
  assertType<NotAny<typeof establishedOn>>(true);
  const day: CalendarDate = establishedOn;
  const inMemory = await seatsOn(memory, createInMemoryReadModel(), day);

  const directory = mkdtempSync(join(tmpdir(), 'mandate-consumer-'));
  const onSqlite = await onSqliteFiles(directory, day);
  rmSync(directory, { recursive: true, force: true });

  // The clustered store's entry loads too (it needs a server to do more).
  const esdb = typeof createEsdbEventStore;
  const audit = typeof verifyAuditBundle;
  const exports = typeof gatherSnapshot;
  const postgres = [typeof createPostgresEventStore, typeof createPostgresReadModel];
  // A decision file: the instrument recorded first, then its change.
  const decision = readDecision(
    'd.json',
    JSON.stringify({
      instrument: basis,
      changes: [
        {
          type: 'RegisterPerson',
          data: { personId: 'tram', name: 'Nguyễn Văn Trăm', effectiveOn: on },
        },
      ],
    }),
  );
  const decisions =
    decision._tag === 'Right' ? decision.right.commands.length : decision.left.message;
  // The `mandate` binary of @mandate/cli runs: an empty store in memory knows no body.
  const cli = JSON.parse(
    execFileSync(
      join('node_modules', '.bin', 'mandate'),
      ['--store', 'memory:', 'bodies', '--json'],
      {
        encoding: 'utf8',
      },
    ),
  ) as { readonly bodies: ReadonlyArray<unknown> };
  console.log(
    JSON.stringify({
      status: state.status,
      establishedOn: day,
      inMemory,
      onSqlite,
      esdb,
      audit,
      exports,
      postgres,
      decisions,
      cliBodies: cli.bodies.length,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

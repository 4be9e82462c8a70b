/**
 * Verification of a whole store: the log (through {@link verifyLog}, with a signed checkpoint when
 * given), then the rows kept beside it, which the chain does not cover:
 *
 * - every stream-head row equals its stream's last event (revision and hash), and every stream of
 *   the log has one (an edited head would make `verify` blame the next legitimate event);
 * - every command-id row is genuine: the events its recorded result names exist and carry that
 *   command id in their metadata (a forged row would turn a later legitimate command into a silent
 *   duplicate); when the store records every command, no event's command id lacks its row, and
 *   each row's result names exactly the last events carrying its id.
 *
 * Every adapter feeds it what it stores; the report names the first row that does not match.
 *
 * @see docs/reference/domain.md rule 13
 */
import { rowTampered } from './errors.js';
import type { StreamHead } from './hash-chain.js';
import type { AppendResult, StoreVerifyOptions, VerifyReport } from './port.js';
import type { RawStoredEvent } from './raw-event.js';
import { verifyLog } from './verify.js';

/** A stream-head row: the stream's last revision and hash, as the store keeps them. */
export interface StreamHeadRecord extends StreamHead {
  readonly stream: string;
}

/** A command-id row: the id and the result recorded with it, or `undefined` when it does not read. */
export interface CommandRecord {
  readonly commandId: string;
  readonly result: AppendResult | undefined;
}

/** Everything a store keeps, as {@link verifyStore} reads it. */
export interface StoreContents {
  /** The log's rows in position order. */
  readonly events: AsyncIterable<RawStoredEvent> | Iterable<RawStoredEvent>;
  readonly heads: Iterable<StreamHeadRecord>;
  readonly commands: Iterable<CommandRecord>;
}

interface Placed {
  readonly position: bigint;
  readonly commandId: string | undefined;
}

const commandIdOf = (metadataJson: string): string | undefined => {
  const metadata = JSON.parse(metadataJson) as { readonly commandId?: unknown };
  return typeof metadata.commandId === 'string' ? metadata.commandId : undefined;
};

/** Verifies the log, then every stream head and command row against it; the first problem wins. */
export async function verifyStore(
  contents: StoreContents,
  options: StoreVerifyOptions = {},
): Promise<VerifyReport> {
  const byPosition = new Map<bigint, Placed & { readonly stream: string }>();
  const streams = new Map<string, Placed[]>();
  const lastHash = new Map<string, string>();
  async function* recorded(): AsyncGenerator<RawStoredEvent> {
    for await (const row of contents.events) {
      yield row;
      // Reached only for rows verifyLog accepted, so their metadata is JSON.
      const placed = { position: row.position, commandId: commandIdOf(row.metadataJson) };
      byPosition.set(row.position, { ...placed, stream: row.stream });
      const events = streams.get(row.stream);
      if (events === undefined) streams.set(row.stream, [placed]);
      else events.push(placed);
      lastHash.set(row.stream, row.hash);
    }
  }
  const report = await verifyLog(
    recorded(),
    options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint },
  );
  if (!report.ok) return report;

  const headed = new Set<string>();
  for (const head of contents.heads) {
    headed.add(head.stream);
    const events = streams.get(head.stream);
    const fail = (reason: string): VerifyReport => ({
      ok: false,
      problem: rowTampered('streams', head.stream, reason),
    });
    if (events === undefined) return fail('the log has no such stream (forged)');
    const last = BigInt(events.length - 1);
    if (head.revision !== last) {
      return fail(`it says revision ${head.revision}, the log's last is ${last} (edited)`);
    }
    if (head.hash !== lastHash.get(head.stream)) {
      return fail("its hash is not the hash of the stream's last event (edited)");
    }
  }
  for (const stream of streams.keys()) {
    if (!headed.has(stream)) {
      return { ok: false, problem: rowTampered('streams', stream, 'the row is missing (deleted)') };
    }
  }

  const strict = options.everyCommandRecorded === true;
  const rows = new Set<string>();
  for (const { commandId, result } of contents.commands) {
    rows.add(commandId);
    const fail = (reason: string): VerifyReport => ({
      ok: false,
      problem: rowTampered('commands', commandId, reason),
    });
    if (result === undefined) return fail('its recorded result does not read (edited)');
    const lastEvent = byPosition.get(result.lastPosition);
    if (lastEvent?.commandId !== commandId) {
      return fail(`the event at position ${result.lastPosition} was not appended by it (forged)`);
    }
    if (!result.streams.some(({ stream }) => stream === lastEvent.stream)) {
      return fail(
        `its result does not name the stream of position ${result.lastPosition} (edited)`,
      );
    }
    for (const { stream, nextExpectedRevision } of result.streams) {
      const events = streams.get(stream) ?? [];
      const event = events[Number(nextExpectedRevision)];
      if (event?.commandId !== commandId || event.position > result.lastPosition) {
        return fail(`${stream}@${nextExpectedRevision} was not appended by it (forged)`);
      }
      if (strict && events[Number(nextExpectedRevision) + 1]?.commandId === commandId) {
        return fail(`its result stops before the last event it appended to ${stream} (edited)`);
      }
    }
    if (strict && byPosition.get(result.lastPosition + 1n)?.commandId === commandId) {
      return fail('its result stops before the last event it appended (edited)');
    }
  }
  if (strict) {
    for (const event of byPosition.values()) {
      if (event.commandId !== undefined && !rows.has(event.commandId)) {
        return {
          ok: false,
          problem: rowTampered('commands', event.commandId, 'the row is missing (deleted)'),
        };
      }
    }
  }
  return report;
}

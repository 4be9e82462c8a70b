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

/** What the checks of the stream and command rows need of one stream of the log. */
interface StreamRecord {
  readonly name: string;
  /** The position of each of its events, by revision. */
  readonly positions: number[];
  lastHash: string;
}

/** Verifies the log, then every stream head and command row against it; the first problem wins. */
export async function verifyStore(
  contents: StoreContents,
  options: StoreVerifyOptions = {},
): Promise<VerifyReport> {
  // Compact, since they hold the whole log: by position (from 1, without gaps once verifyLog has
  // accepted the log) the command id and the stream of each event; the events of one command
  // share their metadata text, so they share one parse and one command id string.
  const commandAt: Array<string | undefined> = [];
  const streamAt: StreamRecord[] = [];
  const streams = new Map<string, StreamRecord>();
  let lastMetadataJson: string | undefined;
  let lastCommandId: string | undefined;
  async function* recorded(): AsyncGenerator<RawStoredEvent> {
    for await (const row of contents.events) {
      yield row;
      // Reached only for rows verifyLog accepted, so their metadata is JSON.
      if (row.metadataJson !== lastMetadataJson) {
        const metadata = JSON.parse(row.metadataJson) as { readonly commandId?: unknown };
        lastCommandId = typeof metadata.commandId === 'string' ? metadata.commandId : undefined;
        lastMetadataJson = row.metadataJson;
      }
      let stream = streams.get(row.stream);
      if (stream === undefined) {
        stream = { name: row.stream, positions: [], lastHash: row.hash };
        streams.set(row.stream, stream);
      }
      stream.positions.push(Number(row.position));
      stream.lastHash = row.hash;
      commandAt.push(lastCommandId);
      streamAt.push(stream);
    }
  }
  const report = await verifyLog(
    recorded(),
    options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint },
  );
  if (!report.ok) return report;
  /** The command id and stream of the event at `position`, if the log has one there. */
  const placedAt = (
    position: bigint | number | undefined,
  ): { readonly commandId: string | undefined; readonly stream: string } | undefined => {
    if (position === undefined) return undefined;
    const index = Number(position) - 1;
    const stream = index >= 0 ? streamAt[index] : undefined;
    return stream === undefined ? undefined : { commandId: commandAt[index], stream: stream.name };
  };

  const headed = new Set<string>();
  for (const head of contents.heads) {
    headed.add(head.stream);
    const events = streams.get(head.stream);
    const fail = (reason: string): VerifyReport => ({
      ok: false,
      problem: rowTampered('streams', head.stream, reason),
    });
    if (events === undefined) return fail('the log has no such stream (forged)');
    const last = BigInt(events.positions.length - 1);
    if (head.revision !== last) {
      return fail(`it says revision ${head.revision}, the log's last is ${last} (edited)`);
    }
    if (head.hash !== events.lastHash) {
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
    const lastEvent = placedAt(result.lastPosition);
    if (lastEvent?.commandId !== commandId) {
      return fail(`the event at position ${result.lastPosition} was not appended by it (forged)`);
    }
    if (!result.streams.some(({ stream }) => stream === lastEvent.stream)) {
      return fail(
        `its result does not name the stream of position ${result.lastPosition} (edited)`,
      );
    }
    for (const { stream, nextExpectedRevision } of result.streams) {
      const positions = streams.get(stream)?.positions ?? [];
      const position = positions[Number(nextExpectedRevision)];
      if (
        placedAt(position)?.commandId !== commandId ||
        (position ?? 0) > Number(result.lastPosition)
      ) {
        return fail(`${stream}@${nextExpectedRevision} was not appended by it (forged)`);
      }
      const next = positions[Number(nextExpectedRevision) + 1];
      if (strict && placedAt(next)?.commandId === commandId) {
        return fail(`its result stops before the last event it appended to ${stream} (edited)`);
      }
    }
    if (strict && placedAt(result.lastPosition + 1n)?.commandId === commandId) {
      return fail('its result stops before the last event it appended (edited)');
    }
  }
  if (strict) {
    for (const commandId of commandAt) {
      if (commandId !== undefined && !rows.has(commandId)) {
        return {
          ok: false,
          problem: rowTampered('commands', commandId, 'the row is missing (deleted)'),
        };
      }
    }
  }
  return report;
}

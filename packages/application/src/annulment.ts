/**
 * Deciding an annulment ab initio: load the registry and every stream citing the instrument to
 * annul, let the core decide, and append the registry's event and each stream's withdrawal in one
 * append, each stream expected at the revision read. A command citing an annulled instrument is
 * refused (rule 14), and every such command reads the registry, so a command racing an annulment
 * either lands before it (and is withdrawn with the rest, or blocks it as a dependent) or
 * conflicts and is decided again, then refused.
 *
 * @see docs/reference/domain.md rule 14
 */
import { isLeft, right, type Either } from 'fp-ts/Either';
import {
  Instrument,
  WITHDRAWAL_EVENT_TYPE,
  WITHDRAWAL_EVENT_VERSION,
  instrumentKey,
} from '@mandate/core';
import type { StreamAppend } from '@mandate/eventstore';
import { instrumentAggregate } from './aggregates.js';
import type { Stamp } from './stamp.js';
import type { LoadFailure } from './load.js';
import type { Loaders } from './loaders.js';
import { streamAppend } from './new-events.js';
import type { AnyRefusal } from './result.js';
import { INSTRUMENTS_STREAM } from './streams.js';

/** An annulment decided: a refusal, or the append to make over every stream it writes. */
export type AnnulmentDecision =
  | { readonly _tag: 'Refused'; readonly refusal: AnyRefusal }
  | {
      readonly _tag: 'Decided';
      readonly appends: ReadonlyArray<StreamAppend>;
      readonly events: number;
    };

/** Whether a batch's commands may include an annulment: nothing in it but annulments and recordings. */
export const annulmentMayBatch = (commands: ReadonlyArray<{ readonly type: string }>): boolean =>
  commands.filter(({ type }) => type !== 'RecordInstrument').length <= 1;

const WITHDRAWAL_VERSIONS = { [WITHDRAWAL_EVENT_TYPE]: WITHDRAWAL_EVENT_VERSION } as const;

/** Loads what an annulment needs and decides it. */
export async function decideAnnulmentCommand(
  command: Instrument.AnnulInstrument,
  loaders: Loaders,
  stamp: Stamp,
): Promise<Either<LoadFailure, AnnulmentDecision>> {
  const registry = await loaders.loadInstruments();
  if (isLeft(registry)) return registry;
  const streams = await loaders.loadCitingStreams(instrumentKey(command.data.instrument));
  if (isLeft(streams)) return streams;
  const decided = Instrument.decideAnnulment(command, registry.right.state, streams.right);
  if (isLeft(decided)) return right({ _tag: 'Refused', refusal: decided.left });
  const revisions = new Map(streams.right.map(({ stream, revision }) => [stream, revision]));
  const withdrawals = decided.right.withdrawals.map(({ stream, event }) => {
    const revision = revisions.get(stream);
    if (revision === undefined) throw new Error(`The annulment wrote to unread stream ${stream}`);
    return streamAppend(stream, revision, stamp([event], WITHDRAWAL_VERSIONS));
  });
  return right({
    _tag: 'Decided',
    appends: [
      streamAppend(
        INSTRUMENTS_STREAM,
        registry.right.revision,
        stamp([decided.right.registry], instrumentAggregate.versions),
      ),
      ...withdrawals,
    ],
    events: 1 + withdrawals.length,
  });
}

/**
 * The codec of every command a decision file may hold as a change, by type: every command the
 * application accepts but the instrument registry's own, which the file's `instrument` records.
 */
import type * as t from 'io-ts';
import { Authority, Body, Instrument, Office, Person, Reorganisation } from '@mandate/core';

/** An io-ts codec seen through the properties its combinators leave on it, for walking. */
export type Walkable = t.Mixed & {
  readonly _tag?: string;
  readonly required?: t.Props;
  readonly optional?: t.Props;
  readonly literals?: ReadonlyArray<string>;
  readonly item?: t.Mixed;
  readonly min?: number;
  readonly max?: number;
  readonly types?: ReadonlyArray<t.Mixed>;
  readonly type?: t.Mixed;
  readonly value?: unknown;
};

/** Every command codec a change may use, in the command reference's order. */
export const CHANGE_COMMANDS: ReadonlyArray<Walkable> = [
  ...Authority.Command.types,
  Instrument.AnnulInstrument,
  ...Office.Command.types,
  ...Person.Command.types,
  ...Body.Command.types,
  ...Reorganisation.Command.types,
];

/** The `type` a command codec decodes. */
export const commandTypeOf = (command: Walkable): string =>
  String((command.required?.['type'] as Walkable | undefined)?.value);

/** The codec of each change's command, by type. */
export const changeCommands: ReadonlyMap<string, Walkable> = new Map(
  CHANGE_COMMANDS.map((command) => [commandTypeOf(command), command]),
);

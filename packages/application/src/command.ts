/**
 * Every command the application accepts, from every aggregate, as one codec dispatched by the
 * command's `type` (type names are unique across aggregates): a failure names the one command the
 * input claims to be (`command.data.basis.signedOn`), not every member of a union. A decoded
 * command is then routed to its aggregate; an annulment, which writes to the registry and to every
 * stream citing the annulled instrument, is routed on its own.
 */
import * as t from 'io-ts';
import { Authority, Body, Instrument, Office, Person, Reorganisation } from '@mandate/core';

/** Any command of any aggregate. */
export type AnyCommand =
  | Authority.Command
  | Instrument.Command
  | Instrument.AnnulInstrument
  | Office.Command
  | Person.Command
  | Body.Command
  | Reorganisation.Command;

/**
 * Any command of any aggregate as a caller writes it: the JSON form the codecs decode (plain
 * strings where the decoded command has branded ids and dates), checked by the compiler field by
 * field and dispatched by `type`.
 */
export type CommandInput =
  | t.OutputOf<typeof Authority.Command>
  | t.OutputOf<typeof Instrument.Command>
  | t.OutputOf<typeof Instrument.AnnulInstrument>
  | t.OutputOf<typeof Office.Command>
  | t.OutputOf<typeof Person.Command>
  | t.OutputOf<typeof Body.Command>
  | t.OutputOf<typeof Reorganisation.Command>;

/** A command together with the aggregate that decides it. */
export type RoutedCommand =
  | { readonly aggregate: 'authority'; readonly command: Authority.Command }
  | { readonly aggregate: 'instrument'; readonly command: Instrument.Command }
  | { readonly aggregate: 'annulment'; readonly command: Instrument.AnnulInstrument }
  | { readonly aggregate: 'office'; readonly command: Office.Command }
  | { readonly aggregate: 'person'; readonly command: Person.Command }
  | { readonly aggregate: 'body'; readonly command: Body.Command }
  | { readonly aggregate: 'reorganisation'; readonly command: Reorganisation.Command };

/** The aggregate that decides a command. */
export type Aggregate = RoutedCommand['aggregate'];

/** A member of an aggregate's command union: an object codec whose `type` is a string literal. */
interface CommandMember extends t.Mixed {
  readonly required: { readonly type: { readonly value: string } };
}

/** An aggregate's command union, seen through its members. */
interface CommandUnion {
  readonly types: ReadonlyArray<CommandMember>;
}

const unions: ReadonlyArray<readonly [Aggregate, CommandUnion]> = [
  ['authority', Authority.Command],
  ['instrument', { types: [Instrument.RecordInstrument] }],
  ['annulment', { types: [Instrument.AnnulInstrument] }],
  ['office', Office.Command],
  ['person', Person.Command],
  ['body', Body.Command],
  ['reorganisation', Reorganisation.Command],
];

interface Route {
  readonly aggregate: Aggregate;
  readonly codec: CommandMember;
}

/** Every command type, mapped to its aggregate and its codec; a type named twice is a defect. */
const routes: ReadonlyMap<string, Route> = (() => {
  const table = new Map<string, Route>();
  for (const [aggregate, union] of unions) {
    for (const codec of union.types) {
      const type = codec.required.type.value;
      if (table.has(type)) throw new Error(`Two aggregates define the command type ${type}`);
      table.set(type, { aggregate, codec });
    }
  }
  return table;
})();

/** Every command type the application accepts, in aggregate order. */
export const COMMAND_TYPES: ReadonlyArray<string> = [...routes.keys()];

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The route of the command type `u` claims, looked up without touching inherited properties. */
const routeOf = (u: unknown): Route | undefined => {
  if (!isRecord(u) || !Object.prototype.hasOwnProperty.call(u, 'type')) return undefined;
  const type = u['type'];
  return typeof type === 'string' ? routes.get(type) : undefined;
};

/** Decodes any command of any aggregate, dispatching on `type` before decoding `data`. */
export const AnyCommand = new t.Type<AnyCommand, unknown, unknown>(
  'Command',
  (u): u is AnyCommand => routeOf(u)?.codec.is(u) === true,
  (u, c) => {
    if (!isRecord(u)) return t.failure(u, c, 'Command must be an object');
    const route = routeOf(u);
    if (route === undefined) {
      const type = Object.prototype.hasOwnProperty.call(u, 'type') ? u['type'] : undefined;
      return t.failure(
        type,
        t.appendContext(c, 'type', t.string, type),
        `type must be one of ${COMMAND_TYPES.join(', ')}`,
      );
    }
    return route.codec.validate(u, c) as t.Validation<AnyCommand>;
  },
  (a) => routes.get(a.type)?.codec.encode(a) ?? a,
);

/**
 * The aggregate that decides a decoded command. The casts are sound: the routing table is built
 * from each aggregate's own command codecs, so a type routed to an aggregate is one of its commands.
 */
export function routeCommand(command: AnyCommand): RoutedCommand {
  const aggregate = routes.get(command.type)?.aggregate;
  switch (aggregate) {
    case 'authority':
      return { aggregate, command: command as Authority.Command };
    case 'instrument':
      return { aggregate, command: command as Instrument.Command };
    case 'annulment':
      return { aggregate, command: command as Instrument.AnnulInstrument };
    case 'office':
      return { aggregate, command: command as Office.Command };
    case 'person':
      return { aggregate, command: command as Person.Command };
    case 'body':
      return { aggregate, command: command as Body.Command };
    case 'reorganisation':
      return { aggregate, command: command as Reorganisation.Command };
    case undefined:
      throw new Error(`No aggregate decides the command type ${command.type}`);
    default: {
      const _exhaustive: never = aggregate;
      return _exhaustive;
    }
  }
}

/**
 * Rule 14 as a property of the handler: once an annulment ab initio has withdrawn the
 * establishment of a body, an office or a person, its id answers every generated command that
 * does not establish it exactly as an id never used would, except that a refusal as not
 * established is told as `EstablishmentWithdrawn`. The model is that unused id, handled beside
 * the withdrawn one: each command is refused `EstablishmentWithdrawn` exactly when the unused id
 * refuses it as not established, and with the same refusal otherwise; and nothing refused
 * appends anything (rule 10).
 *
 * @see docs/reference/domain.md rules 10 and 14
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { BodyArbitraries, OfficeArbitraries } from '@mandate/core/testing';
import { envelope, establishOffice, recordingsOf, registerPerson } from './commands.fixture.js';
import type { CitingCommand } from './commands.fixture.js';
import type { CommandResult } from './handle.js';
import { wholeLog } from './store.fixture.js';
import {
  annulledWorld,
  establishBody,
  first,
  unusedWorld,
  type WithdrawnWorld,
} from './withdrawn-identity.fixture.js';

/** A generated command, as the handler receives it. */
interface Generated {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** How each kind's withdrawn id is established, named in commands, and refused as not established. */
const KINDS = {
  body: {
    establishing: establishBody('bcd-x', first),
    idKey: 'bodyId',
    id: 'bcd-x',
    establishes: 'EstablishBody',
    notEstablished: 'NotEstablished',
  },
  office: {
    establishing: { ...establishOffice(), data: { ...establishOffice().data, basis: first } },
    idKey: 'officeId',
    id: 'chu-tich-ubnd-tinh',
    establishes: 'EstablishOffice',
    notEstablished: 'OfficeNotFound',
  },
  person: {
    establishing: { ...registerPerson(), data: { ...registerPerson().data, basis: first } },
    idKey: 'personId',
    id: 'nguyen-van-tram',
    establishes: 'RegisterPerson',
    notEstablished: 'PersonNotFound',
  },
} as const;
type Kind = keyof typeof KINDS;

/** Generated commands of each kind, before they are pointed at the withdrawn id. */
const generated: Record<Kind, fc.Arbitrary<ReadonlyArray<unknown>>> = {
  body: BodyArbitraries.bodyCommands(8),
  office: OfficeArbitraries.officeHistoryArbitrary(undefined, { maxLength: 6 }),
  person: fc.array(OfficeArbitraries.personCommandArbitrary, { minLength: 1, maxLength: 4 }),
};

/** How many commands' choices of recording their instrument are drawn (then used in turn). */
const CHOICES = 12;

/**
 * A kind, commands of that kind naming its withdrawn id (none of them establishing it), and those
 * whose instruments are recorded: about one in four is not, so that it is refused before any
 * decider sees it (rule 15) unless another command cites the same instrument.
 */
const scenario = fc.constantFrom<Kind>('body', 'office', 'person').chain((kind) =>
  fc
    .tuple(generated[kind], fc.array(fc.nat(3), { minLength: CHOICES, maxLength: CHOICES }))
    .map(([commands, choices]) => {
      const { idKey, id, establishes } = KINDS[kind];
      const named = (commands as ReadonlyArray<Generated>)
        .filter(({ type }) => type !== establishes)
        .map(({ type, data }) => ({ type, data: { ...data, [idKey]: id } }));
      const recorded = named.filter((_, i) => (choices[i % CHOICES] ?? 0) > 0);
      return { kind, commands: named, recorded };
    }),
);

/** The outcome's name: `accepted`, or the refusal's (or failure's) tag. */
const outcomeOf = (result: CommandResult): string =>
  E.isRight(result)
    ? 'accepted'
    : result.left._tag === 'Refused'
      ? result.left.refusal._tag
      : result.left._tag;

/** Records every instrument the commands cite; one conflicting with a recorded one stays out. */
async function recordCitedBy(world: WithdrawnWorld, commands: ReadonlyArray<unknown>) {
  for (const recording of recordingsOf(...(commands as CitingCommand[])))
    await world.handler.handle(recording);
}

const seen = { withdrawn: 0, otherwise: 0 };

describe('an id whose establishment was withdrawn (rule 14)', () => {
  it('answers as an unused id would, a refusal as not established told as EstablishmentWithdrawn', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ kind, commands, recorded }) => {
        const { establishing, notEstablished } = KINDS[kind];
        const withdrawn = await annulledWorld(establishing);
        const unused = await unusedWorld();
        await recordCitedBy(withdrawn, recorded);
        await recordCitedBy(unused, recorded);
        for (const [i, command] of commands.entries()) {
          const before = (await wholeLog(withdrawn.store)).length;
          const expected = outcomeOf(await unused.handler.handle(envelope(`cmd-${i}`, command)));
          const answered = outcomeOf(await withdrawn.handler.handle(envelope(`cmd-${i}`, command)));
          if (expected === notEstablished) {
            seen.withdrawn += 1;
            expect(answered).toBe('EstablishmentWithdrawn');
          } else {
            seen.otherwise += 1;
            expect(answered).toBe(expected);
          }
          if (answered !== 'accepted') expect(await wholeLog(withdrawn.store)).toHaveLength(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('met both sides of the property', () => {
    expect(seen.withdrawn).toBeGreaterThan(0);
    expect(seen.otherwise).toBeGreaterThan(0);
  });
});

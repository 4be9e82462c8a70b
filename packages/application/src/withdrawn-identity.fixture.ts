/**
 * The worlds of the rule 14 tests on withdrawn ids: one in which an establishment (a
 * registration) was accepted and its instrument then annulled ab initio, and the same world in
 * which that id was never used.
 */
import {
  PROVINCE,
  envelope,
  instrument,
  recordInstrument,
  registerProvince,
} from './commands.fixture.js';
import { createCommandHandler, type CommandHandler } from './handle.js';
import { acceptedOf, memoryStore, recordCited } from './store.fixture.js';

export type Basis = ReturnType<typeof instrument>;

/** The instrument that establishes the id first, and is annulled. */
export const first = instrument(PROVINCE, '2018-03-01', '100/QĐ-UBND');
/** The annulling instrument. */
export const annulling = instrument(PROVINCE, '2018-06-01', '60/QĐ-UBND');
/** A new instrument, which the establishment under the withdrawn id cites. */
export const again = instrument(PROVINCE, '2018-07-01', '110/QĐ-UBND');

const annul = (target: Basis) => ({
  type: 'AnnulInstrument',
  data: { instrument: target, basis: annulling, effectiveOn: annulling.signedOn },
});

/** Establishes a working group of the province, with no charter. */
export const establishBody = (bodyId: string, basis: Basis) => ({
  type: 'EstablishBody',
  data: {
    bodyId,
    kind: 'working-group',
    name: { vi: `Tổ công tác ${bodyId}` },
    authority: PROVINCE,
    basis,
    effectiveOn: basis.signedOn,
  },
});

/** A new body a reorganisation starts. */
export const newBody = (bodyId: string) => ({
  bodyId,
  kind: 'steering-committee',
  name: { vi: `Ban Chỉ đạo ${bodyId}` },
  authority: PROVINCE,
});

export const reorganised = {
  reorganisationId: 'to-chuc-lai',
  basis: again,
  effectiveOn: again.signedOn,
};

/** A world in which `annulledWorld` or `unusedWorld` leaves the id it is about. */
export interface WithdrawnWorld {
  readonly handler: CommandHandler;
  readonly store: ReturnType<typeof memoryStore>;
}

/**
 * The bodies `bcd-1` and `bcd-2` standing (by `2/QĐ-UBND`), the annulling and the new instrument
 * recorded, and `established` (if any) accepted, then its instrument annulled.
 */
async function worldWith(
  established: { readonly data: { readonly basis: Basis } } | undefined,
): Promise<WithdrawnWorld> {
  const store = memoryStore();
  const handler = createCommandHandler({ store });
  const standing = instrument(PROVINCE, '2018-01-02', '2/QĐ-UBND');
  const commands = [
    registerProvince,
    establishBody('bcd-1', standing),
    establishBody('bcd-2', standing),
    ...(established === undefined ? [] : [established]),
  ];
  await recordCited(handler, ...commands);
  for (const [i, command] of commands.entries())
    acceptedOf(await handler.handle(envelope(`c-${i}`, command)));
  for (const [i, basis] of [annulling, again].entries())
    acceptedOf(await handler.handle(envelope(`record-${i}`, recordInstrument(basis))));
  if (established !== undefined)
    acceptedOf(await handler.handle(envelope('annul', annul(established.data.basis))));
  return { handler, store };
}

/** A world in which `established`, cited by nothing else, was annulled. */
export const annulledWorld = (established: {
  readonly data: { readonly basis: Basis };
}): Promise<WithdrawnWorld> => worldWith(established);

/** The same world where nothing established the id: it was never used. */
export const unusedWorld = (): Promise<WithdrawnWorld> => worldWith(undefined);

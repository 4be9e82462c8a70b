/**
 * Questions about recorded instruments: what an instrument relates to and which later instruments
 * relate to it ("what replaced 109/QĐ-TTg?").
 *
 * @see docs/reference/domain.md rule 15
 */
import { instrumentKey } from '../kernel/index.js';
import type { Citation, RelationKind } from './relation.js';
import type { RecordedInstrument, RegistryState } from './state.js';

/** The recorded instrument a citation names (by canonical key), if any. */
export const instrumentOf = (
  registry: RegistryState,
  cited: Citation,
): RecordedInstrument | undefined => registry.instruments.get(instrumentKey(cited));

/** The later instruments related to the cited one by `kind` (e.g. what replaced it), in record order. */
export const relatedBy = (
  registry: RegistryState,
  cited: Citation,
  kind: RelationKind,
): ReadonlyArray<RecordedInstrument> =>
  // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder string has no `kind`, so the filter drops it
  (instrumentOf(registry, cited)?.relatedBy ?? [])
    .filter((relation) => relation.kind === kind)
    .flatMap(({ key }) => {
      const later = registry.instruments.get(key);
      // Stryker disable next-line ConditionalExpression,ArrayDeclaration: equivalent, a relation is recorded with the later instrument that makes it, so that instrument is in the registry
      return later === undefined ? [] : [later];
    });

/**
 * Builders the authority decider's examples share: commands and events decoded from JSON (a
 * fixture that does not decode is a broken test, not a refusal), a placeholder decision and the
 * registration event of an authority. Instrument numbers and signers are placeholders.
 */
import { isLeft } from 'fp-ts/Either';
import type * as t from 'io-ts';
import type { AuthorityId } from '../kernel/index.js';
import { Command, Event } from './index.js';

function decoded<C extends t.Mixed>(codec: C, json: unknown): t.TypeOf<C> {
  const result = codec.decode(json);
  if (isLeft(result)) throw new Error(`Fixture does not decode as ${codec.name}`);
  return result.right;
}

/** An authority command decoded from JSON. */
export const command = (json: unknown): Command => decoded(Command, json);
/** An authority event decoded from JSON. */
export const event = (json: unknown): Event => decoded(Event, json);
/** An authority id, unchecked. */
export const id = (s: string) => s as AuthorityId;

/** A placeholder decision of `issuer` signed on `signedOn`. */
export const basis = (issuer: string, signedOn: string) => ({
  type: 'decision',
  number: 'DEMO-1/QĐ',
  issuer,
  signer: { name: 'Nguyễn Văn A' },
  signedOn,
});

/** The source an event records for {@link basis}. */
export const source = (issuer: string, signedOn: string) => ({
  kind: 'instrument',
  instrument: basis(issuer, signedOn),
});

/** What {@link registration} records besides the id and date; each has a default. */
export interface RegistrationOptions {
  readonly parent?: string | undefined;
  readonly level?: string;
  /** The name in Vietnamese; `Cơ quan <id>` by default. */
  readonly vi?: string;
  /** Who issued the decision; the parent by default, or the authority itself for a root. */
  readonly issuer?: string | undefined;
}

/** The `AuthorityRegistered` event of `authorityId` on `on`. */
export const registration = (
  authorityId: string,
  on: string,
  {
    parent,
    level = 'province',
    vi = `Cơ quan ${authorityId}`,
    issuer = parent,
  }: RegistrationOptions = {},
) =>
  event({
    type: 'AuthorityRegistered',
    data: {
      authorityId,
      name: { vi },
      level,
      ...(parent === undefined ? {} : { parent }),
      effectiveOn: on,
      source: source(issuer ?? authorityId, on),
    },
  });

/**
 * Wikidata-ready statements as QuickStatements (version 1 syntax: one statement a line, columns
 * separated by tabs): one "position held" (P39) per tenure of a seat, with its start (P580), its
 * end (P582), the persons it replaced and was replaced by in that seat (P1365, P1366), and the
 * instruments behind it as the reference ("stated in", S248; the first one's title, S1476).
 *
 * Items are named by a Wikidata id when the caller maps them; an item not (yet) on Wikidata is
 * written as a stable placeholder `{kind:id}` — `{person:<person>}`, `{post:<body>/<seat>}`,
 * `{instrument:<issuer>:<year>:<number>}` — listed with a label, to be created or looked up and
 * replaced before the lines are imported. Pure.
 */
import type { LegalBasis } from '@mandate/core';
import type { PersonId } from '@mandate/core';
import { postId } from './identifiers.js';
import { bodyLabel, rolesLabel } from './names.js';
import type { ExportSnapshot, MembershipView } from './snapshot.js';
import { citationOf, instrumentKeyOf, membershipBases } from './sources.js';

/** A Wikidata item id, e.g. `Q42`. */
export type WikidataItemId = `Q${number}`;

/** An item the statements name that the caller has not mapped to a Wikidata item. */
export interface Placeholder {
  /** The placeholder as written in the lines, e.g. `{person:nguyen-van-tram}`. */
  readonly token: string;
  /** What the item is, in words: a person's name, a seat and its body, an instrument's citation. */
  readonly label: string;
}

/** The QuickStatements lines, and every placeholder they still hold. */
export interface QuickStatements {
  readonly lines: ReadonlyArray<string>;
  readonly placeholders: ReadonlyArray<Placeholder>;
}

/** Options: the items already on Wikidata, by placeholder key (`person:<id>`, `post:<body>/<seat>`, …). */
export interface WikidataOptions {
  readonly items?: Readonly<Record<string, WikidataItemId>>;
}

/** A day, at day precision (11), as QuickStatements writes times. */
const day = (date: string): string => `+${date}T00:00:00Z/11`;

/**
 * A monolingual text value. QuickStatements v1 has no escape for `"` inside a string, so a
 * straight double quote is written as a typographic one (U+201D).
 */
const monolingual = (language: string, text: string): string =>
  `${language}:"${text.replace(/"/gu, '\u201D')}"`;

const sameSeat = (a: MembershipView, b: MembershipView): boolean =>
  a.bodyId === b.bodyId && a.seatId === b.seatId;

/** The snapshot's tenures as QuickStatements lines, with the placeholders left in them. */
export function toQuickStatements(
  snapshot: ExportSnapshot,
  options: WikidataOptions = {},
): QuickStatements {
  const placeholders = new Map<string, Placeholder>();
  const item = (key: string, label: string): string => {
    const mapped = options.items?.[key];
    if (mapped !== undefined) return mapped;
    const token = `{${key}}`;
    placeholders.set(token, { token, label });
    return token;
  };
  const names = new Map(snapshot.persons.map((p) => [p.personId, p.name ?? p.personId]));
  const person = (id: PersonId) => item(`person:${id}`, names.get(id) ?? id);
  const bodies = new Map(snapshot.bodies.map((view) => [view.bodyId, bodyLabel(view)]));
  const instrument = (basis: LegalBasis) =>
    item(`instrument:${instrumentKeyOf(basis)}`, citationOf(basis));

  const lines = snapshot.memberships.map((m) => {
    const before = snapshot.memberships.find(
      (other) => sameSeat(other, m) && other.to === m.from && other.personId !== m.personId,
    );
    const after = snapshot.memberships.find(
      (other) =>
        sameSeat(other, m) &&
        m.to !== undefined &&
        other.from === m.to &&
        other.personId !== m.personId,
    );
    const bases = membershipBases(snapshot.changes, m);
    const title = bases[0]?.title;
    const post = item(
      `post:${postId(m.bodyId, m.seatId)}`,
      `${rolesLabel(m.roles)}, ${bodies.get(m.bodyId) ?? m.bodyId}`,
    );
    return [
      person(m.personId),
      'P39',
      post,
      'P580',
      day(m.from),
      ...(m.to === undefined ? [] : ['P582', day(m.to)]),
      ...(before === undefined ? [] : ['P1365', person(before.personId)]),
      ...(after === undefined ? [] : ['P1366', person(after.personId)]),
      ...bases.flatMap((basis) => ['S248', instrument(basis)]),
      ...(title === undefined ? [] : ['S1476', monolingual('vi', title.vi)]),
    ].join('\t');
  });
  return { lines, placeholders: [...placeholders.values()] };
}

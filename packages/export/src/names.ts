/**
 * How an export names a body and a seat in words: a body by the Vietnamese name it bore on the
 * export's date (or, when it had ended, its last name), a seat by its roles.
 */
import type { BilingualName } from '@mandate/core';
import type { Body } from '@mandate/core';
import type { BodyView } from '@mandate/projections';

/** The name a body bore on the date it was seen on, else the last name it bore. */
export const displayName = (view: BodyView): BilingualName | undefined =>
  view.name ?? view.names.at(-1)?.name;

/** Every name a body bore but the display one (the last entry bearing it), with its validity. */
export function otherNameEntries(view: BodyView): ReadonlyArray<Body.NameValidity> {
  const shown = displayName(view);
  const shownAt = view.names.findLastIndex(
    ({ name }) => name.vi === shown?.vi && name.en === shown.en,
  );
  return view.names.filter((_, i) => i !== shownAt);
}

/** A body's Vietnamese display name, or its id when it has none. */
export const bodyLabel = (view: BodyView): string => displayName(view)?.vi ?? view.bodyId;

/** A seat's roles in words, e.g. `standing-member + secretary`. */
export const rolesLabel = (roles: Body.RoleSet): string => roles.join(' + ');

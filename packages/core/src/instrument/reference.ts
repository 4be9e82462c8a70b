/**
 * Where an instrument's text can be read: a URL, or a reference in an archive (e.g. the issuer's
 * register and file number).
 *
 * @see docs/reference/domain.md rule 15
 */
import * as t from 'io-ts';
import { Name, struct } from '../kernel/index.js';

const URL_PATTERN = /^https?:\/\/[^\s\u0000-\u001F\u007F]{1,2000}$/u;

/** An http(s) URL of at most 2,000 characters, without white space or control characters. */
const Url = new t.Type<string, string, unknown>(
  'Url',
  (u): u is string => typeof u === 'string' && URL_PATTERN.test(u),
  (u, c) =>
    typeof u === 'string' && URL_PATTERN.test(u)
      ? t.success(u)
      : t.failure(u, c, 'Url must be an http(s) URL without white space'),
  (a) => a,
);

/** Where an instrument's text can be read: a URL, or an archive reference. */
export const DocumentReference = t.union(
  [
    struct('UrlReference', { kind: t.literal('url'), url: Url }),
    struct('ArchiveReference', { kind: t.literal('archive'), archive: Name }),
  ],
  'DocumentReference',
);
/** Where an instrument's text can be read: a URL, or an archive reference. */
export type DocumentReference = t.TypeOf<typeof DocumentReference>;

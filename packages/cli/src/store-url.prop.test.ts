/**
 * Store addresses decode exactly when they have one of the accepted forms, as an oracle that
 * classifies by prefix alone says; each form gives its kind, and a refusal is a usage error on
 * `--store`.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { displayStore, parseStoreUrl } from './store-url.js';

/** The kind an address has by the oracle's reading, or `undefined` when it has none. */
function oracleKind(address: string): string | undefined {
  if (address === 'memory:') return 'memory';
  if (address.startsWith('sqlite:')) {
    const path = address.slice(7);
    return path === '' || path === ':memory:' ? undefined : 'sqlite';
  }
  for (const scheme of ['esdb://', 'esdb+discover://', 'kurrentdb://', 'kurrentdb+discover://']) {
    if (address.startsWith(scheme) && address.length > scheme.length) return 'esdb';
  }
  return undefined;
}

const prefixes = [
  'memory:',
  'sqlite:',
  'esdb://',
  'kurrentdb://',
  'esdb+discover://',
  'mysql://',
  'file:',
  '',
];
const address = fc
  .tuple(fc.constantFrom(...prefixes), fc.string({ maxLength: 12 }))
  .map(([prefix, rest]) => prefix + rest);

describe('parseStoreUrl', () => {
  it('accepts exactly the addresses of a known form (PostgreSQL aside)', () => {
    fc.assert(
      fc.property(address, (text) => {
        const parsed = parseStoreUrl(text);
        const kind = oracleKind(text);
        if (kind === undefined) {
          expect(parsed).toMatchObject({
            _tag: 'Left',
            left: { _tag: 'InvalidArgument', argument: '--store' },
          });
        } else {
          expect(E.isRight(parsed) && parsed.right.kind).toBe(kind);
        }
      }),
    );
  });

  it('keeps the path of a SQLite file as written', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((path) => path !== ':memory:'),
        (path) => {
          expect(parseStoreUrl(`sqlite:${path}`)).toEqual(E.right({ kind: 'sqlite', path }));
        },
      ),
    );
  });

  it('reads the PostgreSQL schema parameter, and refuses a schema that is not a plain name', () => {
    expect(parseStoreUrl('postgres://u@127.0.0.1:5432/test?schema=audit_2019')).toEqual(
      E.right({
        kind: 'postgres',
        connectionString: 'postgres://u@127.0.0.1:5432/test',
        schema: 'audit_2019',
      }),
    );
    expect(parseStoreUrl('postgresql://127.0.0.1/test')).toEqual(
      E.right({
        kind: 'postgres',
        connectionString: 'postgresql://127.0.0.1/test',
        schema: 'mandate',
      }),
    );
    expect(parseStoreUrl('postgres://127.0.0.1/test?schema=Robert%27);DROP')).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidArgument' },
    });
    expect(E.isLeft(parseStoreUrl('postgres://[not-a-host/test'))).toBe(true);
  });

  it('tells the ESDB clients apart', () => {
    expect(parseStoreUrl('esdb://localhost:2113?tls=false')).toMatchObject({
      right: { kind: 'esdb', client: 'eventstore-db' },
    });
    expect(parseStoreUrl('kurrentdb://localhost:2113?tls=false')).toMatchObject({
      right: { kind: 'esdb', client: 'kurrent-db' },
    });
  });

  it('masks a PostgreSQL password in messages', () => {
    expect(displayStore('postgres://me:secret@db/test')).toBe('postgres://me:***@db/test');
    expect(displayStore('sqlite:./a.sqlite')).toBe('sqlite:./a.sqlite');
  });
});

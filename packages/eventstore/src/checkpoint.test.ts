/** Signed checkpoints: the C2SP note format, pinned byte for byte, and what does not open. */
import { generateKeyPairSync, createPrivateKey, sign as cryptoSign } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { openCheckpoint, signCheckpoint, verifierKey, type Checkpoint } from './checkpoint.js';

// RFC 8032 test vector 1: the secret key 9d61b19d… and its public key d75a9801….
const privateKey = createPrivateKey({
  key: {
    kty: 'OKP',
    crv: 'Ed25519',
    d: Buffer.from(
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      'hex',
    ).toString('base64url'),
    x: Buffer.from(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      'hex',
    ).toString('base64url'),
  },
  format: 'jwk',
});
const signer = { name: 'example.org/mandate', privateKey };
const key = verifierKey(signer.name, privateKey);
const checkpoint: Checkpoint = {
  origin: 'example.org/mandate/log',
  size: 3n,
  rootHash: new Uint8Array(32).fill(7),
};

describe('signed checkpoints', () => {
  it('are C2SP signed notes: body, blank line, one signature line by the key', () => {
    const { note } = signCheckpoint(checkpoint, signer);
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'example.org/mandate/log',
      '3',
      Buffer.alloc(32, 7).toString('base64'),
      '',
    ]);
    expect(lines[4]).toMatch(/^— example\.org\/mandate [A-Za-z0-9+/]{91}=$/);
    expect(lines[5]).toBe('');
    expect(key).toMatch(/^example\.org\/mandate\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(
      Buffer.from(key.split('+').slice(2).join('+'), 'base64').subarray(1).toString('hex'),
    ).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });

  it('open with the verifier key to the checkpoint signed', () => {
    const { note } = signCheckpoint(checkpoint, signer);
    expect(openCheckpoint(note, key, checkpoint.origin)).toEqual(E.right(checkpoint));
  });

  it('do not open when any byte of the note is changed, or with another key or origin', () => {
    const { note } = signCheckpoint(checkpoint, signer);
    for (let i = 0; i < note.length; i++) {
      const altered = note.slice(0, i) + (note[i] === 'A' ? 'B' : 'A') + note.slice(i + 1);
      expect(E.isLeft(openCheckpoint(altered, key)), `byte ${i}`).toBe(true);
    }
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(openCheckpoint(note, verifierKey(signer.name, other))).toMatchObject(
      E.left({ _tag: 'InvalidCheckpoint' }),
    );
    expect(openCheckpoint(note, key, 'another/log')).toMatchObject(
      E.left({ _tag: 'InvalidCheckpoint' }),
    );
    expect(openCheckpoint(note, 'not a key')).toMatchObject(E.left({ _tag: 'InvalidCheckpoint' }));
  });

  it('commit to the scope trees in two extension lines after the root hash, read back as signed', () => {
    const scopes = {
      streams: { size: 2, rootHash: new Uint8Array(32).fill(1) },
      instruments: { size: 0, rootHash: new Uint8Array(32).fill(2) },
    };
    const { note } = signCheckpoint({ ...checkpoint, scopes }, signer);
    expect(note.split('\n').slice(3, 6)).toEqual([
      `mandate/streams 2 ${Buffer.alloc(32, 1).toString('base64')}`,
      `mandate/instruments 0 ${Buffer.alloc(32, 2).toString('base64')}`,
      '',
    ]);
    expect(openCheckpoint(note, key)).toEqual(E.right({ ...checkpoint, scopes }));
  });

  it('ignore extension lines of others, and refuse a Mandate line that does not read', () => {
    // A note over a hand-made body, signed with the same key (its id taken from a genuine note).
    const keyId = Buffer.from(
      signCheckpoint(checkpoint, signer).note.split(' ').at(-1) ?? '',
      'base64',
    ).subarray(0, 4);
    const sign = (extensions: string) => {
      const body = `${checkpoint.origin}\n3\n${Buffer.alloc(32, 7).toString('base64')}\n${extensions}`;
      const signature = cryptoSign(null, Buffer.from(body, 'utf8'), privateKey);
      return `${body}\n— ${signer.name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
    };
    expect(openCheckpoint(sign('other.example/witness x\n'), key)).toEqual(E.right(checkpoint));
    for (const bad of [
      'mandate/streams 1 AAAA\n',
      `mandate/streams 01 ${Buffer.alloc(32).toString('base64')}\n`,
      `mandate/streams 1 ${Buffer.alloc(32).toString('base64')}\n`,
    ]) {
      expect(openCheckpoint(sign(bad), key)).toMatchObject(E.left({ _tag: 'InvalidCheckpoint' }));
    }
  });
});

import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, MAX_SKEW_MS, publicKeyFromHex } from '../../../src/adapters/discord/signature.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const key = publicKeyFromHex(hex);
const now = 1_700_000_000_000;
const stamp = String(now / 1000);
const body = Buffer.from('{"type":1}');
const signed = (t: string, b: Buffer) => sign(null, Buffer.concat([Buffer.from(t), b]), privateKey).toString('hex');

describe('Discord request signatures (Ed25519 over timestamp + body)', () => {
  it('accepts what the application key signed', () => {
    expect(checkSignature(key, signed(stamp, body), stamp, body, now)).toEqual({ ok: true });
    expect(checkSignature(key, signed(stamp, body).toUpperCase(), stamp, body, now)).toEqual({ ok: true });
  });

  it('refuses a changed body, another timestamp, another key, or nothing', () => {
    const good = signed(stamp, body);
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(checkSignature(key, good, stamp, Buffer.from('{"type":2}'), now)).toMatchObject({ ok: false });
    expect(checkSignature(key, good, String(now / 1000 + 1), body, now)).toMatchObject({ ok: false });
    const forged = sign(null, Buffer.concat([Buffer.from(stamp), body]), other).toString('hex');
    expect(checkSignature(key, forged, stamp, body, now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(checkSignature(key, undefined, stamp, body, now)).toEqual({ ok: false, reason: 'no signature' });
    expect(checkSignature(key, good.slice(2), stamp, body, now)).toEqual({ ok: false, reason: 'no signature' });
    expect(checkSignature(key, good, undefined, body, now)).toEqual({ ok: false, reason: 'no timestamp' });
    expect(checkSignature(key, good, '12abc', body, now)).toEqual({ ok: false, reason: 'no timestamp' });
  });

  it('refuses a timestamp more than 5 minutes away, either way', () => {
    for (const offset of [MAX_SKEW_MS + 1000, -(MAX_SKEW_MS + 1000)]) {
      const t = String(Math.floor((now + offset) / 1000));
      expect(checkSignature(key, signed(t, body), t, body, now)).toEqual({ ok: false, reason: 'stale timestamp' });
    }
    const t = String(Math.floor((now - MAX_SKEW_MS + 1000) / 1000));
    expect(checkSignature(key, signed(t, body), t, body, now)).toEqual({ ok: true });
  });

  it('a public key must be 32 bytes', () => {
    expect(() => publicKeyFromHex('ab'.repeat(31))).toThrow(/32 bytes/);
  });
});

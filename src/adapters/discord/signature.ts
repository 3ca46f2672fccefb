import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form; the raw 32 bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Requests signed longer ago (or further ahead) than this are refused as replays. */
export const MAX_SKEW_MS = 5 * 60_000;

/** The application's public key (64 hex characters, from the Developer Portal) as a key object. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hexadecimal characters)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Discord signs `timestamp + body` with the application's key (Ed25519) and sends the signature
 * and timestamp in X-Signature-Ed25519 and X-Signature-Timestamp.
 */
export function checkSignature(
  key: KeyObject,
  signature: unknown,
  timestamp: unknown,
  body: Buffer,
  nowMs: number,
): SignatureCheck {
  if (typeof signature !== 'string' || !/^[0-9a-f]{128}$/i.test(signature))
    return { ok: false, reason: 'no signature' };
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'no timestamp' };
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_SKEW_MS) return { ok: false, reason: 'stale timestamp' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  try {
    if (verify(null, signed, key, Buffer.from(signature, 'hex'))) return { ok: true };
  } catch {
    // A malformed key point or signature is as bad as a wrong one.
  }
  return { ok: false, reason: 'bad signature' };
}

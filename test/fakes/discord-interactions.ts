import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * Discord's side of HTTP interactions: an application key pair made for the test (the bot gets
 * the public key as DISCORD_PUBLIC_KEY) and signed POSTs to the bot's interactions endpoint.
 */
export class InteractionSender {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;

  constructor(private readonly endpoint: () => string) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    // The SPKI form ends with the raw 32-byte key, which is what the Developer Portal shows in hex.
    this.publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }

  /** The Ed25519 signature Discord sends, over timestamp + body. */
  signature(timestamp: string, body: string, key: KeyObject = this.privateKey): string {
    return sign(null, Buffer.from(timestamp + body), key).toString('hex');
  }

  /**
   * POSTs an interaction as Discord does. `tamper` replaces parts of the request to test refusals:
   * another signature, another timestamp, no headers, a body that differs from the signed one.
   */
  async post(
    payload: unknown,
    tamper: { signature?: string | null; timestamp?: string | null; body?: string; signedAt?: number } = {},
  ): Promise<{ status: number; body: unknown; ms: number }> {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor((tamper.signedAt ?? Date.now()) / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const signature = tamper.signature === undefined ? this.signature(timestamp, body) : tamper.signature;
    const sentTimestamp = tamper.timestamp === undefined ? timestamp : tamper.timestamp;
    if (signature !== null) headers['x-signature-ed25519'] = signature;
    if (sentTimestamp !== null) headers['x-signature-timestamp'] = sentTimestamp;
    const started = performance.now();
    const response = await fetch(this.endpoint(), {
      method: 'POST',
      headers,
      body: tamper.body ?? body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { status: response.status, body: parsed, ms };
  }

  /** A key pair Discord does not know, for forged signatures. */
  static strangerKey(): KeyObject {
    return generateKeyPairSync('ed25519').privateKey;
  }
}

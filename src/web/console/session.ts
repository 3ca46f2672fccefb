import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'briefbot_console';
const SESSION_MS = 12 * 60 * 60_000;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares a submitted password with the configured one in constant time (digests of equal length). */
export function passwordMatches(submitted: string, password: string): boolean {
  return timingSafeEqual(digest(submitted), digest(password));
}

/**
 * Stateless sessions: the cookie carries its expiry and a random id, signed with a key derived
 * from the console password, so every instance behind a load balancer accepts it and changing
 * the password ends every session. Logging out revokes the id on this instance and clears the cookie.
 */
export class Sessions {
  private readonly key: Buffer;
  private readonly revoked = new Map<string, number>();

  constructor(
    password: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', 'briefbot console session').update(password).digest();
  }

  create(): string {
    const body = `${this.now() + SESSION_MS}.${randomBytes(18).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The session id when the cookie is genuine, unexpired and not logged out. */
  verify(cookie: string | undefined): string | undefined {
    const match = cookie ? /^(\d+)\.([\w-]+)\.([\w-]+)$/.exec(cookie) : null;
    if (!match) return undefined;
    const [, expires, id, signature] = match as unknown as [string, string, string, string];
    const expected = Buffer.from(this.sign(`${expires}.${id}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number(expires) < this.now() || this.revoked.has(id)) return undefined;
    return id;
  }

  revoke(cookie: string | undefined): void {
    const id = this.verify(cookie);
    if (!id) return;
    this.revoked.set(id, this.now() + SESSION_MS);
    for (const [old, until] of this.revoked) if (until < this.now()) this.revoked.delete(old);
  }

  /** The CSRF token of a session: forms carry it, and a POST without the right one is refused. */
  csrfToken(sessionId: string): string {
    return this.sign(`csrf.${sessionId}`);
  }

  csrfMatches(sessionId: string, token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(sessionId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}

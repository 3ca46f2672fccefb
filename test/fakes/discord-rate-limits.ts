import { createHash } from 'node:crypto';
import { realClock, type Clock } from './clock.js';
import { DiscordApiError } from './discord-errors.js';

export interface RouteLimit {
  method?: string;
  path: RegExp;
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Buckets by route, first match wins; other routes get `fallback`. */
  routes?: RouteLimit[];
  fallback?: { limit: number; windowMs: number };
  /** Requests per second over all routes that carry the bot token (interactions excepted). */
  globalPerSecond?: number;
  /** Real time by default: discord.js waits out the resets in real time. */
  clock?: Clock;
}

/** Discord's documented defaults: 5 messages per 5 s per channel, 50 requests/s overall. */
export const DEFAULT_RATE_LIMITS: Required<Omit<RateLimitOptions, 'clock'>> = {
  routes: [{ method: 'POST', path: /^\/channels\/\d+\/messages$/, limit: 5, windowMs: 5000 }],
  fallback: { limit: 50, windowMs: 1000 },
  globalPerSecond: 50,
};

interface Window {
  resetAt: number;
  used: number;
}

/** The bucket's route: ids become `:id` except the major parameters (channel, guild, webhook). */
export function routeOf(method: string, path: string): string {
  const template = path.replace(/\/(\d{5,})/g, (whole, id: string, offset: number) => {
    const before = path.slice(0, offset);
    return /\/(channels|guilds|webhooks)$/.test(before) ? whole : '/:id';
  });
  return `${method} ${template.replace(/^(\/(?:webhooks|interactions)\/[^/]+)\/[^/]+/, '$1/:token')}`;
}

/**
 * Per-route buckets with X-RateLimit headers on every answer, and the global limit, as
 * discord.js expects them (it reads the headers and waits before it would be refused).
 */
export class RateLimits {
  private readonly options: Required<Omit<RateLimitOptions, 'clock'>>;
  private readonly clock: Clock;
  private readonly windows = new Map<string, Window>();
  private global: Window = { resetAt: 0, used: 0 };
  /** Requests refused with a 429 by a bucket or the global limit. */
  refused = 0;

  constructor({ clock = realClock, ...options }: RateLimitOptions = {}) {
    this.options = { ...DEFAULT_RATE_LIMITS, ...options };
    this.clock = clock;
  }

  /** Counts the request; its headers, and the 429 when it is over a limit. */
  take(
    method: string,
    path: string,
    authenticated: boolean,
  ): { headers: Record<string, string>; error?: DiscordApiError } {
    const now = this.clock.now();
    if (authenticated) {
      if (now >= this.global.resetAt) this.global = { resetAt: now + 1000, used: 0 };
      if (this.global.used >= this.options.globalPerSecond) {
        this.refused += 1;
        const retry = (this.global.resetAt - now) / 1000;
        return {
          headers: {},
          error: new DiscordApiError(
            429,
            { code: 0, message: 'You are being rate limited.', retry_after: retry, global: true },
            { 'retry-after': String(Math.ceil(retry)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
          ),
        };
      }
    }
    const route = routeOf(method, path);
    const rule =
      this.options.routes.find((r) => (r.method ?? method) === method && r.path.test(path)) ?? this.options.fallback;
    let window = this.windows.get(route);
    if (!window || now >= window.resetAt) {
      window = { resetAt: now + rule.windowMs, used: 0 };
      this.windows.set(route, window);
    }
    const resetAfter = (window.resetAt - now) / 1000;
    const headers = (remaining: number) => ({
      'x-ratelimit-limit': String(rule.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': ((Date.now() + (window.resetAt - now)) / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': createHash('sha1').update(route.replace(/\d+/g, '')).digest('hex').slice(0, 16),
    });
    if (window.used >= rule.limit) {
      this.refused += 1;
      return {
        headers: {},
        error: new DiscordApiError(
          429,
          { code: 0, message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          { ...headers(0), 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' },
        ),
      };
    }
    window.used += 1;
    if (authenticated) this.global.used += 1;
    return { headers: headers(rule.limit - window.used) };
  }
}

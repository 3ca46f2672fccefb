import NodeCache from 'node-cache';

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
  count: number;
}

/** Fixed window per key: the first command over the limit is warned, the rest dropped. */
export class RateLimiter implements CommandLimiter {
  private readonly windows: NodeCache;

  constructor(private readonly options: RateLimitOptions) {
    this.windows = new NodeCache({ useClones: false, checkperiod: Math.max(1, options.windowSeconds) });
  }

  check(key: string, scale = 1): RateDecision {
    const window = this.windows.get<Window>(key);
    if (!window) {
      this.windows.set<Window>(key, { count: 1 }, this.options.windowSeconds);
      return 'allow';
    }
    window.count += 1;
    return decide(window.count, this.options.limit * scale);
  }

  close(): void {
    this.windows.close();
  }
}

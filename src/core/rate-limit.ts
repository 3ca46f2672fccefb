import NodeCache from 'node-cache';

export interface RateLimitOptions {
  /** Commands allowed per window. */
  limit: number;
  windowSeconds: number;
}

export type RateDecision = 'allow' | 'warn' | 'drop';

interface Window {
  count: number;
}

/** Fixed window per key: the first command over the limit is warned, the rest dropped. */
export class RateLimiter {
  private readonly windows: NodeCache;

  constructor(private readonly options: RateLimitOptions) {
    this.windows = new NodeCache({ useClones: false, checkperiod: Math.max(1, options.windowSeconds) });
  }

  get limit(): number {
    return this.options.limit;
  }

  /** `limit`: this key's own allowance per window, when it differs from the default. */
  check(key: string, limit = this.options.limit): RateDecision {
    const window = this.windows.get<Window>(key);
    if (!window) {
      this.windows.set<Window>(key, { count: 1 }, this.options.windowSeconds);
      return 'allow';
    }
    window.count += 1;
    if (window.count <= limit) return 'allow';
    return window.count === limit + 1 ? 'warn' : 'drop';
  }

  close(): void {
    this.windows.close();
  }
}

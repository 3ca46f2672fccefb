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

  check(key: string): RateDecision {
    const window = this.windows.get<Window>(key);
    if (!window) {
      this.windows.set<Window>(key, { count: 1 }, this.options.windowSeconds);
      return 'allow';
    }
    window.count += 1;
    if (window.count <= this.options.limit) return 'allow';
    return window.count === this.options.limit + 1 ? 'warn' : 'drop';
  }

  close(): void {
    this.windows.close();
  }
}

import type { Logger } from '../core/logger.js';

export interface StoreHealthState {
  ok: boolean;
  /** When the current run of failures began. */
  since?: Date;
  /** Failed calls since then. */
  failures: number;
  lastError?: string;
}

export interface StoreHealthOptions {
  /** A run of failures is logged when it starts and then at most once per interval. */
  logIntervalMs?: number;
  now?: () => number;
}

/**
 * Keeps track of failing database calls and logs them without flooding: a full disk fails every
 * write, and the log gets one error line when it starts, one per interval while it lasts (with
 * how many calls failed), and one line when it is over. Reads that still work (they do on a full
 * disk) do not end a run of failing writes: a call clears only its own kind of failure.
 */
export class StoreHealth {
  private readonly failing = new Set<string>();
  private failures = 0;
  private since: number | undefined;
  private lastLogged = 0;
  private unlogged = 0;
  private lastError: string | undefined;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly logger: Logger,
    options: StoreHealthOptions = {},
  ) {
    this.intervalMs = options.logIntervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  failed(operation: string, err: unknown): void {
    const now = this.now();
    if (this.failing.size === 0) {
      this.since = now;
      this.failures = 0;
      this.lastLogged = -Infinity;
    }
    this.failing.add(operation);
    this.failures++;
    this.unlogged++;
    this.lastError = err instanceof Error ? err.message : String(err);
    if (now - this.lastLogged < this.intervalMs) return;
    this.logger.error(
      { err, operation, failures: this.unlogged, since: new Date(this.since!).toISOString() },
      'the database is failing; retrying with growing pauses (logged once a minute while it lasts)',
    );
    this.lastLogged = now;
    this.unlogged = 0;
  }

  succeeded(operation: string): void {
    if (!this.failing.delete(operation) || this.failing.size > 0) return;
    this.logger.info(
      { failures: this.failures, since: new Date(this.since!).toISOString() },
      'the database works again',
    );
    this.since = undefined;
  }

  state(): StoreHealthState {
    if (this.failing.size === 0) return { ok: true, failures: 0 };
    return {
      ok: false,
      since: new Date(this.since!),
      failures: this.failures,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }
}

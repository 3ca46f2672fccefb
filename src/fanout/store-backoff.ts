import { retryDelay, type BackoffOptions } from './backoff.js';

/**
 * Pauses the delivery loop while the database fails (a full disk fails every write): each
 * failure in a row doubles the pause, a write that works ends it.
 */
export class StoreBackoff {
  private failures = 0;
  private until = 0;

  constructor(
    private readonly retry: BackoffOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a failure; returns when to try again. */
  failed(): number {
    this.failures++;
    this.until = this.now() + retryDelay(this.failures, this.retry);
    return this.until;
  }

  succeeded(): void {
    this.failures = 0;
    this.until = 0;
  }

  /** When the pause ends, if one is on. */
  pausedUntil(): number | undefined {
    return this.until > this.now() ? this.until : undefined;
  }

  /** Waits out the next pause of a retry loop (one that does not block the delivery loop). */
  static wait(attempt: number, retry: BackoffOptions): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, retry)).unref());
  }
}

import { retryDelay, type BackoffOptions } from './backoff.js';

export interface AnnouncerOptions {
  /** A brief is announced once it has not changed for this long; 0 announces at once. */
  quietMs: number;
  /** Pauses between attempts of an announcement that failed (the database refused it). */
  retry: BackoffOptions;
  /** Records the announcement of what is now under `key`; rejects when it could not. */
  announce: (key: string) => Promise<void>;
  /** Told of each failure; the announcement is tried again after a pause. */
  onFailure: (key: string, err: unknown) => void;
}

/**
 * Waits for a brief to stay unchanged for the quiet time before it is announced, so an editor's
 * autosave sends one message (of the last version) rather than one per save; and tries a failed
 * announcement again with growing pauses, so nothing waits for a restart.
 */
export class Announcer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private running = 0;
  private stopped = false;

  constructor(private readonly options: AnnouncerOptions) {}

  /** Something changed under `key`: (re)start its quiet time. */
  changed(key: string): void {
    this.failures.delete(key);
    this.after(key, this.options.quietMs);
  }

  /** Announce `key` now, retrying on failure. */
  now(key: string): Promise<void> {
    return this.fire(key);
  }

  /** Announcements waiting for their quiet time or retry, or under way. */
  get pending(): number {
    return this.timers.size + this.running;
  }

  /** Drops what is waiting: the next start announces it from the difference with the database. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private after(key: string, ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (ms <= 0) {
      void this.fire(key);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.fire(key);
    }, ms);
    timer.unref();
    this.timers.set(key, timer);
  }

  private async fire(key: string): Promise<void> {
    this.running++;
    try {
      await this.options.announce(key);
      this.failures.delete(key);
    } catch (err) {
      const attempts = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, attempts);
      this.options.onFailure(key, err);
      // A newer change already waiting wins; otherwise try again after a pause.
      if (!this.timers.has(key)) this.after(key, Math.max(1, retryDelay(attempts, this.options.retry)));
    } finally {
      this.running--;
    }
  }
}

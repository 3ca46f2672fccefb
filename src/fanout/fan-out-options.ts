import type { Library } from '../content/library.js';
import type { Logger } from '../core/logger.js';
import type { DataStore } from '../store/data-store.js';
import type { AdapterDirectory } from './adapter-directory.js';
import type { BackoffOptions } from './backoff.js';

export interface FanOutOptions {
  store: DataStore;
  library: Library;
  adapters: AdapterDirectory;
  logger: Logger;
  /** Sends in flight per platform; the adapter's bulk path does the pacing. */
  concurrency?: number;
  /** Waits between attempts of one delivery that failed for a passing reason. */
  retry?: BackoffOptions;
  /** Attempts per delivery before it is given up (logged). */
  maxAttempts?: number;
  /** Consecutive "cannot reach this chat" answers that deactivate its subscriptions. */
  unreachableLimit?: number;
  /** A delivery still pending after this long is dropped rather than sent late. */
  expireAfterMs?: number;
  /** How long stop() waits for sends under way. */
  stopGraceMs?: number;
  /**
   * How long a claimed delivery stays out of everyone's reach before it is due again (a send
   * that takes longer is not repeated by this process, which remembers what it has in flight).
   */
  claimLeaseMs?: number;
  /** A changed brief is announced once it has stayed unchanged this long (autosaving editors). */
  quietMs?: number;
  /** Pauses while the database fails: the delivery loop, announcements, outcomes to record. */
  storeRetry?: BackoffOptions;
}

export const DEFAULTS = {
  concurrency: 16,
  retry: { baseMs: 5_000, maxMs: 10 * 60_000 },
  maxAttempts: 8,
  unreachableLimit: 3,
  expireAfterMs: 24 * 60 * 60_000,
  stopGraceMs: 5_000,
  claimLeaseMs: 60_000,
  quietMs: 30_000,
  storeRetry: { baseMs: 1_000, maxMs: 60_000 },
};

export interface BackoffOptions {
  /** Delay before the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
}

/** Exponential backoff with jitter: attempt 1 waits about `baseMs`, each next one twice as long. */
export function retryDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = options.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(options.maxMs, exponential);
  // +-20% so that many chats failing together do not retry in lockstep
  return Math.round(capped * (0.8 + 0.4 * random()));
}

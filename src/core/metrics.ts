import type { Platform } from './types.js';

/**
 * What the bot counts as it works. The core, the fan-out and the adapters report through this
 * narrow interface; the Prometheus registry behind it lives with the HTTP listener.
 */
export interface Metrics {
  /** A command was answered: by whom it was asked (platform), which command, how long the core took. */
  commandAnswered(platform: Platform, command: string, seconds: number): void;
  /** A bulk delivery (subscription update) ended: sent, or failed for good or for now. */
  deliveryEnded(platform: Platform, outcome: 'sent' | 'failed'): void;
  /** The platform answered 429 (too many requests). */
  rateLimited(platform: Platform): void;
}

/** Counts nothing: for the terminal and for tests that do not look. */
export const noMetrics: Metrics = {
  commandAnswered: () => undefined,
  deliveryEnded: () => undefined,
  rateLimited: () => undefined,
};

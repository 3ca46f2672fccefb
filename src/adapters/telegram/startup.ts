import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../core/logger.js';
import { safeMessage } from '../../core/redact.js';
import { failureCause } from './timeouts.js';

export interface WaitOptions {
  /** What is being waited for, for the log: `getMe`. */
  call: string;
  apiRoot: string;
  logger: Logger;
  /** The deadline of each attempt, quoted when one times out. */
  callTimeoutMs: number;
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/** Telegram refused the token: retrying cannot help. */
const isUnauthorized = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return code === 401 || code === 404;
};

/**
 * Calls the Bot API until it answers, logging what it waits for and why, with growing pauses:
 * a Bot API that is down or silent at start-up delays the bot, it does not stop it. A
 * rejected token is fatal at once.
 */
export async function untilAnswered<T>(call: () => Promise<T>, options: WaitOptions): Promise<T> {
  const { logger, firstPauseMs = 1000, maxPauseMs = 60_000 } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await call();
      if (attempt > 1) logger.info({ attempts: attempt }, 'the Telegram Bot API answers again');
      return result;
    } catch (error) {
      if (isUnauthorized(error))
        throw new Error(`Telegram rejected TELEGRAM_BOT_TOKEN (unauthorized): ${safeMessage(error)}`, {
          cause: error,
        });
      const pauseMs = Math.min(maxPauseMs, firstPauseMs * 2 ** (attempt - 1));
      logger.warn(
        {
          attempt,
          retryInMs: pauseMs,
          call: options.call,
          apiRoot: options.apiRoot,
          cause: failureCause(error, options.callTimeoutMs),
        },
        `waiting for the Telegram Bot API at TELEGRAM_API_ROOT (${options.apiRoot}): ${options.call} failed; retrying`,
      );
      await sleep(pauseMs);
    }
  }
}

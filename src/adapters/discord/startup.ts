import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, type Client } from 'discord.js';
import type { Logger } from '../../core/logger.js';

export interface LoginOptions {
  apiRoot: string;
  logger: Logger;
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/** Discord refused the token: retrying cannot help. */
const isTokenRejected = (error: unknown): boolean =>
  (error as { code?: unknown }).code === 'TokenInvalid' || (error instanceof DiscordAPIError && error.status === 401);

function causeOf(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError' || name === 'TimeoutError') return `no answer in time (${message})`;
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

/**
 * Logs in, and while Discord cannot be reached (down, refusing connections, never answering)
 * logs what it waits for and why, and tries again with growing pauses. A rejected token is
 * fatal at once.
 */
export async function loginUntilUp(client: Client, token: string, options: LoginOptions): Promise<void> {
  await untilDiscordAnswers(() => client.login(token), 'could not log in', options);
}

/** Runs `call` until Discord answers it, as `loginUntilUp` does (HTTP interactions mode has no login). */
export async function untilDiscordAnswers<T>(call: () => Promise<T>, what: string, options: LoginOptions): Promise<T> {
  const { logger, firstPauseMs = 1000, maxPauseMs = 60_000 } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await call();
      if (attempt > 1) logger.info({ attempts: attempt }, 'Discord answers again');
      return result;
    } catch (error) {
      if (isTokenRejected(error)) throw error;
      const pauseMs = Math.min(maxPauseMs, firstPauseMs * 2 ** (attempt - 1));
      logger.warn(
        { attempt, retryInMs: pauseMs, apiRoot: options.apiRoot, cause: causeOf(error) },
        `waiting for Discord at DISCORD_API_ROOT (${options.apiRoot}): ${what}; retrying`,
      );
      await sleep(pauseMs);
    }
  }
}

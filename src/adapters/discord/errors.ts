import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';

/** Discord error codes meaning the interaction can no longer be answered; retrying cannot help. */
const EXPIRED = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
]);

export const isExpiredInteraction = (error: unknown): boolean =>
  error instanceof DiscordAPIError && EXPIRED.has(error.code);

export const apiErrorCode = (error: unknown): number | undefined =>
  error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;

/** What is safe to log about a failed request: never its URL, which carries interaction tokens. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError)
    return { name: error.name, code: error.code, status: error.status, method: error.method, message: error.message };
  if (error instanceof HTTPError)
    return { name: error.name, status: error.status, method: error.method, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}

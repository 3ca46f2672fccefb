import { RateLimitError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { PublishNote } from '../../core/types.js';
import { apiErrorCode, describeError } from './errors.js';
import { PUBLISHES_PER_HOUR, type PublishBudget } from './publish-budget.js';

/** REST option: a 429 on a publish is an answer, never something to wait out and repeat. */
export const isPublishRoute = (data: { url: string }): boolean => data.url.endsWith('/crosspost');

const LIMIT_NOTE: PublishNote = { problem: 'hourlyLimit', perHour: PUBLISHES_PER_HOUR };

/**
 * Publishes sent messages to the servers following an announcement channel, within the channel's
 * hourly allowance. The messages stay delivered whatever happens here; what went wrong comes back
 * as notes (for the moderator who asked) and is logged once per channel and kind of trouble.
 */
export async function publishMessages(
  rest: REST,
  channelId: string,
  messageIds: readonly string[],
  budget: PublishBudget,
  logger: Logger,
): Promise<PublishNote[]> {
  for (const messageId of messageIds) {
    if (!budget.take(channelId)) {
      if (budget.skipped(channelId))
        logger.warn({ channelId }, `announcement channel publish limit reached; updates stay unpublished this hour`);
      return [LIMIT_NOTE];
    }
    try {
      await rest.post(Routes.channelMessageCrosspost(channelId, messageId));
      budget.succeeded(channelId);
    } catch (error) {
      if (error instanceof RateLimitError) {
        budget.blockFor(channelId, error.retryAfter);
        if (budget.skipped(channelId))
          logger.warn({ channelId, retryAfterMs: error.retryAfter }, 'Discord refused a publish (429); not retrying');
        return [LIMIT_NOTE];
      }
      const problem = problemOf(error);
      if (budget.failed(channelId, problem))
        logger.warn(
          { channelId, err: describeError(error) },
          `could not publish to following servers: ${inWords(problem)}`,
        );
      return [problem];
    }
  }
  return [];
}

function problemOf(error: unknown): PublishNote {
  switch (apiErrorCode(error)) {
    case RESTJSONErrorCodes.MissingPermissions:
      return { problem: 'noPermission' };
    case RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType:
      return { problem: 'notAnnouncement' };
    default:
      return { problem: 'refused', detail: String(describeError(error).message ?? 'unknown error') };
  }
}

/** The problem in English, for the log. */
function inWords(note: PublishNote): string {
  switch (note.problem) {
    case 'noPermission':
      return 'I lack the permission to publish there (Send Messages, or Manage Messages)';
    case 'notAnnouncement':
      return 'it is not an announcement channel';
    case 'hourlyLimit':
      return `Discord allows ${note.perHour} publishes per channel per hour`;
    case 'refused':
      return note.detail;
  }
}

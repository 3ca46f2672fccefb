import type { Logger } from '../../core/logger.js';

/** The store's memory of handled updates: true the first time a key is claimed. */
export type ClaimUpdate = (key: string) => Promise<boolean>;

/**
 * Which updates were already handled, across crashes and restarts. An update is claimed
 * (`<id>`) when its handling starts and marked done (`<id>:done`) when it ends. One that
 * was started but never finished (the process died while its reply waited) is handled once
 * more; one that finished is never handled again, even when Telegram hands it out again
 * because its offset was not confirmed in time.
 */
export class HandledUpdates {
  constructor(
    private readonly claim: ClaimUpdate | undefined,
    private readonly logger: Logger,
  ) {}

  /** Whether to handle this update now. */
  async begin(updateId: number): Promise<boolean> {
    if (!this.claim) return true;
    try {
      if (await this.claim(String(updateId))) return true;
      // Seen before: claiming `done` succeeds only when it never finished, so it gets one more try.
      const unfinished = await this.claim(`${updateId}:done`);
      if (unfinished) this.logger.info({ updateId }, 'telegram update cut short by a restart; handling it again');
      return unfinished;
    } catch (err) {
      // A store that cannot answer must not lose updates: rather handle twice than never.
      this.logger.error({ err, updateId }, 'could not check whether a telegram update was handled');
      return true;
    }
  }

  async finish(updateId: number): Promise<void> {
    if (!this.claim) return;
    try {
      await this.claim(`${updateId}:done`);
    } catch (err) {
      this.logger.error({ err, updateId }, 'could not record a handled telegram update');
    }
  }
}

/** The chat an update belongs to, so that one chat's updates are handled in order. */
export function updateChatKey(update: Record<string, unknown>): string {
  for (const field of ['message', 'edited_message', 'channel_post', 'edited_channel_post']) {
    const chat = (update[field] as { chat?: { id?: number } } | undefined)?.chat;
    if (chat?.id !== undefined) return `chat:${chat.id}`;
  }
  const query = update.callback_query as { message?: { chat?: { id?: number } }; from?: { id?: number } } | undefined;
  if (query?.message?.chat?.id !== undefined) return `chat:${query.message.chat.id}`;
  const from = (query ?? (update.inline_query as { from?: { id?: number } } | undefined))?.from;
  return from?.id !== undefined ? `user:${from.id}` : `update:${String(update.update_id)}`;
}

import NodeCache from 'node-cache';
import type { Telegram } from 'telegraf';
import type { Chat as TgChat, User as TgUser } from 'telegraf/types';
import type { Logger } from '../../core/logger.js';

/** The account Telegram shows for a group admin posting anonymously as the group. */
export const ANONYMOUS_ADMIN_ID = 1087968824;

export interface Speaker {
  chat: Pick<TgChat, 'id' | 'type'>;
  from?: TgUser;
  senderChat?: Pick<TgChat, 'id'>;
}

/**
 * Whether the sender may use moderator commands here: always in a private chat and a
 * channel (only admins post there); in groups creators and administrators, asked of
 * Telegram and remembered for a minute, and anonymous admins speaking as the group.
 */
export class Moderators {
  private readonly cache = new NodeCache({ stdTTL: 60, checkperiod: 120, useClones: false });

  constructor(
    private readonly telegram: Pick<Telegram, 'getChatMember'>,
    private readonly logger: Logger,
  ) {}

  async check({ chat, from, senderChat }: Speaker): Promise<boolean> {
    if (chat.type === 'private' || chat.type === 'channel') return true;
    if (senderChat?.id === chat.id) return true;
    if (!from) return false;
    if (from.id === ANONYMOUS_ADMIN_ID || from.username === 'GroupAnonymousBot') return true;
    const key = `${chat.id}:${from.id}`;
    const known = this.cache.get<boolean>(key);
    if (known !== undefined) return known;
    try {
      const member = await this.telegram.getChatMember(chat.id, from.id);
      const isAdmin = member.status === 'creator' || member.status === 'administrator';
      this.cache.set(key, isAdmin);
      return isAdmin;
    } catch (error) {
      this.logger.warn(
        { chatId: chat.id, err: error instanceof Error ? error.message : String(error) },
        'getChatMember failed',
      );
      return false;
    }
  }

  close(): void {
    this.cache.close();
  }
}

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

/** How long an answer of getChatMember counts: a demoted admin keeps the right at most this long. */
export const REMEMBER_MS = 60_000;

/**
 * Whether the sender may use moderator commands here: always in a private chat and a
 * channel (only admins post there); in groups creators and administrators, asked of
 * Telegram and remembered for a minute, and anonymous admins speaking as the group.
 */
export class Moderators {
  private readonly known = new Map<string, { isAdmin: boolean; until: number }>();
  private nextSweep = 0;

  constructor(
    private readonly telegram: Pick<Telegram, 'getChatMember'>,
    private readonly logger: Logger,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async check({ chat, from, senderChat }: Speaker): Promise<boolean> {
    if (chat.type === 'private' || chat.type === 'channel') return true;
    if (senderChat?.id === chat.id) return true;
    if (!from) return false;
    if (from.id === ANONYMOUS_ADMIN_ID || from.username === 'GroupAnonymousBot') return true;
    const key = `${chat.id}:${from.id}`;
    const known = this.known.get(key);
    if (known && known.until > this.now()) return known.isAdmin;
    try {
      const member = await this.telegram.getChatMember(chat.id, from.id);
      const isAdmin = member.status === 'creator' || member.status === 'administrator';
      this.forgetEnded();
      this.known.set(key, { isAdmin, until: this.now() + REMEMBER_MS });
      return isAdmin;
    } catch (error) {
      this.logger.warn(
        { chatId: chat.id, err: error instanceof Error ? error.message : String(error) },
        'getChatMember failed',
      );
      return false;
    }
  }

  /** Answers held: those of the last minute, and older ones not yet swept. */
  get remembered(): number {
    return this.known.size;
  }

  close(): void {
    this.known.clear();
  }

  /** At most once a minute, answers that have ended go, so the map holds only recent askers. */
  private forgetEnded(): void {
    const now = this.now();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sweeping more often costs time, decides nothing
    if (now < this.nextSweep) return;
    // Stryker disable next-line ArithmeticOperator: sweeping more often costs time, decides nothing
    this.nextSweep = now + REMEMBER_MS;
    for (const [key, answer] of this.known) if (answer.until <= now) this.known.delete(key);
  }
}

import { realClock, type Clock } from './clock.js';
import { tooManyRequests } from './telegram-errors.js';

export interface FloodLimitOptions {
  /** Messages in any second over all chats; undefined for no overall limit. */
  perSecond?: number | undefined;
  /** Sustained messages per second into one chat... */
  perChatPerSecond: number;
  /** ...after a short burst of this many, which Telegram tolerates (a reply in two parts). */
  perChatBurst: number;
  /** Messages in any minute into one group, supergroup or channel. */
  perGroupPerMinute: number;
  /** Real time by default: the bot paces itself in real time. */
  clock?: Clock;
}

/** Telegram's published limits for bots: 30 messages/s overall, 1/s per chat, 20/min per group. */
export const TELEGRAM_FLOOD_LIMITS: FloodLimitOptions = {
  perSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
};

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Telegram's flood control for sent messages: the overall limit over a sliding second, a token
 * bucket per chat, and a sliding minute per group. A message refused here is not sent and is
 * answered 429 with `retry_after`.
 */
export class FloodLimits {
  private readonly clock: Clock;
  private readonly recent: number[] = [];
  private readonly chats = new Map<number, { tokens: number; at: number }>();
  private readonly groups = new Map<number, number[]>();
  /** Messages refused, by which limit. */
  readonly refused = { overall: 0, chat: 0, group: 0 };

  constructor(readonly limits: FloodLimitOptions = TELEGRAM_FLOOD_LIMITS) {
    this.clock = limits.clock ?? realClock;
  }

  /** Counts a message to `chatId` or throws the 429 Telegram would answer. */
  admit(chatId: number, isGroup: boolean): void {
    const now = this.clock.now();
    const { perSecond, perChatPerSecond, perChatBurst, perGroupPerMinute } = this.limits;
    while (this.recent.length > 0 && this.recent[0]! <= now - 1000) this.recent.shift();
    if (perSecond !== undefined && this.recent.length >= perSecond) {
      this.refused.overall += 1;
      throw tooManyRequests(secondsUntil(this.recent[0]! + 1000 - now));
    }
    const bucket = this.chats.get(chatId) ?? { tokens: perChatBurst, at: now };
    bucket.tokens = Math.min(perChatBurst, bucket.tokens + ((now - bucket.at) / 1000) * perChatPerSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.refused.chat += 1;
      throw tooManyRequests(secondsUntil(((1 - bucket.tokens) / perChatPerSecond) * 1000));
    }
    const sends = this.groups.get(chatId) ?? [];
    if (isGroup) {
      while (sends.length > 0 && sends[0]! <= now - 60_000) sends.shift();
      if (sends.length >= perGroupPerMinute) {
        this.refused.group += 1;
        throw tooManyRequests(secondsUntil(sends[0]! + 60_000 - now));
      }
      sends.push(now);
      this.groups.set(chatId, sends);
    }
    bucket.tokens -= 1;
    this.chats.set(chatId, bucket);
    this.recent.push(now);
  }

  /** How many messages were refused, over all limits. */
  get total(): number {
    return this.refused.overall + this.refused.chat + this.refused.group;
  }
}

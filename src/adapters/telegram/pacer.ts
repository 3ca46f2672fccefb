export interface PacingLimits {
  /** Messages per second over all chats. */
  perSecond: number;
  /** Minimum gap between two messages to one chat. */
  perChatIntervalMs: number;
  /** Messages per minute into one group or channel. */
  perGroupPerMinute: number;
}

/** Telegram's published limits for bots. */
export const TELEGRAM_LIMITS: PacingLimits = { perSecond: 30, perChatIntervalMs: 1000, perGroupPerMinute: 20 };

const MINUTE = 60_000;
/** Replies may run the shared budget this far ahead; bulk then waits, replies never do. */
const MAX_DEBT_MS = 1000;
/** A chat's next message leaves this long after the chat's previous one really left, plus its second. */
const CHAT_MARGIN_MS = 60;
/** How often to look again while the messages that fill the window have not been answered. */
const IN_FLIGHT_POLL_MS = 10;

/**
 * One message on its way: Telegram counted it at some moment between `start` and `end` (when
 * its answer came back); until then the moment is unknown.
 */
interface Send {
  start: number;
  end?: number;
}

/**
 * Schedules bulk messages into free slots under Telegram's limits. Replies are only noted:
 * they use up budget (so bulk backs off) but never wait for it.
 */
export class Pacer {
  private nextGlobal = 0;
  private readonly nextChat = new Map<string, number>();
  private readonly groupSends = new Map<string, number[]>();
  /** When the last bulk message to each chat really left. */
  private readonly chatStarts = new Map<string, number>();
  /** Messages (bulk and replies) still on their way or answered within the last second. */
  private recent: Send[] = [];
  /** The bulk message `admit` let go last, for `started` to hand its answer callback to. */
  private admitted: Send | undefined;
  private notes = 0;

  constructor(
    private readonly limits: PacingLimits = TELEGRAM_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Reserves the earliest slot for a bulk message to `chatId`; returns how long to wait (ms). */
  reserve(chatId: string, isGroup: boolean): number {
    const now = this.now();
    const globalAt = Math.max(now, this.nextGlobal);
    let at = Math.max(globalAt, this.nextChat.get(chatId) ?? 0);
    if (isGroup) at = this.groupSlot(chatId, at);
    // A message held back by its own chat (two topics of one forum) takes no one else's turn:
    // the global slot stays free for the next chat, and `admit` keeps the overall limit when it leaves.
    if (at === globalAt) this.nextGlobal = at + 1000 / this.limits.perSecond;
    this.take(chatId, isGroup, at);
    return at - now;
  }

  /** A reply is going out now; call what this returns when its answer comes back. */
  note(chatId: string, isGroup: boolean): () => void {
    const now = this.now();
    this.nextGlobal = Math.min(Math.max(this.nextGlobal, now) + 1000 / this.limits.perSecond, now + MAX_DEBT_MS);
    this.take(chatId, isGroup, now);
    const send = this.recordStart(now);
    if (++this.notes % 1000 === 0) this.prune(now);
    return () => this.answered(send);
  }

  /**
   * Right before a bulk message leaves (after its reserved slot): 0 when it may go now, and it
   * is counted as sent; otherwise how long to wait before asking again. It may go when fewer than
   * the per-second limit could have reached Telegram within the second before it does: a message
   * counts from when it left until a second after its answer came back, however late timers and
   * a loaded machine made it arrive.
   */
  admit(chatId?: string): number {
    const now = this.now();
    this.recent = this.recent.filter((s) => s.end === undefined || s.end > now - 1000);
    // The chat's previous message may have left later than reserved (it waited here too).
    const chatFree = chatId === undefined ? -Infinity : (this.chatStarts.get(chatId) ?? -Infinity);
    let wait = chatFree + this.limits.perChatIntervalMs + CHAT_MARGIN_MS - now;
    const excess = this.recent.length - this.limits.perSecond + 1;
    if (excess > 0) {
      const ends = this.recent.flatMap((s) => (s.end === undefined ? [] : [s.end])).sort((a, b) => a - b);
      wait = Math.max(wait, ends.length >= excess ? ends[excess - 1]! + 1000 - now : IN_FLIGHT_POLL_MS);
    }
    if (wait > 0) return wait;
    this.admitted = this.recordStart(now);
    return 0;
  }

  /**
   * The bulk message just admitted really left now (possibly later than reserved): the chat's gap
   * counts from here. Call what this returns when its answer comes back.
   */
  started(chatId: string): () => void {
    this.chatStarts.set(chatId, this.now());
    const next = this.now() + this.limits.perChatIntervalMs;
    this.nextChat.set(chatId, Math.max(this.nextChat.get(chatId) ?? 0, next));
    const send = this.admitted;
    this.admitted = undefined;
    return () => {
      if (send) this.answered(send);
    };
  }

  /** Telegram answered 429 for this chat: nothing more to it before `ms` from now. */
  pause(chatId: string, ms: number): void {
    this.nextChat.set(chatId, Math.max(this.nextChat.get(chatId) ?? 0, this.now() + ms));
  }

  private recordStart(at: number): Send {
    const send: Send = { start: at };
    this.recent.push(send);
    return send;
  }

  private answered(send: Send): void {
    send.end ??= this.now();
  }

  private take(chatId: string, isGroup: boolean, at: number): void {
    this.nextChat.set(chatId, Math.max(this.nextChat.get(chatId) ?? 0, at + this.limits.perChatIntervalMs));
    if (!isGroup) return;
    const sends = this.groupSends.get(chatId) ?? [];
    let i = sends.length;
    while (i > 0 && sends[i - 1]! > at) i -= 1;
    sends.splice(i, 0, at);
    while (sends.length > 0 && sends[0]! <= this.now() - MINUTE) sends.shift();
    this.groupSends.set(chatId, sends);
  }

  /** The first time at or after `at` with fewer than the allowed sends in the minute before it. */
  private groupSlot(chatId: string, at: number): number {
    const sends = this.groupSends.get(chatId) ?? [];
    const max = this.limits.perGroupPerMinute;
    for (;;) {
      const inWindow = sends.filter((t) => t > at - MINUTE && t <= at);
      if (inWindow.length < max) return at;
      at = inWindow[inWindow.length - max]! + MINUTE;
    }
  }

  private prune(now: number): void {
    for (const [chat, next] of this.nextChat) if (next < now) this.nextChat.delete(chat);
    for (const [chat, at] of this.chatStarts)
      if (at < now - this.limits.perChatIntervalMs) this.chatStarts.delete(chat);
    for (const [chat, sends] of this.groupSends)
      if ((sends[sends.length - 1] ?? 0) <= now - MINUTE) this.groupSends.delete(chat);
  }
}

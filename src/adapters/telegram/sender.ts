import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import type { Logger } from '../../core/logger.js';
import type { DeliveryResult } from '../../core/types.js';
import { Pacer } from './pacer.js';
import type { TelegramMessage } from './render.js';
import { classifySendError, type SendFailure } from './send-errors.js';
import { splitTarget } from './topics.js';

export interface SenderOptions {
  /** Longer 429 waits drop the message instead (seconds). */
  maxRetryAfterSeconds?: number;
  /** Attempts for 5xx and network errors, the first included. */
  attempts?: number;
  /** First backoff after a 5xx or network error; doubles each time. */
  backoffMs?: number;
  /** Give up on one HTTP call after this long. */
  timeoutMs?: number;
  pacer?: Pacer;
  /** Told of every 429, for the metrics. */
  onRateLimited?: () => void;
}

export interface SendOptions {
  /** Quote this message (groups). */
  replyTo?: number;
  /** Paced to Telegram's limits behind replies (subscription updates, posts). */
  bulk?: boolean;
}

type Outcome = { kind: 'ok'; messageId: number } | Exclude<SendFailure, { kind: 'retryAfter' | 'transient' }>;

// telegraf types its signal after the abort-controller polyfill; node-fetch takes Node's own.
const timeoutSignal = (ms: number) =>
  AbortSignal.timeout(ms) as unknown as NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

/** 429s in a row for one message before it is dropped. */
const MAX_RATE_LIMITED = 5;

// Groups and channels have negative ids; channels may also be named by @username.
const isGroupId = (chatId: string): boolean => chatId.startsWith('-') || chatId.startsWith('@');

/**
 * The one way messages leave: replies at once, bulk paced; 429s waited out (up to a cap),
 * 5xx and network errors retried with backoff, closed chats reported as a DeliveryResult.
 */
export class Sender {
  private readonly pacer: Pacer;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly closing = new AbortController();
  private readonly maxRetryAfter: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;
  private readonly onRateLimited: () => void;

  constructor(
    private readonly telegram: Pick<Telegram, 'callApi'>,
    private readonly logger: Logger,
    options: SenderOptions = {},
  ) {
    this.pacer = options.pacer ?? new Pacer();
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.onRateLimited = options.onRateLimited ?? (() => undefined);
    // Every paced message waits on this signal; a broadcast has many waiting at once.
    setMaxListeners(0, this.closing.signal);
  }

  /** Sends the messages of one reply in order; stops at the first that cannot be delivered. */
  send(chatId: string, messages: readonly TelegramMessage[], options: SendOptions = {}): Promise<DeliveryResult> {
    const task = this.sendAll(chatId, messages, options);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return task;
  }

  /** Waits for sends under way, at most `timeoutMs`; later sends and retries give up. */
  async drain(timeoutMs: number): Promise<void> {
    const done = Promise.allSettled([...this.inFlight]);
    await Promise.race([done, sleep(timeoutMs, undefined, { ref: false })]);
    this.closing.abort();
  }

  private async sendAll(
    chatId: string,
    messages: readonly TelegramMessage[],
    options: SendOptions,
  ): Promise<DeliveryResult> {
    const ids: string[] = [];
    let target = chatId;
    for (const [index, message] of messages.entries()) {
      const replyTo = index === 0 ? options.replyTo : undefined;
      let outcome = await this.sendOne(target, message, replyTo, options.bulk === true);
      if (outcome.kind === 'migrated' && !options.bulk) {
        this.logger.info({ chatId: target, newChatId: outcome.newChatId }, 'telegram chat migrated; replying there');
        target = outcome.newChatId;
        outcome = await this.sendOne(target, message, undefined, false);
      }
      if (outcome.kind === 'ok') ids.push(String(outcome.messageId));
      else return this.failure(chatId, outcome);
    }
    return { ok: true, messageIds: ids };
  }

  private failure(chatId: string, outcome: Exclude<Outcome, { kind: 'ok' }>): DeliveryResult {
    if (outcome.kind === 'migrated') return { ok: false, reason: 'migrated', newChatId: outcome.newChatId };
    const level = outcome.kind === 'failed' ? 'error' : 'info';
    this.logger[level]({ chatId, reason: outcome.kind, detail: outcome.detail }, 'telegram message not delivered');
    return 'why' in outcome && outcome.why
      ? { ok: false, reason: outcome.kind, detail: outcome.detail, why: outcome.why }
      : { ok: false, reason: outcome.kind, detail: outcome.detail };
  }

  private async sendOne(
    target: string,
    message: TelegramMessage,
    replyTo: number | undefined,
    bulk: boolean,
  ): Promise<Outcome> {
    // A forum topic shares its group's limits: pacing goes by the group.
    const { chatId: group, threadId } = splitTarget(target);
    const payload = {
      chat_id: group,
      ...(threadId === undefined ? {} : { message_thread_id: threadId }),
      text: message.text,
      parse_mode: 'HTML' as const,
      link_preview_options: message.link_preview_options,
      ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
      ...(replyTo === undefined
        ? {}
        : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
    };
    let errors = 0;
    let limited = 0;
    for (;;) {
      if (this.closing.signal.aborted) return this.gaveUp('shutting down');
      if (bulk) {
        const wait = this.pacer.reserve(group, isGroupId(group));
        if (wait > 0 && !(await this.pause(wait))) return this.gaveUp('shutting down');
        for (let extra = this.pacer.admit(group); extra > 0; extra = this.pacer.admit(group))
          if (!(await this.pause(extra))) return this.gaveUp('shutting down');
      }
      const answered = bulk ? this.pacer.started(group) : this.pacer.note(group, isGroupId(group));
      try {
        const sent = await this.telegram
          .callApi('sendMessage', payload, { signal: timeoutSignal(this.timeoutMs) })
          .finally(answered);
        return { kind: 'ok', messageId: sent.message_id } as const;
      } catch (error) {
        const failure = classifySendError(error);
        if (failure.kind === 'retryAfter') {
          limited += 1;
          this.onRateLimited();
          if (failure.seconds > this.maxRetryAfter || limited > MAX_RATE_LIMITED) {
            this.logger.warn(
              { chatId: target, retryAfter: failure.seconds },
              'telegram asked to wait too long; message dropped',
            );
            return this.gaveUp(`rate limited for ${failure.seconds} s`);
          }
          this.logger.warn({ chatId: target, retryAfter: failure.seconds }, 'telegram rate limit; waiting');
          this.pacer.pause(group, failure.seconds * 1000);
          if (!bulk && !(await this.pause(failure.seconds * 1000))) return this.gaveUp('shutting down');
          continue;
        }
        if (failure.kind === 'transient') {
          errors += 1;
          if (errors >= this.attempts) return this.gaveUp(failure.detail);
          const delay = this.backoffMs * 2 ** (errors - 1) * (0.75 + Math.random() / 2);
          this.logger.warn(
            { chatId: target, attempt: errors, detail: failure.detail },
            'telegram send failed; retrying',
          );
          if (!(await this.pause(delay))) return this.gaveUp('shutting down');
          continue;
        }
        return failure;
      }
    }
  }

  private gaveUp(detail: string): Outcome {
    return { kind: 'failed', detail };
  }

  /** Sleeps unless shutting down; false when interrupted. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.closing.signal });
      return true;
    } catch {
      return false;
    }
  }
}

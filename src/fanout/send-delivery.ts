import { pickVersion } from '../content/versions.js';
import { relatedRefs } from '../content/doc-refs.js';
import type { Library } from '../content/library.js';
import type { Logger } from '../core/logger.js';
import type { DeliveryResult, Platform, Reply } from '../core/types.js';
import type { ChatKey, DataStore, Delivery } from '../store/data-store.js';
import type { AdapterDirectory } from './adapter-directory.js';
import { retryDelay, type BackoffOptions } from './backoff.js';
import { nextStep, type DeliveryAction } from './policy.js';

type RetryOrGiveUp = Extract<DeliveryAction, { kind: 'retry' | 'giveUp' }>;
import { isStoreError } from '../store/watched-store.js';
import { StoreBackoff } from './store-backoff.js';

export interface DeliverySenderOptions {
  store: DataStore;
  library: Library;
  adapters: AdapterDirectory;
  logger: Logger;
  retry: BackoffOptions;
  maxAttempts: number;
  unreachableLimit: number;
  /** Moves a chat's subscriptions and deliveries when the platform says it has a new id. */
  migrateChat: (platform: Platform, fromChatId: string, toChatId: string) => Promise<void>;
  /** Pauses between attempts to record an outcome while the database fails. */
  storeRetry: BackoffOptions;
  /** The attempt marker was written: the database takes writes again. */
  attemptRecorded: () => void;
  /** The fan-out is stopping: stop retrying, the delivery stays pending. */
  stopped: () => boolean;
}

/** Sends one claimed delivery and records what the platform answered. */
export class DeliverySender {
  constructor(private readonly o: DeliverySenderOptions) {}

  async send(delivery: Delivery): Promise<void> {
    const { store, library } = this.o;
    const brief = library.get(delivery.slug);
    if (!brief) return store.finish(delivery.id, 'dropped', 'the brief was removed');
    if (library.versionOf(delivery.slug) !== delivery.version)
      return store.finish(delivery.id, 'superseded', 'a newer version of the brief replaced it');
    const style = await store.deliveryStyle(delivery, brief.topics);
    if (!style) return store.finish(delivery.id, 'dropped', 'the chat no longer follows the topic');
    const deliver = this.o.adapters.deliverer(delivery.platform);
    // The adapter went down: the delivery waits for it, due as it was.
    if (!deliver) return store.retryAt(delivery.id, delivery.nextAttemptAt, 'the platform adapter is down');

    // Each chat reads the version in its language (chosen, else its reader's); the group was announced once.
    const language = await store.deliveryLanguage(delivery).catch(() => undefined);
    const { brief: shown, fallback } = pickVersion(library.versionsOf(brief), language);
    const reply: Reply = {
      kind: 'brief',
      brief: shown,
      // What /brief shows under it: a lookup by slug finds the brief itself.
      related: relatedRefs(library, brief),
      label: delivery.label,
      format: style.format,
      linkPreviews: style.linkPreviews,
      ...(fallback ? { fallback } : {}),
      ...(language ? { lang: language } : {}),
    };
    // The attempt is on record before anything is sent: if this write fails, nothing goes out.
    await store.markAttempt(delivery.id);
    this.o.attemptRecorded();
    const chat: ChatKey = { platform: delivery.platform, chatId: delivery.chatId };
    // In a forum, the update of a brief goes into the post its first delivery opened.
    const forumThread = await store.forumThread(chat, delivery.slug);
    let result: DeliveryResult;
    try {
      result = await deliver(delivery.chatId, reply, {
        bulk: true,
        idempotencyKey: `d${delivery.id}`,
        ...(forumThread === undefined ? {} : { forumThread }),
        ...(style.publish ? { publish: true } : {}),
      });
    } catch (err) {
      result = { ok: false, reason: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
    await this.record(delivery, result);
  }

  /**
   * Records the outcome, trying again with growing pauses while the database fails: the delivery
   * stays in flight meanwhile, so this process never sends it a second time.
   */
  private async record(delivery: Delivery, result: DeliveryResult): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.settle(delivery, result);
      } catch (err) {
        if (!isStoreError(err) || this.o.stopped()) {
          this.o.logger.warn(
            { err, delivery: delivery.id, sent: result.ok },
            'could not record the outcome of a delivery; it stays pending',
          );
          return;
        }
        await StoreBackoff.wait(attempt, this.o.storeRetry);
      }
    }
  }

  /** Records what the platform answered, first thing after the answer. */
  private async settle(delivery: Delivery, result: DeliveryResult): Promise<void> {
    const { store, logger } = this.o;
    const chat: ChatKey = { platform: delivery.platform, chatId: delivery.chatId };
    const attempts = delivery.attempts + 1;
    if (result.ok) {
      await store.markDone(delivery.id, result.messageIds);
      if (result.threadId !== undefined) await store.rememberForumThread(chat, delivery.slug, result.threadId);
      await store.recordReachable(chat);
      return;
    }
    const unreachable = result.reason === 'gone' || result.reason === 'forbidden';
    const streak = unreachable ? await store.recordUnreachable(chat) : 0;
    const action = nextStep(result, attempts, streak, this.o);
    // Stryker disable next-line ConditionalExpression,StringLiteral: only the gone and forbidden answers are logged, and they have a detail
    const log = { ...chat, reason: result.reason, detail: 'detail' in result ? result.detail : '', failures: streak };
    switch (action.kind) {
      case 'drop':
        return store.finish(delivery.id, 'dropped', 'the chat no longer follows the topic');
      case 'deactivate':
        await store.deactivateChat(chat, action.reason);
        logger.warn(log, `subscriptions deactivated: the chat could not be reached ${streak} times in a row`);
        return;
      case 'migrate':
        await this.o.migrateChat(delivery.platform, delivery.chatId, action.toChatId);
        return this.carryOut(delivery, attempts, action.then);
      default:
        if (unreachable) logger.info(log, 'chat could not be reached; trying again later');
        return this.carryOut(delivery, attempts, action);
    }
  }

  private async carryOut(delivery: Delivery, attempts: number, action: RetryOrGiveUp): Promise<void> {
    if (action.kind === 'giveUp') {
      await this.o.store.finish(delivery.id, 'failed', action.error);
      this.o.logger.warn(
        { platform: delivery.platform, chatId: delivery.chatId, slug: delivery.slug, attempts, error: action.error },
        'delivery given up',
      );
      return;
    }
    const wait = action.wait === 'now' ? 0 : retryDelay(attempts, this.o.retry);
    await this.o.store.retryAt(delivery.id, Date.now() + wait, action.error);
  }
}

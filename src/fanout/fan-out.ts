import type { Brief, BriefRef } from '../content/brief.js';
import type { ChangeEvent, Library } from '../content/library.js';
import type { Logger } from '../core/logger.js';
import type { DeliveryResult, Platform, Reply } from '../core/types.js';
import type { ChatKey, DataStore, Delivery } from '../store/data-store.js';
import { isStoreError } from '../store/watched-store.js';
import type { AdapterDirectory } from './adapter-directory.js';
import { Announcer } from './announcer.js';
import { retryDelay, type BackoffOptions } from './backoff.js';
import { StoreBackoff } from './store-backoff.js';
import { changesSince, type Announcement } from './version-diff.js';

export interface FanOutOptions {
  store: DataStore;
  library: Library;
  adapters: AdapterDirectory;
  logger: Logger;
  /** Sends in flight per platform; the adapter's bulk path does the pacing. */
  concurrency?: number;
  /** Waits between attempts of one delivery that failed for a passing reason. */
  retry?: BackoffOptions;
  /** Attempts per delivery before it is given up (logged). */
  maxAttempts?: number;
  /** Consecutive "cannot reach this chat" answers that deactivate its subscriptions. */
  unreachableLimit?: number;
  /** A delivery still pending after this long is dropped rather than sent late. */
  expireAfterMs?: number;
  /** How long stop() waits for sends under way. */
  stopGraceMs?: number;
  /** A changed brief is announced once it has stayed unchanged this long (autosaving editors). */
  quietMs?: number;
  /** Pauses while the database fails: the delivery loop, announcements, outcomes to record. */
  storeRetry?: BackoffOptions;
}

const DEFAULTS = {
  concurrency: 16,
  retry: { baseMs: 5_000, maxMs: 10 * 60_000 },
  maxAttempts: 8,
  unreachableLimit: 3,
  expireAfterMs: 24 * 60 * 60_000,
  stopGraceMs: 5_000,
  quietMs: 30_000,
  storeRetry: { baseMs: 1_000, maxMs: 60_000 },
};
const EXPIRY_SWEEP_MS = 60_000;
/** The announcer's key for "whatever changed while the bot was down". */
const CATCH_UP = '\0catch-up';

/**
 * Pushes every new or updated brief to the chats that follow one of its topics, once per
 * (chat, brief, version). The store is the source of truth: an announcement records the
 * version and the deliveries it owes in one transaction; each delivery is marked pending
 * before it is sent and done right after, so a restart resumes where the last run stopped.
 *
 * The one window left: if the process dies after the platform accepted a message but
 * before the "done" write that follows its answer (with SQLite, a single local write in
 * the same turn of the event loop), that delivery is sent again on restart; start-up
 * counts such sends in a log line. Chat platforms offer no idempotency key that could
 * close it; stop() waits for sends under way so that an orderly shutdown never opens it.
 */
export class FanOut {
  private readonly store: DataStore;
  private readonly library: Library;
  private readonly adapters: AdapterDirectory;
  private readonly logger: Logger;
  private readonly settings: typeof DEFAULTS;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly busy = new Map<Platform, number>();
  private idleWaiters: (() => void)[] = [];
  /** Announcements are written one after another, in the order the changes happened. */
  private announcements: Promise<void> = Promise.resolve();
  private announcing = 0;
  private attached = false;
  private running = false;
  private stopped = false;
  private pumpQueued = false;
  private pumping = false;
  private pumpAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private lastSweep = 0;
  private readonly onChange = (event: ChangeEvent): void => this.handleChange(event);
  private readonly announcer: Announcer;
  private readonly storeBackoff: StoreBackoff;

  constructor(options: FanOutOptions) {
    this.store = options.store;
    this.library = options.library;
    this.adapters = options.adapters;
    this.logger = options.logger;
    this.settings = {
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      retry: options.retry ?? DEFAULTS.retry,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      unreachableLimit: options.unreachableLimit ?? DEFAULTS.unreachableLimit,
      expireAfterMs: options.expireAfterMs ?? DEFAULTS.expireAfterMs,
      stopGraceMs: options.stopGraceMs ?? DEFAULTS.stopGraceMs,
      quietMs: options.quietMs ?? DEFAULTS.quietMs,
      storeRetry: options.storeRetry ?? DEFAULTS.storeRetry,
    };
    this.storeBackoff = new StoreBackoff(this.settings.storeRetry);
    this.announcer = new Announcer({
      quietMs: this.settings.quietMs,
      retry: this.settings.storeRetry,
      announce: (key) => this.serially(() => (key === CATCH_UP ? this.catchUp() : this.announceCurrent(key))),
      onFailure: (key, err) => {
        // The store's own failures are logged by its health watch, once per interval.
        if (!isStoreError(err)) this.logger.error({ err, slug: key }, 'could not record the announcement of a brief');
      },
    });
  }

  /**
   * Announces what changed in the library since the last run, then follows its change
   * events. Call it before anything can reload the content, so no change goes unseen.
   */
  attach(): Promise<void> {
    if (this.attached || this.stopped) return this.announcements;
    this.attached = true;
    void this.announcer.now(CATCH_UP);
    this.library.on('change', this.onChange);
    return this.announcements;
  }

  private async catchUp(): Promise<void> {
    const known = await this.store.knownVersions();
    const changes = changesSince(known, this.library.all(), (slug) => this.library.versionOf(slug));
    for (const change of changes) await this.announce(change);
    if (changes.length > 0) this.logger.info({ briefs: changes.length }, 'briefs changed since the last run');
  }

  /** Starts sending; pending deliveries from an earlier run go first. */
  async start(): Promise<void> {
    if (this.running || this.stopped) return;
    await this.attach();
    this.running = true;
    const platforms = this.adapters.deliveringPlatforms();
    const pending = await this.store.countPending(platforms);
    const unknown = await this.store.countUnknownOutcomes();
    if (pending > 0) this.logger.info({ pending, platforms }, 'resuming pending deliveries');
    if (unknown > 0)
      this.logger.warn(
        { deliveries: unknown },
        'the last run stopped while sending; those deliveries are sent again and may arrive twice',
      );
    this.schedulePump();
  }

  /** Stops taking work and waits (up to the grace period) for sends under way. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    this.library.off('change', this.onChange);
    this.announcer.stop();
    if (this.timer) clearTimeout(this.timer);
    await this.announcements;
    const underWay = [...this.inFlight.values()];
    if (underWay.length > 0) {
      let timeout: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => {
        timeout = setTimeout(() => resolve('late'), this.settings.stopGraceMs);
      });
      const outcome = await Promise.race([Promise.allSettled(underWay), graceOver]);
      clearTimeout(timeout);
      if (outcome === 'late')
        this.logger.warn(
          { deliveries: this.inFlight.size },
          'stopped while sends were under way; they stay pending and are sent again on the next start',
        );
    }
    this.releaseIdleWaiters();
  }

  /** Resolves once nothing is being announced or sent and nothing is owed to a platform that is up. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      void this.checkIdle();
    });
  }

  /** For adapters that learn of a migration on their own (Telegram `migrate_to_chat_id`). */
  async migrateChat(platform: Platform, fromChatId: string, toChatId: string): Promise<void> {
    await this.store.migrateChat(platform, fromChatId, toChatId);
    this.logger.info({ platform, from: fromChatId, to: toChatId }, 'chat migrated; its subscriptions moved');
    this.schedulePump();
  }

  private handleChange(event: ChangeEvent): void {
    if (event.type !== 'removed') this.announcer.changed(event.brief.slug);
  }

  /** Announces the version of a brief served now, if it was not announced yet. */
  private async announceCurrent(slug: string): Promise<void> {
    const brief = this.library.get(slug);
    const version = this.library.versionOf(slug);
    if (!brief || version === undefined) return;
    const known = await this.store.knownVersion(slug);
    if (known === version) return;
    await this.announce({ brief, version, label: known === undefined ? 'New' : 'Updated' });
  }

  /** Runs announcement tasks one after another; each caller learns how its own task went. */
  private serially(task: () => Promise<void>): Promise<void> {
    this.announcing++;
    const run = this.announcements.then(task).finally(() => {
      this.announcing--;
      this.schedulePump();
      void this.checkIdle();
    });
    this.announcements = run.catch(() => undefined);
    return run;
  }

  private async announce({ brief, version, label }: Announcement): Promise<void> {
    const chats = await this.store.subscribedChats(brief.topics);
    const added = await this.store.announce(brief.slug, version, label, chats);
    if (added > 0) this.logger.info({ slug: brief.slug, label, chats: added }, 'brief queued for subscribed chats');
  }

  private schedulePump(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (!this.running) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        await this.pumpOnce();
      } while (this.pumpAgain && this.running);
    } finally {
      this.pumping = false;
    }
    void this.checkIdle();
  }

  private async pumpOnce(): Promise<void> {
    const now = Date.now();
    const paused = this.storeBackoff.pausedUntil();
    if (paused !== undefined) return this.armTimer(paused);
    try {
      await this.sweepExpired(now);
      const platforms = this.adapters.deliveringPlatforms();
      for (const platform of platforms) {
        const busy = this.busy.get(platform) ?? 0;
        const free = this.settings.concurrency - busy;
        if (free <= 0) continue;
        let started = 0;
        for (const delivery of await this.store.duePending(platform, now, busy + free)) {
          if (started >= free || !this.running) break;
          if (this.inFlight.has(delivery.id)) continue;
          this.dispatch(delivery);
          started++;
        }
      }
      this.armTimer(await this.store.nextDueAfter(platforms, now));
    } catch (err) {
      if (!isStoreError(err)) this.logger.error({ err }, 'delivery loop failed; trying again shortly');
      this.armTimer(this.storeBackoff.failed());
    }
  }

  private async sweepExpired(now: number): Promise<void> {
    if (now - this.lastSweep < EXPIRY_SWEEP_MS) return;
    this.lastSweep = now;
    const expired = await this.store.expirePending(now - this.settings.expireAfterMs);
    if (expired > 0) this.logger.warn({ deliveries: expired }, 'dropped deliveries that waited too long to be sent');
  }

  private armTimer(at: number | undefined): void {
    if (at === undefined || at >= this.timerAt || !this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        void this.pump();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }

  private dispatch(delivery: Delivery): void {
    const { platform } = delivery;
    this.busy.set(platform, (this.busy.get(platform) ?? 0) + 1);
    const task = this.send(delivery)
      .catch((err: unknown) => {
        if (isStoreError(err)) this.armTimer(this.storeBackoff.failed());
        else this.logger.error({ err, delivery: delivery.id }, 'delivery failed unexpectedly');
      })
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.busy.set(platform, (this.busy.get(platform) ?? 1) - 1);
        this.schedulePump();
        void this.checkIdle();
      });
    this.inFlight.set(delivery.id, task);
  }

  private async send(delivery: Delivery): Promise<void> {
    const brief = this.library.get(delivery.slug);
    if (!brief) return this.store.finish(delivery.id, 'dropped', 'the brief was removed');
    if (this.library.versionOf(delivery.slug) !== delivery.version)
      return this.store.finish(delivery.id, 'superseded', 'a newer version of the brief replaced it');
    if (!(await this.store.isSubscribed(delivery, brief.topics)))
      return this.store.finish(delivery.id, 'dropped', 'the chat no longer follows the topic');
    const deliver = this.adapters.deliverer(delivery.platform);
    if (!deliver) return; // the adapter went down; the delivery waits for it

    const reply: Reply = { kind: 'brief', brief, related: this.relatedTo(brief), label: delivery.label };
    // The attempt is on record before anything is sent: if this write fails, nothing goes out.
    await this.store.markAttempt(delivery.id);
    this.storeBackoff.succeeded();
    let result: DeliveryResult;
    try {
      result = await deliver(delivery.chatId, reply, { bulk: true });
    } catch (err) {
      result = { ok: false, reason: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
    await this.record(delivery, result);
  }

  /**
   * Records the outcome, trying again with growing pauses while the database fails: the delivery
   * stays in flight meanwhile, so it is never picked up and sent a second time by this process.
   */
  private async record(delivery: Delivery, result: DeliveryResult): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.settle(delivery, result);
      } catch (err) {
        if (!isStoreError(err) || this.stopped) {
          this.logger.warn(
            { err, delivery: delivery.id, sent: result.ok },
            'could not record the outcome of a delivery; it stays pending',
          );
          return;
        }
        await StoreBackoff.wait(attempt, this.settings.storeRetry);
      }
    }
  }

  /** Records what the platform answered, first thing after the answer. */
  private async settle(delivery: Delivery, result: DeliveryResult): Promise<void> {
    const chat: ChatKey = { platform: delivery.platform, chatId: delivery.chatId };
    const attempts = delivery.attempts + 1;
    if (result.ok) {
      await this.store.markDone(delivery.id, result.messageIds);
      await this.store.recordReachable(chat);
      return;
    }
    switch (result.reason) {
      case 'gone':
      case 'forbidden': {
        const streak = await this.store.recordUnreachable(chat);
        const log = { ...chat, reason: result.reason, detail: result.detail, failures: streak };
        if (streak === 0) {
          await this.store.finish(delivery.id, 'dropped', 'the chat no longer follows the topic');
        } else if (streak >= this.settings.unreachableLimit) {
          await this.store.deactivateChat(chat, `${result.reason}: ${result.detail}`);
          this.logger.warn(log, `subscriptions deactivated: the chat could not be reached ${streak} times in a row`);
        } else {
          this.logger.info(log, 'chat could not be reached; trying again later');
          await this.retryOrGiveUp(delivery, attempts, `${result.reason}: ${result.detail}`);
        }
        return;
      }
      case 'migrated':
        await this.migrateChat(delivery.platform, delivery.chatId, result.newChatId);
        await this.retryOrGiveUp(delivery, attempts, `migrated to ${result.newChatId}`, 0);
        return;
      case 'failed':
        await this.retryOrGiveUp(delivery, attempts, result.detail);
        return;
    }
  }

  private async retryOrGiveUp(delivery: Delivery, attempts: number, error: string, delayMs?: number): Promise<void> {
    if (attempts >= this.settings.maxAttempts) {
      await this.store.finish(delivery.id, 'failed', error);
      this.logger.warn(
        { platform: delivery.platform, chatId: delivery.chatId, slug: delivery.slug, attempts, error },
        'delivery given up',
      );
      return;
    }
    const wait = delayMs ?? retryDelay(attempts, this.settings.retry);
    await this.store.retryAt(delivery.id, Date.now() + wait, error);
  }

  private relatedTo(brief: Brief): BriefRef[] {
    const found = this.library.lookup(brief.slug);
    return found.kind === 'found' && found.brief.slug === brief.slug ? found.related : [];
  }

  private async checkIdle(): Promise<void> {
    if (this.idleWaiters.length === 0) return;
    const busy = () =>
      this.inFlight.size > 0 || this.announcing > 0 || this.announcer.pending > 0 || this.pumpQueued || this.pumping;
    if (this.running) {
      if (busy()) return;
      const owed = await this.store.countPending(this.adapters.deliveringPlatforms()).catch(() => 0);
      if (owed > 0 || busy()) return;
    }
    this.releaseIdleWaiters();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

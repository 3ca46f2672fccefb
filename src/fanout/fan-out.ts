import type { ChangeEvent, Library } from '../content/library.js';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/types.js';
import type { DataStore, Delivery } from '../store/data-store.js';
import type { AdapterDirectory } from './adapter-directory.js';
import { DEFAULTS, type FanOutOptions } from './fan-out-options.js';
import { DeliverySender } from './send-delivery.js';
export type { FanOutOptions } from './fan-out-options.js';
import { changesSince, type Announcement } from './version-diff.js';

const EXPIRY_SWEEP_MS = 60_000;
const PUMP_ERROR_RETRY_MS = 5_000;

/**
 * Pushes every new or updated brief to the chats that follow one of its topics, once per
 * (chat, brief, version). The store is the source of truth: an announcement records the
 * version and the deliveries it owes in one transaction; each delivery is claimed
 * atomically, marked as under way before it is sent and done right after, so a restart (or
 * a new leader) resumes where the last run stopped and never re-sends what it finished.
 *
 * The one window left: if the process dies after the platform accepted a message but
 * before the "done" write that follows its answer, that delivery is sent again on restart;
 * start-up counts such sends in a log line. Discord folds such a repeat through the nonce
 * derived from the delivery id; Telegram offers no idempotency key that could close it.
 * stop() waits for sends under way so that an orderly shutdown never opens it.
 */
export class FanOut {
  private readonly store: DataStore;
  private readonly library: Library;
  private readonly adapters: AdapterDirectory;
  private readonly logger: Logger;
  private readonly settings: typeof DEFAULTS;
  private readonly sender: DeliverySender;
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
      claimLeaseMs: options.claimLeaseMs ?? DEFAULTS.claimLeaseMs,
    };
    this.sender = new DeliverySender({
      ...this.settings,
      store: this.store,
      library: this.library,
      adapters: this.adapters,
      logger: this.logger,
      migrateChat: (platform, from, to) => this.migrateChat(platform, from, to),
    });
  }

  /**
   * Announces what changed in the library since the last run, then follows its change
   * events. Call it before anything can reload the content, so no change goes unseen.
   */
  attach(): Promise<void> {
    if (this.attached || this.stopped) return this.announcements;
    this.attached = true;
    this.queueAnnouncement(async () => {
      const known = await this.store.knownVersions();
      const changes = changesSince(known, this.library.all(), (slug) => this.library.versionOf(slug));
      for (const change of changes) await this.announce(change);
      if (changes.length > 0) this.logger.info({ briefs: changes.length }, 'briefs changed since the last run');
    });
    this.library.on('change', this.onChange);
    return this.announcements;
  }

  /**
   * Starts sending; pending deliveries from an earlier run go first. Whoever claimed them before
   * (this process before a restart, or a leader that died) no longer sends, so their claims go.
   */
  async start(): Promise<void> {
    if (this.running || this.stopped) return;
    await this.attach();
    this.running = true;
    const platforms = this.adapters.deliveringPlatforms();
    await this.store.releaseClaims();
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
    if (event.type === 'removed') return;
    const { brief } = event;
    const version = this.library.versionOf(brief.slug);
    if (version === undefined) return;
    this.queueAnnouncement(async () => {
      const known = await this.store.knownVersion(brief.slug);
      if (known === version) return;
      await this.announce({ brief, version, label: known === undefined ? 'New' : 'Updated' });
    });
  }

  private queueAnnouncement(task: () => Promise<void>): void {
    this.announcing++;
    this.announcements = this.announcements
      .then(task)
      .catch((err: unknown) => this.logger.error({ err }, 'could not record the announcement of a brief'))
      .finally(() => {
        this.announcing--;
        this.schedulePump();
        void this.checkIdle();
      });
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
    try {
      await this.sweepExpired(now);
      const platforms = this.adapters.deliveringPlatforms();
      for (const platform of platforms) {
        const busy = this.busy.get(platform) ?? 0;
        const free = this.settings.concurrency - busy;
        if (free <= 0) continue;
        // Claimed, not read: no other sender can take these until their outcome is recorded.
        for (const delivery of await this.store.claimDue(platform, now, free, this.settings.claimLeaseMs)) {
          if (this.inFlight.has(delivery.id)) continue; // a send that outlived its lease
          this.dispatch(delivery);
        }
      }
      this.armTimer(await this.store.nextDueAfter(platforms, now));
    } catch (err) {
      this.logger.error({ err }, 'delivery loop failed; trying again shortly');
      this.armTimer(now + PUMP_ERROR_RETRY_MS);
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
    const task = this.sender
      .send(delivery)
      .catch((err: unknown) => this.logger.error({ err, delivery: delivery.id }, 'delivery failed unexpectedly'))
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.busy.set(platform, (this.busy.get(platform) ?? 1) - 1);
        this.schedulePump();
        void this.checkIdle();
      });
    this.inFlight.set(delivery.id, task);
  }

  private async checkIdle(): Promise<void> {
    if (this.idleWaiters.length === 0) return;
    const busy = () => this.inFlight.size > 0 || this.announcing > 0 || this.pumpQueued || this.pumping;
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

import type { ChangeEvent, Library } from '../content/library.js';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/types.js';
import type { DataStore, Delivery } from '../store/data-store.js';
import { isStoreError } from '../store/watched-store.js';
import type { AdapterDirectory } from './adapter-directory.js';
import { Announcer } from './announcer.js';
import { DEFAULTS, type FanOutOptions } from './fan-out-options.js';
import { StoreBackoff } from './store-backoff.js';
import { DeliverySender } from './send-delivery.js';
export type { FanOutOptions } from './fan-out-options.js';
import { announceCurrent, catchUp } from './announcements.js';

const EXPIRY_SWEEP_MS = 60_000;
/** The announcer's key for "whatever changed while the bot was down". */
const CATCH_UP = '\0catch-up';

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
  private attached = false;
  private running = false;
  private stopped = false;
  private pumpQueued = false;
  private pumping = false;
  // Stryker disable next-line BooleanLiteral: pump() sets it to false before it first reads it
  private pumpAgain = false;
  private timer: NodeJS.Timeout | undefined;
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
      claimLeaseMs: options.claimLeaseMs ?? DEFAULTS.claimLeaseMs,
      quietMs: options.quietMs ?? DEFAULTS.quietMs,
      storeRetry: options.storeRetry ?? DEFAULTS.storeRetry,
    };
    this.storeBackoff = new StoreBackoff(this.settings.storeRetry);
    const parts = { store: this.store, library: this.library, logger: this.logger };
    this.announcer = new Announcer({
      quietMs: this.settings.quietMs,
      retry: this.settings.storeRetry,
      announce: (key) => this.serially(() => (key === CATCH_UP ? catchUp(parts) : announceCurrent(parts, key))),
      onFailure: (key, err) => {
        // The store's own failures are logged by its health watch, once per interval.
        if (!isStoreError(err)) this.logger.error({ err, slug: key }, 'could not record the announcement of a brief');
      },
    });
    this.sender = new DeliverySender({
      ...this.settings,
      attemptRecorded: () => this.storeBackoff.succeeded(),
      stopped: () => this.stopped,
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
    void this.announcer.now(CATCH_UP);
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
    this.announcer.stop();
    clearTimeout(this.timer);
    await this.announcements;
    let timeout: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'late'>((resolve) => {
      timeout = setTimeout(() => resolve('late'), this.settings.stopGraceMs);
    });
    // With nothing under way, allSettled([]) settles first.
    const outcome = await Promise.race([Promise.allSettled(this.inFlight.values()), graceOver]);
    clearTimeout(timeout);
    if (outcome === 'late')
      this.logger.warn(
        { deliveries: this.inFlight.size },
        'stopped while sends were under way; they stay pending and are sent again on the next start',
      );
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

  /** Runs announcement tasks one after another; each caller learns how its own task went. */
  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.announcements.then(task).finally(() => {
      this.schedulePump();
      void this.checkIdle();
    });
    this.announcements = run.catch(() => undefined);
    return run;
  }

  /** A pass of the loop soon (if running); pump() folds it into the pass under way, if there is one. */
  private schedulePump(): void {
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
    if (paused !== undefined) return this.wakeAt(paused);
    try {
      await this.sweepExpired(now);
      const platforms = this.adapters.deliveringPlatforms();
      for (const platform of platforms) {
        const busy = this.busy.get(platform) ?? 0;
        const free = this.settings.concurrency - busy;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: a claim of 0 claims nothing; this saves the query
        if (free <= 0) continue;
        // Claimed, not read: no other sender can take these until their outcome is recorded.
        for (const delivery of await this.store.claimDue(platform, now, free, this.settings.claimLeaseMs)) {
          if (this.inFlight.has(delivery.id)) continue; // a send that outlived its lease
          this.dispatch(delivery);
        }
      }
      this.wakeAt(await this.store.nextDueAfter(platforms, now));
    } catch (err) {
      if (!isStoreError(err)) this.logger.error({ err }, 'delivery loop failed; trying again shortly');
      this.wakeAt(this.storeBackoff.failed());
    }
  }

  private async sweepExpired(now: number): Promise<void> {
    if (now - this.lastSweep < EXPIRY_SWEEP_MS) return;
    this.lastSweep = now;
    const expired = await this.store.expirePending(now - this.settings.expireAfterMs);
    if (expired > 0) this.logger.warn({ deliveries: expired }, 'dropped deliveries that waited too long to be sent');
  }

  /**
   * The loop's one wake-up, replacing the last: a pass asks the database when the next delivery
   * falls due, which is never later than a wake-up it replaces that still had work to find.
   */
  private wakeAt(at: number | undefined): void {
    clearTimeout(this.timer);
    if (at === undefined) return;
    this.timer = setTimeout(() => void this.pump(), Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  private dispatch(delivery: Delivery): void {
    const { platform } = delivery;
    this.busy.set(platform, (this.busy.get(platform) ?? 0) + 1);
    const task = this.sender
      .send(delivery)
      .catch((err: unknown) => {
        if (isStoreError(err)) this.wakeAt(this.storeBackoff.failed());
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

  private async checkIdle(): Promise<void> {
    // Stryker disable next-line ConditionalExpression: releasing no waiters does nothing; this saves the count query
    if (this.idleWaiters.length === 0) return;
    const busy = () => this.inFlight.size > 0 || this.announcer.pending > 0 || this.pumpQueued || this.pumping;
    if (this.running) {
      // Stryker disable next-line ArrowFunction: undefined > 0 is false, as 0 > 0 is
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

import type { EventEmitter } from 'node:events';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/types.js';
import type { FanOut } from '../fanout/fan-out.js';
import type { DataStore } from '../store/data-store.js';
import type { Leadership } from './leadership.js';

/** What the app and the commands need from the fan-out, whoever runs it. */
export interface FanOutControl {
  /** Resolves once this instance has nothing to announce or send. */
  idle(): Promise<void>;
  migrateChat(platform: Platform, fromChatId: string, toChatId: string): Promise<void>;
  stop(): Promise<void>;
}

const RETRY_START_MS = 2_000;

/**
 * Runs a fan-out only while this instance leads: a fresh one each time it becomes leader
 * (announcing what changed since the versions recorded in the database, then resuming the
 * pending deliveries), stopped as soon as it follows again.
 */
export class LeaderFanOut implements FanOutControl {
  private current: FanOut | undefined;
  private transitions: Promise<void> = Promise.resolve();
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly onChange = (leader: boolean): void => this.follow(leader);

  constructor(
    private readonly leadership: Leadership & EventEmitter,
    private readonly make: () => FanOut,
    private readonly store: DataStore,
    private readonly logger: Logger,
  ) {
    leadership.on('change', this.onChange);
    if (leadership.isLeader()) this.follow(true);
  }

  /** The fan-out of the current term, if this instance leads. */
  get running(): FanOut | undefined {
    return this.current;
  }

  idle(): Promise<void> {
    return this.transitions.then(() => this.current?.idle());
  }

  async migrateChat(platform: Platform, fromChatId: string, toChatId: string): Promise<void> {
    if (this.current) return this.current.migrateChat(platform, fromChatId, toChatId);
    await this.store.migrateChat(platform, fromChatId, toChatId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.leadership.off('change', this.onChange);
    if (this.retry) clearTimeout(this.retry);
    await this.transitions;
    await this.end();
  }

  private follow(leader: boolean): void {
    this.transitions = this.transitions.then(() => (leader ? this.begin() : this.end()));
  }

  private async begin(): Promise<void> {
    if (this.current || this.stopped || !this.leadership.isLeader()) return;
    const fanout = (this.current = this.make());
    try {
      await fanout.attach();
      await fanout.start();
      this.logger.info({ instance: this.leadership.instanceId }, 'this instance sends the updates');
    } catch (err) {
      this.logger.warn({ err }, 'could not start sending as the leader; trying again shortly');
      await this.end();
      this.retry = setTimeout(() => this.follow(true), RETRY_START_MS);
      this.retry.unref();
    }
  }

  private async end(): Promise<void> {
    const fanout = this.current;
    this.current = undefined;
    await fanout?.stop();
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../core/logger.js';
import { ChatSerial } from './chat-serial.js';
import type { HandledUpdates } from './handled-updates.js';
import { updateChatKey } from './handled-updates.js';
import { classifySendError } from './send-errors.js';

export interface PollerOptions {
  allowedUpdates: readonly string[];
  /** Long-poll timeout in seconds. */
  timeoutSeconds?: number;
  /** Longest wait between failed getUpdates calls. */
  maxBackoffMs?: number;
  /** While only updates under way come back, ask again after this long. */
  stallPollMs?: number;
  /** How long the last getUpdates, which confirms the offset at stop, may take. */
  confirmTimeoutMs?: number;
}

type Signal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;
const asSignal = (signal: AbortSignal) => signal as unknown as Signal;
const BATCH = 100;

/**
 * Long polling that neither drops nor repeats updates and never lets one chat hold the others.
 * Updates are handled as they arrive, concurrently across chats and in order within a chat.
 * The offset confirms only updates whose handling ended (it stops at the oldest one under
 * way), so an update cut short by a crash comes back; `HandledUpdates` keeps one that did
 * finish from running twice.
 */
export class Poller {
  /** The next getUpdates offset: the oldest update not finished, or the one after the newest. */
  private offset = 0;
  private newest = -1;
  private readonly underWay = new Map<number, Promise<void>>();
  private readonly abort = new AbortController();
  private readonly serial = new ChatSerial();
  private running: Promise<void> | undefined;
  /** After the grace period at stop: updates ending now may have been cut short, so none counts as done. */
  private frozen = false;
  private progress: (() => void) | undefined;

  constructor(
    private readonly telegram: Pick<Telegram, 'callApi'>,
    private readonly handle: (update: Update) => Promise<void>,
    private readonly handled: HandledUpdates,
    private readonly logger: Logger,
    private readonly options: PollerOptions,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /**
   * Stops asking for updates and waits up to `graceMs` for those under way. Whatever is still
   * running then stays unconfirmed (the next start handles it); call `confirm` after the
   * replies were given their last chance.
   */
  async settle(graceMs: number): Promise<void> {
    this.abort.abort();
    await this.running;
    const all = Promise.allSettled([...this.underWay.values()]).then(() => undefined);
    await Promise.race([all, sleep(graceMs, undefined, { ref: false })]);
    this.frozen = true;
  }

  /** Confirms what was handled with one short getUpdates. */
  async confirm(): Promise<void> {
    const params = { offset: this.offset, limit: 1, timeout: 0 };
    try {
      const signal = AbortSignal.timeout(this.options.confirmTimeoutMs ?? 3000);
      await this.telegram.callApi('getUpdates', params, { signal: asSignal(signal) });
    } catch (error) {
      this.logger.warn({ detail: classifySendError(error) }, 'could not confirm the last telegram updates');
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.fetch();
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        failures += 1;
        const failure = classifySendError(error);
        const backoff = Math.min(this.options.maxBackoffMs ?? 30_000, 500 * 2 ** (failures - 1));
        const wait = failure.kind === 'retryAfter' ? Math.max(backoff, failure.seconds * 1000) : backoff;
        this.logger.warn(
          { failures, waitMs: Math.round(wait), detail: failure },
          'telegram getUpdates failed; retrying',
        );
        await sleep(wait, undefined, { signal: this.abort.signal }).catch(() => undefined);
        continue;
      }
      const fresh = updates.filter((update) => update.update_id > this.newest);
      for (const update of fresh) this.dispatch(update);
      // Only updates under way came back (the offset waits for the oldest): ask again when it ends.
      if (fresh.length === 0 && this.underWay.size > 0) await this.nextProgress();
    }
  }

  private async fetch(): Promise<Update[]> {
    // Updates under way come back at once; the long poll only waits when none is.
    const timeout = this.underWay.size > 0 ? 0 : (this.options.timeoutSeconds ?? 50);
    // A silent connection must not hang polling: give up a while after the long poll's end.
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout((timeout + 15) * 1000)]);
    const params = {
      offset: this.offset,
      limit: BATCH,
      timeout,
      allowed_updates: this.options.allowedUpdates as never,
    };
    return this.telegram.callApi('getUpdates', params, { signal: asSignal(signal) });
  }

  private dispatch(update: Update): void {
    const id = update.update_id;
    this.newest = id;
    if (this.underWay.size === 0) this.offset = id;
    const work = this.serial
      .run(updateChatKey(update as unknown as Record<string, unknown>), () => this.process(update))
      .catch((error: unknown) => {
        this.logger.error({ err: error, updateId: id }, 'telegram update handler failed');
      })
      .finally(() => this.finished(id));
    this.underWay.set(id, work);
  }

  private async process(update: Update): Promise<void> {
    if (!(await this.handled.begin(update.update_id))) return;
    await this.handle(update);
    if (!this.frozen) await this.handled.finish(update.update_id);
  }

  private finished(id: number): void {
    if (this.frozen) return;
    this.underWay.delete(id);
    // Ids under way were added in ascending order: the first left is the oldest.
    const oldest = this.underWay.keys().next();
    const offset = oldest.done ? this.newest + 1 : oldest.value;
    // Asking again only helps once the offset moved: before, the same updates would come back.
    if (offset === this.offset) return;
    this.offset = offset;
    this.progress?.();
  }

  private nextProgress(): Promise<void> {
    const stall = this.options.stallPollMs ?? 1000;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', done);
        this.progress = undefined;
        resolve();
      };
      const timer = setTimeout(done, stall);
      this.abort.signal.addEventListener('abort', done, { once: true });
      this.progress = done;
    });
  }
}

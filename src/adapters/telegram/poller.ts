import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../core/logger.js';
import { BatchSize } from './batch-size.js';
import { classifySendError } from './send-errors.js';

export interface PollerOptions {
  allowedUpdates: readonly string[];
  /** Long-poll timeout in seconds. */
  timeoutSeconds?: number;
  /** Smallest and largest batch to ask for (1-100); the size adapts in between. */
  batch?: { min: number; max: number };
  /** Longest wait between failed getUpdates calls. */
  maxBackoffMs?: number;
}

type Signal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

/**
 * Long polling that drops nothing: a batch is confirmed (by the next call's offset) only
 * after every update in it was handled. Failures back off exponentially; nothing stops it
 * but `stop()`, which confirms the last handled batch before returning.
 */
export class Poller {
  private offset = 0;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private abandoned = false;
  private readonly batch: BatchSize;

  constructor(
    private readonly telegram: Pick<Telegram, 'callApi'>,
    private readonly handle: (update: Update) => Promise<void>,
    private readonly logger: Logger,
    private readonly options: PollerOptions,
  ) {
    this.batch = new BatchSize(options.batch?.min, options.batch?.max);
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** The batch under way will not be confirmed, so Telegram hands it out again next time. */
  abandonBatch(): void {
    this.abandoned = true;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    try {
      await this.telegram.callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 });
    } catch (error) {
      this.logger.warn({ detail: classifySendError(error) }, 'could not confirm the last telegram updates');
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    const timeout = this.options.timeoutSeconds ?? 50;
    while (!this.abort.signal.aborted) {
      let updates: Update[];
      // A silent connection must not hang polling: give up a while after the long poll's end.
      const call = new AbortController();
      const stop = () => call.abort();
      const timer = setTimeout(stop, (timeout + 15) * 1000);
      this.abort.signal.addEventListener('abort', stop, { once: true });
      try {
        updates = await this.telegram.callApi(
          'getUpdates',
          {
            offset: this.offset,
            limit: this.batch.current,
            timeout,
            allowed_updates: this.options.allowedUpdates as never,
          },
          { signal: call.signal as unknown as Signal },
        );
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
      } finally {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', stop);
      }
      const loop = performance.eventLoopUtilization();
      await Promise.all(
        updates.map((update) =>
          this.handle(update).catch((error: unknown) => {
            this.logger.error({ err: error, updateId: update.update_id }, 'telegram update handler failed');
          }),
        ),
      );
      this.batch.record(updates.length, performance.eventLoopUtilization(loop).utilization);
      const last = updates[updates.length - 1];
      if (last && !this.abandoned) this.offset = last.update_id + 1;
    }
  }
}

import BetterSqlite3 from 'better-sqlite3';
import { memoryLogger } from '../../helpers/memory-logger.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Library } from '../../../src/content/library.js';
import { AdapterDirectory } from '../../../src/fanout/adapter-directory.js';
import { FanOut, type FanOutOptions } from '../../../src/fanout/fan-out.js';
import type { DataStore } from '../../../src/store/data-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { StoreHealth } from '../../../src/store/store-health.js';
import { watchStore } from '../../../src/store/watched-store.js';
import { MemoryAdapter } from './memory-adapter.js';

/**
 * A real SQLite store whose chosen calls throw what better-sqlite3 throws on a full disk,
 * recording when each failure happened.
 */
export class FailingStore {
  /** Each failure, `at` in real time (performance.now), `time` by the clock (Date.now, fake or not). */
  readonly failures: { operation: string; at: number; time: number }[] = [];
  private readonly failing = new Set<string>();
  /** Operations that throw a plain error (a bug, not the database), once each. */
  private readonly broken = new Map<string, Error>();
  private readonly held = new Map<string, { open: Promise<void>; applies: (args: unknown[]) => boolean }>();
  /** Calls that reached the database and answered, in order, with their answers: a cursor for tests. */
  readonly answered: { operation: string; result: unknown }[] = [];
  /** Calls waiting at a hold, by operation. */
  readonly waiting = new Map<string, number>();
  readonly store: DataStore;

  constructor(readonly real: DataStore) {
    this.store = new Proxy(real, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const operation = String(property);
        return async (...args: unknown[]) => {
          const hold = this.held.get(operation);
          if (hold?.applies(args)) {
            this.waiting.set(operation, (this.waiting.get(operation) ?? 0) + 1);
            await hold.open;
            this.waiting.set(operation, this.waiting.get(operation)! - 1);
          }
          const bug = this.broken.get(operation);
          if (bug) {
            this.broken.delete(operation);
            this.failures.push({ operation, at: performance.now(), time: Date.now() });
            throw bug;
          }
          if (this.failing.has(operation)) {
            this.failures.push({ operation, at: performance.now(), time: Date.now() });
            throw new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL');
          }
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          this.answered.push({ operation, result });
          return result;
        };
      },
    });
  }

  fail(...operations: string[]): void {
    for (const operation of operations) this.failing.add(operation);
  }

  /** The next call of `operation` throws `error`, as a bug in the code under it would. */
  breakOnce(operation: string, error: Error): void {
    this.broken.set(operation, error);
  }

  /** Calls of `operation` (those whose arguments `applies` to) wait before the database until `release()`. */
  hold(operation: string, applies: (args: unknown[]) => boolean = () => true): { release: () => void } {
    let release!: () => void;
    this.held.set(operation, { open: new Promise<void>((resolve) => (release = resolve)), applies });
    return {
      release: () => {
        this.held.delete(operation);
        release();
      },
    };
  }

  heal(): void {
    this.failing.clear();
  }

  failed(operation: string): { operation: string; at: number; time: number }[] {
    return this.failures.filter((f) => f.operation === operation);
  }
}

export { memoryLogger };

export interface FailingRig {
  fanout: FanOut;
  adapter: MemoryAdapter;
  failing: FailingStore;
  lines: { level: number; msg: string }[];
  close(): Promise<void>;
}

/** A fan-out over a real SQLite file behind a FailingStore, watched as the app watches its store. */
export async function failingRig(library: Library, options: Partial<FanOutOptions> = {}): Promise<FailingRig> {
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-failing-'));
  const failing = new FailingStore(openSqliteStore(join(dir, 'briefbot.db')));
  const { logger, lines } = memoryLogger();
  const store = watchStore(failing.store, new StoreHealth(logger));
  const adapter = new MemoryAdapter('telegram');
  const adapters = new AdapterDirectory();
  adapters.register(adapter);
  adapters.markUp('telegram');
  const fanout = new FanOut({
    quietMs: 0,
    retry: { baseMs: 20, maxMs: 200 },
    storeRetry: { baseMs: 20, maxMs: 200 },
    stopGraceMs: 2_000,
    // A claim whose attempt could not be recorded comes due again soon, so the pauses are the loop's own.
    claimLeaseMs: 50,
    ...options,
    store,
    library,
    adapters,
    logger,
  });
  return {
    fanout,
    adapter,
    failing,
    lines,
    close: async () => {
      await fanout.stop();
      await failing.real.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

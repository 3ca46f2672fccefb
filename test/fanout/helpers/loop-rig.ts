import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { Library } from '../../../src/content/library.js';
import { AdapterDirectory } from '../../../src/fanout/adapter-directory.js';
import { FanOut, type FanOutOptions } from '../../../src/fanout/fan-out.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { StoreHealth } from '../../../src/store/store-health.js';
import { watchStore } from '../../../src/store/watched-store.js';
import { makeBrief } from '../../helpers/briefs.js';
import { memoryLogger, type LogLine } from '../../helpers/memory-logger.js';
import { FailingStore } from './failing-store.js';
import { MemoryAdapter } from './memory-adapter.js';

/*
 * The delivery loop's timing, on an injected clock: vitest's fake setTimeout and Date drive every
 * wake-up of the loop (retries, claims running out, the expiry sweep, the stop grace), while the
 * loop's own immediate passes and the database run for real. What the loop did is read from
 * cursors: the calls the adapter received and the database answers the store gave.
 */

export const aral = makeBrief({ slug: 'aral', topics: ['water'] });
export const failed = { ok: false, reason: 'failed', detail: '502 Bad Gateway' } as const;

export interface Rig {
  fanout: FanOut;
  library: Library;
  telegram: MemoryAdapter;
  failing: FailingStore;
  adapters: AdapterDirectory;
  lines: LogLine[];
  dbPath: string;
  close(): Promise<void>;
}

let rig: Rig | undefined;

/**
 * A fan-out over a real SQLite file, one telegram adapter, and `chats` following `water`. The store
 * is watched as the app watches it (its failures are StoreErrors) unless `watched` is false: then
 * what FailingStore throws reaches the fan-out as any other error (a bug) would.
 */
export async function makeRig(
  chats: string[],
  options: Partial<FanOutOptions> = {},
  { watched = true } = {},
): Promise<Rig> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-loop-'));
  const dbPath = join(dir, 'briefbot.db');
  const failing = new FailingStore(openSqliteStore(dbPath));
  for (const chatId of chats) await failing.real.subscribe({ platform: 'telegram', chatId }, 'water', 'u1');
  const { logger, lines } = memoryLogger();
  const telegram = new MemoryAdapter('telegram');
  const adapters = new AdapterDirectory();
  adapters.register(telegram);
  adapters.markUp('telegram');
  const library = new Library([aral]);
  const store = watched ? watchStore(failing.store, new StoreHealth(logger)) : failing.store;
  const fanout = new FanOut({
    quietMs: 0,
    retry: { baseMs: 1_000, maxMs: 1_000 },
    stopGraceMs: 2_000,
    ...options,
    store,
    library,
    adapters,
    logger,
  });
  rig = {
    fanout,
    library,
    telegram,
    failing,
    adapters,
    lines,
    dbPath,
    close: async () => {
      vi.useRealTimers();
      await fanout.stop();
      await failing.real.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** Closes the rig the last test made, if any, and gives the real clock back: call it in afterEach. */
export async function closeRig(): Promise<void> {
  await rig?.close();
  rig = undefined;
  vi.useRealTimers();
}

/** Waits (in real time, which the fake clock leaves alone) until `check` passes; fails after `ms`. */
export async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * One turn of the event loop: the loop queues its passes with setImmediate, so after a turn a pass
 * asked for before it has begun (or found one under way).
 */
export const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Passes of the delivery loop that got to the end (each ends by asking when the next delivery is due). */
export const passes = (r: Rig) => r.failing.answered.filter((a) => a.operation === 'nextDueAfter').length;

/** Runs `step`, then waits for the loop to finish a pass it started. */
export async function pass(r: Rig, step: () => unknown): Promise<void> {
  const before = passes(r);
  await step();
  await until(() => passes(r) > before, 'a pass of the delivery loop');
}

/** The delivery loop's next wake-up, as an offset from now: the clock moves to it and the loop runs. */
export async function wake(r: Rig): Promise<number> {
  const from = Date.now();
  await pass(r, () => vi.advanceTimersToNextTimer());
  return Date.now() - from;
}

/** Waits for idle() without moving the clock. */
export async function idle(r: Rig): Promise<void> {
  let done = false;
  void r.fanout.idle().then(() => (done = true));
  await until(() => done, 'the fan-out to be idle');
}

export interface DeliveryRow {
  id: number;
  nextAttemptAt: number;
  attempts: number;
  lastError: string | null;
  status: string;
}

/** The last delivery to a chat, as the database holds it. */
export function delivery(r: Rig, chatId: string): DeliveryRow {
  const db = new BetterSqlite3(r.dbPath, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT id, next_attempt_at AS nextAttemptAt, attempts, last_error AS lastError, status
           FROM deliveries WHERE chat_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(chatId) as DeliveryRow | undefined;
    if (!row) throw new Error(`no delivery to ${chatId}`);
    return row;
  } finally {
    db.close();
  }
}

export const messages = (r: Rig, prefix: string) => r.lines.filter((l) => l.msg.startsWith(prefix));

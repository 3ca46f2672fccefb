import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FakeTelegramApi, privateChat, user, type ApiCall, type Update } from '../test/fakes/telegram-api.js';
import { startTelegramBot } from '../test/e2e/telegram-harness.js';

export interface BenchTelegramOptions {
  /** /brief commands to send (default 5,000). */
  commands?: number;
  /** Private chats they are spread over, round robin (default 500). */
  chats?: number;
  /** Commands answered first and not measured, so that cold code does not count (default 500). */
  warmup?: number;
}

export interface BenchTelegramResult {
  repliesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time per reply in the bot's process and in the fake's: what the numbers cost on a busy machine. */
  botCpuMsPerReply: number;
  fakeCpuMsPerReply: number;
}

type FromFake =
  | { type: 'ready'; url: string; token: string }
  | { type: 'measuring' }
  | { type: 'done'; latencies: number[]; spanMs: number; cpuMs: number };
type ToFake = { type: 'go'; commands: number; chats: number; warmup: number } | { type: 'close' };

const TOPICS = ['xinjiang', 'kazakhstan', 'sauytbay', 'united-nations', 'uyghurs'];
const ROLE = 'telegram-bench-fake';

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Real telegraf against the fake Bot API on loopback, the fake in its own process as the
 * real API would be. After a warm-up, every command is queued at once; latency runs from
 * the getUpdates response that delivered a command to the fake reading the sendMessage
 * that answers it; throughput from the first delivery to the last reply.
 */
export async function benchTelegram(options: BenchTelegramOptions = {}): Promise<BenchTelegramResult> {
  const commands = options.commands ?? 5000;
  const chats = options.chats ?? 500;
  const warmup = options.warmup ?? 500;
  const worker = fork(fileURLToPath(import.meta.url), [], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BRIEFBOT_BENCH_ROLE: ROLE },
  });
  const messages: FromFake[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (m: FromFake) => {
    messages.push(m);
    wake?.();
  });
  const next = async <T extends FromFake['type']>(type: T): Promise<Extract<FromFake, { type: T }>> => {
    for (;;) {
      const index = messages.findIndex((m) => m.type === type);
      if (index >= 0) return messages.splice(index, 1)[0] as Extract<FromFake, { type: T }>;
      await new Promise<void>((resolve, reject) => {
        wake = resolve;
        worker.once('error', reject);
      });
    }
  };
  const send = (m: ToFake) => worker.send(m);
  try {
    const api = await next('ready');
    const running = await startTelegramBot(api);
    try {
      send({ type: 'go', commands, chats, warmup });
      await next('measuring');
      const cpu = process.cpuUsage();
      const { latencies, spanMs, cpuMs } = await next('done');
      const used = process.cpuUsage(cpu);
      const sorted = latencies.sort((a, b) => a - b);
      return {
        repliesPerSecond: Math.round(commands / (spanMs / 1000)),
        p50Ms: Number(percentile(sorted, 50).toFixed(2)),
        p99Ms: Number(percentile(sorted, 99).toFixed(2)),
        botCpuMsPerReply: Number(((used.user + used.system) / 1000 / commands).toFixed(3)),
        fakeCpuMsPerReply: Number((cpuMs / commands).toFixed(3)),
      };
    } finally {
      await running.stop();
    }
  } finally {
    send({ type: 'close' });
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

/** The fake's side: queue the commands once the bot polls, time every reply. */
async function runFake(): Promise<void> {
  const tell = (m: FromFake) => process.send!(m);
  const fake = await FakeTelegramApi.start({ keepLog: false });
  tell({ type: 'ready', url: fake.url, token: fake.token });
  process.on('message', async (m: ToFake) => {
    if (m.type === 'close') {
      await fake.close();
      process.disconnect();
      return;
    }
    const chats = Array.from({ length: m.chats }, (_, i) => privateChat(user(10_000 + i)));
    const ask = (n: number) => {
      for (let i = 0; i < n; i++) {
        const chat = chats[i % chats.length]!;
        fake.sendText(chat, user(chat.id), `/brief ${TOPICS[i % TOPICS.length]}`);
      }
    };
    await fake.waitFor(() => fake.polling, 20_000, 'polling');

    let answered = 0;
    const count = (call: ApiCall) => {
      if (call.method === 'sendMessage' && call.status === 200) answered += 1;
    };
    fake.on('call', count);
    ask(m.warmup);
    await fake.waitFor(() => answered >= m.warmup, 120_000, `${m.warmup} warm-up replies`);
    fake.off('call', count);

    const delivered = new Map<number, number[]>();
    const latencies: number[] = [];
    let first = Infinity;
    let last = 0;
    fake.on('delivered', (update: Update, at: number) => {
      const chatId = (update.message as { chat: { id: number } } | undefined)?.chat.id;
      if (chatId === undefined) return;
      first = Math.min(first, at);
      const queue = delivered.get(chatId) ?? [];
      queue.push(at);
      delivered.set(chatId, queue);
    });
    fake.on('call', (call: ApiCall) => {
      if (call.method !== 'sendMessage' || call.status !== 200) return;
      const at = delivered.get(Number(call.params.chat_id))?.shift();
      if (at === undefined) return;
      latencies.push(call.at - at);
      last = Math.max(last, call.at);
    });
    tell({ type: 'measuring' });
    const cpu = process.cpuUsage();
    ask(m.commands);
    await fake.waitFor(() => latencies.length >= m.commands, 120_000, `${m.commands} replies`);
    const used = process.cpuUsage(cpu);
    tell({ type: 'done', latencies, spanMs: last - first, cpuMs: (used.user + used.system) / 1000 });
  });
}

if (process.env.BRIEFBOT_BENCH_ROLE === ROLE) {
  await runFake();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchTelegram();
  process.stdout.write(
    `telegram: ${result.repliesPerSecond} replies/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms ` +
      `(5,000 /brief over 500 chats, telegraf -> fake Bot API on 127.0.0.1); ` +
      `CPU per reply: bot ${result.botCpuMsPerReply} ms, fake ${result.fakeCpuMsPerReply} ms\n`,
  );
}

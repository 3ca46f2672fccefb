import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FakeTelegramApi, privateChat, user, type ApiCall } from '../test/fakes/telegram-api.js';
import { startTelegramBot } from '../test/e2e/telegram-harness.js';

export interface BenchWebhookOptions {
  /** /brief commands to deliver (default 5,000). */
  commands?: number;
  /** Private chats they are spread over, round robin (default 500). */
  chats?: number;
  /** Webhook requests in flight at once; Telegram's default max_connections is 40. */
  connections?: number;
  /** Commands answered first and not measured (default 500). */
  warmup?: number;
}

export interface BenchWebhookResult {
  repliesPerSecond: number;
  /** From the webhook POST to the fake reading the sendMessage that answers it. */
  p50Ms: number;
  p99Ms: number;
  /** How long the webhook request itself took to be answered (the bot answers before replying). */
  answerP99Ms: number;
  botCpuMsPerReply: number;
}

type FromFake =
  | { type: 'ready'; url: string; token: string }
  | { type: 'done'; latencies: number[]; answers: number[]; spanMs: number };
type ToFake = { type: 'go'; hook: string; commands: number; chats: number; connections: number; warmup: number };

const TOPICS = ['xinjiang', 'kazakhstan', 'sauytbay', 'united-nations', 'uyghurs'];
const ROLE = 'webhook-bench-fake';
const SECRET = 'bench-webhook-secret';

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Telegram webhook `/brief` through the HTTP listener: the fake Bot API (in its own process, as
 * Telegram would be) POSTs updates with the secret, `connections` at a time, and times each one
 * until the fake reads the sendMessage that answers it.
 */
export async function benchWebhook(options: BenchWebhookOptions = {}): Promise<BenchWebhookResult> {
  const commands = options.commands ?? 5000;
  const worker = fork(fileURLToPath(import.meta.url), [], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BRIEFBOT_BENCH_ROLE: ROLE },
  });
  const next = <T extends FromFake['type']>(type: T) =>
    new Promise<Extract<FromFake, { type: T }>>((resolve, reject) => {
      const onMessage = (m: FromFake) => {
        if (m.type !== type) return;
        worker.off('message', onMessage);
        resolve(m as Extract<FromFake, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.once('exit', (code) => reject(new Error(`the fake's process exited (${code})`)));
    });
  try {
    const api = await next('ready');
    const running = await startTelegramBot(api, {
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    try {
      const hook = `http://127.0.0.1:${running.app.http!.port}/telegram/hook`;
      const done = next('done');
      const cpu = process.cpuUsage();
      worker.send({
        type: 'go',
        hook,
        commands,
        chats: options.chats ?? 500,
        connections: options.connections ?? 40,
        warmup: options.warmup ?? 500,
      } satisfies ToFake);
      const { latencies, answers, spanMs } = await done;
      const used = process.cpuUsage(cpu);
      const sorted = latencies.sort((a, b) => a - b);
      return {
        repliesPerSecond: Math.round(commands / (spanMs / 1000)),
        p50Ms: Number(percentile(sorted, 50).toFixed(2)),
        p99Ms: Number(percentile(sorted, 99).toFixed(2)),
        answerP99Ms: Number(
          percentile(
            answers.sort((a, b) => a - b),
            99,
          ).toFixed(2),
        ),
        // Warm-up included: an upper bound.
        botCpuMsPerReply: Number(((used.user + used.system) / 1000 / commands).toFixed(3)),
      };
    } finally {
      await running.stop();
    }
  } finally {
    worker.kill();
  }
}

/** The fake's side: deliver the updates over the webhook, `connections` at a time, time every reply. */
async function runFake(): Promise<void> {
  const fake = await FakeTelegramApi.start({ keepLog: false });
  process.send!({ type: 'ready', url: fake.url, token: fake.token } satisfies FromFake);
  process.once('message', async (m: ToFake) => {
    const chats = Array.from({ length: m.chats }, (_, i) => privateChat(user(10_000 + i)));
    for (const chat of chats) fake.addChat(chat);
    const posted = new Map<number, number[]>();
    const latencies: number[] = [];
    const answers: number[] = [];
    let last = 0;
    let warm = 0;
    fake.on('call', (call: ApiCall) => {
      if (call.method !== 'sendMessage' || call.status !== 200) return;
      const at = posted.get(Number(call.params.chat_id))?.shift();
      if (at === undefined) return warm++;
      latencies.push(call.at - at);
      last = Math.max(last, call.at);
    });
    const deliver = async (count: number, record: boolean) => {
      let sent = 0;
      const lane = async () => {
        while (sent < count) {
          const i = sent++;
          const chat = chats[i % chats.length]!;
          const from = user(chat.id);
          const started = performance.now();
          if (record) posted.set(chat.id, [...(posted.get(chat.id) ?? []), started]);
          const text = `/brief ${TOPICS[i % TOPICS.length]}`;
          const update = { message: { message_id: i + 1, date: 0, chat, from, text } };
          const { statuses } = await fake.deliverWebhook(m.hook, update, { secret: SECRET, attempts: 1 });
          if (statuses[0] !== 200) throw new Error(`webhook answered ${statuses[0]}`);
          if (record) answers.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: m.connections }, lane));
    };
    await deliver(m.warmup, false);
    await fake.waitFor(() => warm >= m.warmup, 120_000, `${m.warmup} warm-up replies`);
    const first = performance.now();
    await deliver(m.commands, true);
    await fake.waitFor(() => latencies.length >= m.commands, 120_000, `${m.commands} replies`);
    process.send!({ type: 'done', latencies, answers, spanMs: last - first } satisfies FromFake);
  });
}

if (process.env.BRIEFBOT_BENCH_ROLE === ROLE) {
  await runFake();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchWebhook();
  process.stdout.write(
    `telegram webhook: ${result.repliesPerSecond} replies/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
      `webhook answered within ${result.answerP99Ms} ms (p99) (5,000 /brief over 500 chats, 40 connections, ` +
      `fake Bot API -> HTTP listener on 127.0.0.1); bot CPU per reply ${result.botCpuMsPerReply} ms\n`,
  );
  process.exit(0);
}

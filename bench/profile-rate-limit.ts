import { coreCommands } from '../commands/index.js';
import { Bot } from '../src/core/bot.js';
import { silentLogger } from '../src/core/logger.js';
import { RateLimiter } from '../src/core/rate-limit.js';
import { renderText } from '../src/core/render-text.js';
import { warmCorpus } from './warm-corpus.js';
import { summarize, timeEach, type Timing } from './measure.js';

/**
 * What the rate limiter adds to exact /brief lookups: the main table's exact-slug and topic-key
 * loops (a new user per call, as there) with and without the limiter, alternating, several rounds;
 * then `check` alone on new keys.
 *   node --import tsx --max-old-space-size=4096 bench/profile-rate-limit.ts 100000 5
 */
const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);
const { store, queries } = await warmCorpus(size);
const us = (t: Timing) => `${(t.p50 * 1000).toFixed(1)} / ${(t.p99 * 1000).toFixed(1)} µs`;

for (let round = 1; round <= rounds; round++) {
  for (const limited of [false, true]) {
    const rateLimiter = limited ? new RateLimiter({ limit: 5, windowSeconds: 10 }) : undefined;
    const bot = new Bot({
      library: store.library,
      commands: coreCommands,
      logger: silentLogger(),
      ...(rateLimiter ? { rateLimiter } : {}),
    });
    let calls = 0;
    const line: string[] = [];
    for (const cls of ['slug', 'topic'] as const) {
      const timing = await timeEach(
        queries.brief[cls],
        async (topic) => {
          const reply = await bot.handle({
            command: 'brief',
            args: { topic },
            user: { id: `u${calls++}`, name: 'reader', isModerator: false },
            chat: { id: 'bench', kind: 'private', platform: 'telegram' },
          });
          if (!reply) throw new Error('rate limited');
          renderText(reply);
        },
        { max: 2000, budgetMs: 4000, min: 50, warmup: 200 },
      );
      line.push(`${cls} p50 / p99 ${us(timing)}`);
    }
    rateLimiter?.close();
    process.stdout.write(`round ${round}, ${limited ? 'with limiter   ' : 'without limiter'}: ${line.join(', ')}\n`);
  }
}

const limiter = new RateLimiter({ limit: 5, windowSeconds: 10 });
const samples: number[] = [];
for (let i = 0; i < 50_000; i++) {
  const key = `telegram:u${i}`;
  const t0 = performance.now();
  limiter.check(key);
  if (i >= 5_000) samples.push(performance.now() - t0);
}
limiter.close();
process.stdout.write(`RateLimiter.check alone, 45,000 new keys: p50 / p99 ${us(summarize(samples))}\n`);
process.exit(0);

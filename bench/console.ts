/**
 * The console and the public feeds over a large store: the briefs list page, a brief's page, the
 * JSON Feed of the latest 50, and the heap the console adds. In-process, over real sockets.
 * Run: node --expose-gc --import tsx bench/console.ts [briefs, default 100000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Library } from '../src/content/library.js';
import { silentLogger } from '../src/core/logger.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import { consoleRoutes } from '../src/web/console/console-routes.js';
import { publicRoutes } from '../src/web/public-routes.js';
import { generateBriefs } from './discord.js';
import { percentile } from './measure.js';

const size = Number(process.argv[2] ?? 100_000);
const PASSWORD = 'benchmark console password';
const REQUESTS = 300;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

const library = new Library(generateBriefs(size));
// The full-text index builds in the background after a load: let it finish before measuring.
await library.textReady();
const dir = await mkdtemp(join(tmpdir(), 'briefbot-console-bench-'));
const data = new SqliteStore(join(dir, 'bench.db'));
for (let i = 0; i < 2_000; i++)
  await data.subscribe({ platform: 'telegram', chatId: `-${i}` }, `topic-${i % 50}`, 'bench');
const before = heapMb();

const app = Fastify();
await app.register(
  consoleRoutes({
    password: PASSWORD,
    content: { library, errors: () => [], draftFiles: () => [], readDraft: () => undefined, onReload: () => () => {} },
    data: data.consoleData(),
    logger: silentLogger(),
  }),
);
await app.register(publicRoutes(library));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const login = await fetch(`${base}/console/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `password=${encodeURIComponent(PASSWORD)}`,
  redirect: 'manual',
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const slugs = library.latest(REQUESTS).map((b) => b.slug);

async function time(name: string, goalMs: number, path: (i: number) => string): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS + 20; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${path(i)}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path(i)} answered ${res.status}`);
    if (i >= 20) ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const p99 = percentile(ms, 99);
  return `| ${name} | ${percentile(ms, 50).toFixed(2)} ms | ${p99.toFixed(2)} ms | < ${goalMs} ms ${p99 < goalMs ? '✓' : '✗'} |`;
}

const rows = [
  await time('console: briefs list page', 50, (i) => `/console/briefs?page=${1 + (i % 20)}`),
  await time("console: a brief's page", 50, (i) => `/console/briefs/${slugs[i % slugs.length]}`),
  await time('console: chats page', 50, (i) => `/console/chats?page=${1 + (i % 10)}`),
  await time('public: JSON Feed, latest 50', 20, () => '/feeds/briefs.json'),
];
const added = heapMb() - before;
console.log(`Console and feeds at ${size.toLocaleString('en')} briefs, ${REQUESTS} requests each, one at a time.\n`);
console.log('| page | p50 | p99 | goal |\n| --- | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(
  `| heap the console adds (after GC) | | ${gc ? `${added.toFixed(1)} MB` : 'run with --expose-gc'} | < 20 MB ${gc && added < 20 ? '✓' : ''} |`,
);
await app.close();
await data.close();
await rm(dir, { recursive: true, force: true });

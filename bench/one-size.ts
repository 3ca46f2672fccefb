import { rmSync } from 'node:fs';
import { coreCommands } from '../commands/index.js';
import { ContentStore } from '../src/content/store.js';
import { Bot } from '../src/core/bot.js';
import { silentLogger } from '../src/core/logger.js';
import { RateLimiter } from '../src/core/rate-limit.js';
import { renderText } from '../src/core/render-text.js';
import type { Invocation } from '../src/core/types.js';
import { buildFuse, fuseSearch } from './fuse-baseline.js';
import { measureHotReload, type HotReloadResult } from './hot-reload.js';
import { memoryAfterGc, timeEach, type Timing } from './measure.js';
import { pickQueries, type QueryClass } from './queries.js';
import { Random } from './random.js';

/** What the parent asks one child process to measure; a fresh process per phase keeps heaps apart. */
export interface SizeJob {
  /** cold: delete the store, load, measure queries; reuse: the same from the store as it is; warm: load only. */
  mode: 'cold' | 'reuse' | 'warm';
  dir: string;
  cacheFile: string;
  seed: number;
  hotReload: boolean;
  fuse: boolean;
}

export interface LoadResult {
  loadMs: number;
  /** From this process's start (Node and the TypeScript loader included) to the first /brief answered. */
  firstAnswerMs: number;
  /** CPU time of the process (all threads) until then: what the start costs on a machine shared with other work. */
  firstAnswerCpuMs: number;
  /** From the start of loading until full-text search covers every brief. */
  textReadyMs: number;
  /** From the start of loading until the background check of the folder is done (the app's start resolves then). */
  folderCheckedMs: number;
  briefs: number;
  errors: number;
  heapMb: number;
  rssMb: number;
}

export interface ColdResult extends LoadResult {
  brief: Record<QueryClass, Timing>;
  outcomes: Record<QueryClass, Record<string, number>>;
  autocomplete: Timing;
  /** `/search` of two words through the library (the command's own work), p50 / p99. */
  search: Timing;
  fuse?: { buildMs: number; brief: Partial<Record<QueryClass, Timing>>; autocomplete: Timing };
  hotReload?: HotReloadResult;
}

const started = performance.now();
const progress = (what: string): void => {
  if (process.env.BENCH_VERBOSE)
    process.stderr.write(`  [${((performance.now() - started) / 1000).toFixed(1)} s] ${what}\n`);
};

const CLASSES: QueryClass[] = ['slug', 'topic', 'typo', 'prefix', 'miss'];

function outcomeOf(kind: string, suggestions: number): string {
  return kind === 'notFound' ? (suggestions > 0 ? 'suggested' : 'none') : kind;
}

async function load(job: SizeJob): Promise<{ store: ContentStore; result: LoadResult }> {
  if (job.mode === 'cold') rmSync(job.cacheFile, { force: true });
  // As the app starts: a warm start serves from the store's record and checks the folder meanwhile.
  const store = new ContentStore({
    dir: job.dir,
    logger: silentLogger(),
    cacheFile: job.cacheFile,
    checkInBackground: true,
  });
  const t0 = performance.now();
  const report = await store.load();
  const loadMs = performance.now() - t0;
  const first = store.library.latest(1)[0];
  if (first) store.library.lookup(first.slug);
  // performance.now() counts from the process's own start.
  const firstAnswerMs = performance.now();
  const cpu = process.cpuUsage();
  const firstAnswerCpuMs = (cpu.user + cpu.system) / 1000;
  await store.library.textReady();
  const textReadyMs = performance.now() - t0;
  // Queries and hot reloads are timed as a started app serves them: after the folder is checked.
  await store.checked;
  const folderCheckedMs = performance.now() - t0;
  await store.flushCache();
  return {
    store,
    result: {
      loadMs,
      firstAnswerMs,
      firstAnswerCpuMs,
      textReadyMs,
      folderCheckedMs,
      briefs: report.briefs,
      errors: report.errors.length,
      ...memoryAfterGc(),
    },
  };
}

async function cold(job: SizeJob): Promise<ColdResult> {
  const { store, result } = await load(job);
  progress(
    `loaded ${result.briefs} briefs in ${result.loadMs.toFixed(0)} ms, full text after ${result.textReadyMs.toFixed(0)} ms`,
  );
  const logger = silentLogger();
  const rateLimiter = new RateLimiter({ limit: 5, windowSeconds: 10 });
  const bot = new Bot({ library: store.library, commands: coreCommands, logger, rateLimiter });
  const queries = pickQueries(store.library, job.seed + 1);
  let calls = 0;
  const invocation = (topic: string): Invocation => ({
    command: 'brief',
    args: { topic },
    user: { id: `u${calls++}`, name: 'reader', isModerator: false },
    chat: { id: 'bench', kind: 'private', platform: 'telegram' },
  });

  const brief = {} as Record<QueryClass, Timing>;
  const outcomes = {} as Record<QueryClass, Record<string, number>>;
  for (const cls of CLASSES) {
    const counts: Record<string, number> = {};
    brief[cls] = await timeEach(
      queries.brief[cls],
      async (q) => {
        const reply = await bot.handle(invocation(q));
        if (!reply) throw new Error('rate limited');
        renderText(reply);
        const key = outcomeOf(reply.kind, reply.kind === 'notFound' ? reply.suggestions.length : 0);
        counts[key] = (counts[key] ?? 0) + 1;
      },
      { max: 2000, budgetMs: 4000, min: 50, warmup: 200 },
    );
    outcomes[cls] = counts;
    progress(`/brief ${cls}: p99 ${brief[cls].p99.toFixed(3)} ms over ${brief[cls].n}`);
  }
  const autocomplete = await timeEach(queries.autocomplete, (q) => store.library.complete(q, 25), {
    max: 4000,
    budgetMs: 4000,
    min: 100,
    warmup: 200,
  });
  const search = await timeEach(queries.search, (q) => store.library.searchText(q, 10), {
    max: 2000,
    budgetMs: 4000,
    min: 50,
    warmup: 200,
  });
  progress(`/search two words: p99 ${search.p99.toFixed(3)} ms over ${search.n}`);
  rateLimiter.close();
  const out: ColdResult = { ...result, brief, outcomes, autocomplete, search };

  if (job.hotReload) {
    const random = new Random(job.seed + 2);
    const all = [...store.library.all()];
    progress('watching for hot reload');
    out.hotReload = await measureHotReload(
      store,
      Array.from({ length: 5 }, () => random.pick(all)),
      logger,
    );
    // As the app does when it stops: the store and its indexes are written for the next start.
    await store.flushCache();
  }
  progress('queries done');
  if (job.fuse) {
    const { fuse, buildMs } = buildFuse(store.library.all());
    const fuseBrief: Partial<Record<QueryClass, Timing>> = {};
    // Fuse.js scans every brief per query (seconds each at 100,000), so it gets few samples.
    const budget = { max: 400, budgetMs: 2000, min: 1, warmup: 0 };
    progress(`Fuse.js index built in ${buildMs.toFixed(0)} ms`);
    for (const cls of CLASSES) {
      const timing = await timeEach(queries.brief[cls], (q) => fuseSearch(fuse, q, 1), budget);
      fuseBrief[cls] = timing;
      progress(`Fuse.js ${cls}: p99 ${timing.p99.toFixed(1)} ms over ${timing.n}`);
    }
    const fuseAuto = await timeEach(queries.autocomplete, (q) => fuseSearch(fuse, q, 25), budget);
    out.fuse = { buildMs, brief: fuseBrief, autocomplete: fuseAuto };
  }
  return out;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as SizeJob;
  const result = job.mode === 'warm' ? (await load(job)).result : await cold(job);
  process.send!(result, () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

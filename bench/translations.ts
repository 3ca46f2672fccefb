import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentStore } from '../src/content/store.js';
import { silentLogger } from '../src/core/logger.js';
import { ensureCorpus } from './generate.js';
import { memoryAfterGc, summarize } from './measure.js';
import { pickQueries } from './queries.js';
import { DEFAULT_SEED } from './warm-corpus.js';

/**
 * Lookup, autocomplete and heap over the same corpus without and with a Russian translation of a
 * share of its briefs. Each corpus is served by a process of its own (so neither shares a heap
 * with the other), the two alternate `pairs` times so that a busy machine slows both alike, and
 * the table gives the median over the runs of each class's p99:
 *   node --import tsx --expose-gc bench/translations.ts 100000 0.25 5
 */
const size = Number(process.argv[2] ?? 10_000);
const translated = Number(process.argv[3] ?? 0.25);
const pairs = Number(process.argv[4] ?? 5);
const child = process.argv[5];
const queriesFile = join(tmpdir(), `briefbot-translations-${size}-queries.json`);

type Queries = Record<string, string[]>;
interface RunResult {
  p50: Record<string, number>;
  p99: Record<string, number>;
  heapMb: number;
}

async function serveOne(share: number): Promise<RunResult> {
  const corpus = ensureCorpus(size, DEFAULT_SEED, share);
  const store = new ContentStore({
    dir: corpus.dir,
    logger: silentLogger(),
    cacheFile: `${corpus.dir}.content-cache.bin`,
  });
  await store.load();
  await store.library.textReady();
  let classes: Queries;
  if (share === 0) {
    const picked = pickQueries(store.library, DEFAULT_SEED + 1);
    classes = {
      ...Object.fromEntries(Object.entries(picked.brief).map(([name, list]) => [`/brief ${name}`, list])),
      autocomplete: picked.autocomplete,
    };
    writeFileSync(queriesFile, JSON.stringify(classes));
  } else classes = JSON.parse(readFileSync(queriesFile, 'utf8')) as Queries;
  const result: RunResult = { p50: {}, p99: {}, heapMb: 0 };
  for (const [name, inputs] of Object.entries(classes)) {
    const run =
      name === 'autocomplete' ? (q: string) => store.library.complete(q, 25) : (q: string) => store.library.lookup(q);
    inputs.forEach(run); // untimed pass
    const samples: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const q of inputs) {
        const t0 = performance.now();
        run(q);
        samples.push(performance.now() - t0);
      }
    const timing = summarize(samples);
    result.p50[name] = timing.p50;
    result.p99[name] = timing.p99;
  }
  result.heapMb = memoryAfterGc().heapMb;
  await store.flushCache();
  return result;
}

if (child !== undefined) {
  process.stdout.write(JSON.stringify(await serveOne(Number(child))));
} else {
  const script = fileURLToPath(import.meta.url);
  const runOne = (share: number): RunResult =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', '--expose-gc', script, String(size), String(translated), '1', String(share)],
        { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    ) as RunResult;
  const loadAtStart = loadavg()[0]!;
  const runs: { plain: RunResult[]; ru: RunResult[] } = { plain: [], ru: [] };
  for (let pair = 0; pair < pairs; pair++) {
    // The plain run picks the queries, so it goes first once; then the order alternates.
    const order: ('plain' | 'ru')[] = pair % 2 === 0 ? ['plain', 'ru'] : ['ru', 'plain'];
    for (const which of order) runs[which].push(runOne(which === 'plain' ? 0 : translated));
    process.stderr.write(`pair ${pair + 1} of ${pairs} done\n`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2));
  const names = Object.keys(runs.plain[0]!.p99);
  const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${((b / a - 1) * 100).toFixed(1)}%`;
  const lines = [
    `| ${size.toLocaleString('en')} briefs, median p50 / p99 ms | no translations | ${translated * 100}% translated to Russian | p99 change |`,
    '| --- | ---: | ---: | ---: |',
    ...names.map((name) => {
      const [a50, a99] = [median(runs.plain.map((r) => r.p50[name]!)), median(runs.plain.map((r) => r.p99[name]!))];
      const [b50, b99] = [median(runs.ru.map((r) => r.p50[name]!)), median(runs.ru.map((r) => r.p99[name]!))];
      return `| ${name} | ${ms(a50)} / ${ms(a99)} | ${ms(b50)} / ${ms(b99)} | ${pct(a99, b99)} |`;
    }),
  ];
  const heapPlain = median(runs.plain.map((r) => r.heapMb));
  const heapRu = median(runs.ru.map((r) => r.heapMb));
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `heap after GC, serving: ${heapPlain.toFixed(0)} MB without, ${heapRu.toFixed(0)} MB with (${pct(heapPlain, heapRu)}); ` +
      `${pairs} pairs of processes; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
  );
}

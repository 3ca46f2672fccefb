import { fork } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './generate.js';
import type { EndToEndName, EndToEndResults } from './end-to-end.js';
import type { ColdResult, LoadResult, SizeJob } from './one-size.js';
import { formatGoals } from './goals.js';
import { formatEndToEnd, formatOutcomes, formatTable, type SizeResult } from './table.js';

interface Options {
  json: boolean;
  sizes: number[];
  seed: number;
  fuse: boolean;
  e2e: boolean;
  /** The share of briefs with a Russian translation (0: none). */
  translated: number;
  /** Measure queries against the store as it is instead of deleting it and loading cold. */
  reuseStore: boolean;
}

const USAGE =
  '--json, --sizes 1000,10000, --seed N, --no-fuse, --no-e2e (skip the end-to-end runs, about 2.5 min), --translated 0.25, --reuse-store (no cold load: queries against the store as it is)';

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    json: false,
    sizes: [1_000, 10_000, 100_000],
    seed: 20_180_911,
    fuse: true,
    e2e: true,
    translated: 0,
    reuseStore: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--no-fuse') options.fuse = false;
    else if (arg === '--no-e2e') options.e2e = false;
    else if (arg === '--reuse-store') options.reuseStore = true;
    else if (arg === '--sizes')
      options.sizes = value()
        .split(',')
        .map((s) => Number(s.replace(/_/g, '')));
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--translated') options.translated = Number(value());
    else throw new Error(`unknown option ${arg} (use ${USAGE})`);
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s < 10)) throw new Error('--sizes takes whole numbers >= 10');
  if (!(options.translated >= 0 && options.translated <= 1)) throw new Error('--translated takes a share from 0 to 1');
  return options;
}

/** How many translation files there are and their size on disk: what the library may grow by. */
function translationsText(dir: string): string {
  const files = readdirSync(join(dir, 'ru'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, 'ru', f)).size, 0);
  return `${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MB`;
}

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/** Runs one script in a fresh Node process so that heaps, JIT state and sockets never leak between phases. */
function runChild<T>(script: string, arg: string, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(here(script), [arg], {
      execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=12288'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    child.on('message', (message) => (result = message as T));
    child.on('error', reject);
    child.on('exit', (code) =>
      result !== undefined ? resolve(result) : reject(new Error(`${what} run failed with exit code ${code}`)),
    );
  });
}

const runSize = <T>(job: SizeJob): Promise<T> => runChild<T>('./one-size.ts', JSON.stringify(job), job.mode);

const END_TO_END: [EndToEndName, string][] = [
  ['telegram', 'telegram: 5,000 /brief over 500 chats through telegraf and the fake Bot API'],
  ['webhook', 'telegram webhook: 5,000 /brief over 500 chats through the HTTP listener, 40 connections'],
  ['discord', 'discord: 500 /brief interactions through discord.js and the fake gateway'],
  ['fanout', 'fan-out: one new brief to 1,000 Telegram chats at 30 messages/s (about 35 s)'],
  ['fanoutTopics', 'fan-out: the same, half the targets forum topics, two per group (about 35 s)'],
  [
    'fleet',
    'fleet: 3 processes on PostgreSQL, 3,000 webhook /brief, then 1,000 chats with the leader killed (about 90 s)',
  ],
];

/** The end-to-end rows, each in its own process after the size runs; a failure becomes the row's text. */
async function runEndToEnd(log: (line: string) => void): Promise<EndToEndResults> {
  const results: Record<string, unknown> = {};
  for (const [name, what] of END_TO_END) {
    log(what);
    results[name] = await runChild('./end-to-end.ts', name, name).catch(
      (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return results as EndToEndResults;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    const corpus = ensureCorpus(size, options.seed, options.translated);
    log(
      `${size}: corpus ${corpus.reused ? 'reused' : `written in ${(corpus.generateMs / 1000).toFixed(1)} s`} at ${corpus.dir}`,
    );
    if (options.translated > 0) log(`${size}: translations under ru/: ${translationsText(corpus.dir)}`);
    const job: SizeJob = {
      mode: options.reuseStore ? 'reuse' : 'cold',
      dir: corpus.dir,
      cacheFile: `${corpus.dir}.briefs.sqlite`,
      seed: options.seed,
      hotReload: size >= 10_000,
      fuse: options.fuse,
    };
    const cold = await runSize<ColdResult>(job);
    log(
      `${size}: ${options.reuseStore ? 'load from the store' : 'cold load'} ${(cold.loadMs / 1000).toFixed(2)} s, queries done`,
    );
    const warm = await runSize<LoadResult>({ ...job, mode: 'warm' });
    log(`${size}: warm start ${(warm.loadMs / 1000).toFixed(2)} s`);
    results.push({
      size,
      generateMs: corpus.generateMs,
      reused: corpus.reused,
      storeReused: options.reuseStore,
      cold,
      warm,
    });
  }
  const endToEnd = options.e2e ? await runEndToEnd(log) : undefined;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
  const totalMs = performance.now() - started;
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
  if (options.translated > 0)
    log(`corpora with a Russian translation of ${Math.round(options.translated * 100)}% of the briefs`);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ machine, load, seed: options.seed, totalMs, results, endToEnd }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(`Goals (issue 13):\n${formatGoals(results)}\n\n`);
  process.stdout.write(`${formatTable(results)}\n\n`);
  if (endToEnd) process.stdout.write(`${formatEndToEnd(endToEnd)}\n\n`);
  process.stdout.write(`Outcomes per query class (reply kinds):\n${formatOutcomes(results)}\n\n`);
  process.stdout.write(
    `Machine: ${machine}. ${load}. Seed ${options.seed}. Whole run ${(totalMs / 1000).toFixed(0)} s.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

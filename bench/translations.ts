import { loadavg } from 'node:os';
import { ContentStore } from '../src/content/store.js';
import { silentLogger } from '../src/core/logger.js';
import { ensureCorpus } from './generate.js';
import { memoryAfterGc, summarize, type Timing } from './measure.js';
import { pickQueries } from './queries.js';
import { DEFAULT_SEED } from './warm-corpus.js';

/**
 * Lookup and autocomplete over the same corpus without and with a Russian translation of a share
 * of its briefs, both loaded in this one process and timed in alternating rounds over the same
 * queries, so that a busy machine slows both alike:
 *   node --import tsx --expose-gc --max-old-space-size=12288 bench/translations.ts 100000 0.25
 * Heap after GC is measured apart (`npm run bench -- --translated 0.25` against `npm run bench`),
 * since two libraries share this heap.
 */
const size = Number(process.argv[2] ?? 10_000);
const translated = Number(process.argv[3] ?? 0.25);
const rounds = Number(process.argv[4] ?? 6);

async function load(share: number): Promise<ContentStore> {
  const corpus = ensureCorpus(size, DEFAULT_SEED, share);
  const store = new ContentStore({
    dir: corpus.dir,
    logger: silentLogger(),
    cacheFile: `${corpus.dir}.content-cache.bin`,
  });
  await store.load();
  await store.library.textReady();
  return store;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const loadAtStart = loadavg()[0]!;
const plain = await load(0);
log(`loaded ${plain.library.size} briefs`);
const withRu = await load(translated);
log(`loaded ${withRu.library.size} briefs and translations`);
const queries = pickQueries(plain.library, DEFAULT_SEED + 1);
const classes = {
  ...Object.fromEntries(Object.entries(queries.brief).map(([name, list]) => [`/brief ${name}`, list])),
  autocomplete: queries.autocomplete,
} as Record<string, string[]>;
const run = (store: ContentStore, name: string) =>
  name === 'autocomplete' ? (q: string) => store.library.complete(q, 25) : (q: string) => store.library.lookup(q);

const samples = new Map<string, number[]>();
const time = (key: string, inputs: readonly string[], fn: (q: string) => unknown) => {
  const out = samples.get(key) ?? [];
  for (const q of inputs) {
    const t0 = performance.now();
    fn(q);
    out.push(performance.now() - t0);
  }
  samples.set(key, out);
};
// One untimed pass each, then rounds that alternate which corpus goes first.
for (const [name, inputs] of Object.entries(classes)) for (const s of [plain, withRu]) inputs.forEach(run(s, name));
for (let round = 0; round < rounds; round++) {
  for (const [name, inputs] of Object.entries(classes)) {
    const order =
      round % 2 === 0
        ? ([
            ['plain', plain],
            ['ru', withRu],
          ] as const)
        : ([
            ['ru', withRu],
            ['plain', plain],
          ] as const);
    for (const [label, store] of order) time(`${name}|${label}`, inputs, run(store, name));
  }
}

const ms = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2));
const row = (name: string, a: Timing, b: Timing) =>
  `| ${name} | ${ms(a.p50)} / ${ms(a.p99)} | ${ms(b.p50)} / ${ms(b.p99)} | ${((b.p99 / a.p99 - 1) * 100).toFixed(1)}% |`;
const lines = [
  `| ${size.toLocaleString('en')} briefs, p50 / p99 ms | no translations | ${translated * 100}% translated to Russian | p99 change |`,
  '| --- | ---: | ---: | ---: |',
  ...Object.keys(classes).map((name) =>
    row(name, summarize(samples.get(`${name}|plain`)!), summarize(samples.get(`${name}|ru`)!)),
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(
  `${rounds} rounds, ${samples.get('autocomplete|plain')!.length} autocomplete calls per corpus; heap of both after GC ${memoryAfterGc().heapMb.toFixed(0)} MB; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
);

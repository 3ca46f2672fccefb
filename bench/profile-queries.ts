import { warmCorpus } from './warm-corpus.js';
import type { QueryClass } from './queries.js';

/**
 * Runs one query class many times against a warm-loaded corpus, for profiling:
 *   node --import tsx --cpu-prof bench/profile-queries.ts 100000 typo
 */
const size = Number(process.argv[2] ?? 10_000);
const cls = (process.argv[3] ?? 'typo') as QueryClass | 'autocomplete';
const { store, queries } = await warmCorpus(size);
const inputs = cls === 'autocomplete' ? queries.autocomplete : queries.brief[cls];
const run =
  cls === 'autocomplete' ? (q: string) => store.library.complete(q, 25) : (q: string) => store.library.lookup(q);
const times: number[] = [];
for (const q of inputs) {
  const t0 = performance.now();
  run(q);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(3);
process.stdout.write(`${cls} over ${times.length}: p50 ${at(50)} ms, p99 ${at(99)} ms, max ${at(100)} ms\n`);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  process.stdout.write(`heap after GC: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`);
}

import { rmSync } from 'node:fs';
import { ContentStore } from '../src/content/store.js';
import pino from 'pino';
import { ensureCorpus } from './generate.js';

/**
 * One load of one corpus, for profiling:
 *   node --import tsx --cpu-prof bench/profile-load.ts 100000 cold|warm
 * A warm load serves the brief store and checks the folder in the background, as the app does.
 */
const size = Number(process.argv[2] ?? 10_000);
const mode = process.argv[3] ?? 'cold';
const corpus = ensureCorpus(size, Number(process.argv[4] ?? 20_180_911));
const cacheFile = `${corpus.dir}.briefs.sqlite`;
if (mode === 'cold') rmSync(cacheFile, { force: true });
const store = new ContentStore({
  dir: corpus.dir,
  logger: pino({ level: 'warn' }, process.stderr),
  cacheFile,
  checkInBackground: mode === 'warm',
});
const cpuAtStart = process.cpuUsage();
const started = performance.now();
const cpu = () => {
  const used = process.cpuUsage(cpuAtStart);
  return `${((used.user + used.system) / 1e6).toFixed(1)} s CPU since the start of loading (all threads)`;
};
const report = await store.load();
process.stdout.write(
  `${mode} load of ${report.briefs} briefs: ${(performance.now() - started).toFixed(0)} ms, ${cpu()}\n`,
);
store.library.lookup(store.library.latest(1)[0]?.slug ?? '');
process.stdout.write(`first answer: ${(performance.now() - started).toFixed(0)} ms, ${cpu()}\n`);
await store.library.textReady();
process.stdout.write(`full text ready: ${(performance.now() - started).toFixed(0)} ms, ${cpu()}\n`);
await store.flushCache();
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  process.stdout.write(`heap after GC: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`);
}

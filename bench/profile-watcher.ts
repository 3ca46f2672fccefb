/**
 * What the content watcher costs on a corpus: time to ready and heap it holds.
 * `node --expose-gc --import tsx bench/profile-watcher.ts <folder>`
 */
import { watch } from 'chokidar';

const dir = process.argv[2];
if (!dir) throw new Error('usage: profile-watcher.ts <content folder>');
const heapMb = (): number => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const before = heapMb();
const started = performance.now();
const watcher = watch(dir, { ignoreInitial: true, followSymlinks: false });
watcher.once('ready', () => {
  const readyMs = performance.now() - started;
  const after = heapMb();
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(
    `${dir}: ready in ${(readyMs / 1000).toFixed(2)} s, heap ${before.toFixed(0)} -> ${after.toFixed(0)} MB ` +
      `(watcher ${(after - before).toFixed(0)} MB), RSS ${rssMb.toFixed(0)} MB\n`,
  );
  void watcher.close();
});

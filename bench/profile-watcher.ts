/**
 * What the content watcher costs on a corpus: time to ready and heap it holds.
 * `node --expose-gc --import tsx bench/profile-watcher.ts <folder> [--chokidar]`
 * (`--chokidar` measures chokidar, which watched every file before, for comparison).
 */
import { watch } from 'chokidar';
import { FolderWatcher } from '../src/content/folder-watcher.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: profile-watcher.ts <content folder> [--chokidar]');
const useChokidar = process.argv.includes('--chokidar');
const heapMb = (): number => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const before = heapMb();
const started = performance.now();
let close: () => unknown;
let what: string;
if (useChokidar) {
  const watcher = watch(dir, { ignoreInitial: true, followSymlinks: false });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  close = () => watcher.close();
  what = 'chokidar';
} else {
  const ignore = () => undefined;
  const watcher = new FolderWatcher(dir, { name: ignore, folderGone: ignore, error: ignore });
  await watcher.ready;
  close = () => watcher.close();
  what = `folder watcher (${watcher.folders} folders)`;
}
const readyMs = performance.now() - started;
const after = heapMb();
const rssMb = process.memoryUsage().rss / 2 ** 20;
process.stdout.write(
  `${dir}: ${what} ready in ${(readyMs / 1000).toFixed(2)} s, heap ${before.toFixed(0)} -> ${after.toFixed(0)} MB ` +
    `(watcher ${(after - before).toFixed(0)} MB), RSS ${rssMb.toFixed(0)} MB\n`,
);
await close();

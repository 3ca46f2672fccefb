import { watch, type FSWatcher } from 'chokidar';
import { relative, sep } from 'node:path';
import type { Logger } from '../shared/logger.js';
import { guardFolder } from './folder-guard.js';
import { isContentFile } from './scan.js';
import type { ContentStore } from './store.js';

export interface WatchOptions {
  /** Quiet time after the last file event before reloading; editors save in bursts. */
  debounceMs?: number;
  /** How often the folder itself is checked for being deleted, replaced or unreadable. */
  folderCheckMs?: number;
  logger: Logger;
}

export interface ContentWatcher {
  /** Resolves when the watcher sees every file; edits before that may go unnoticed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Watches the content folder and reloads changed files in debounced batches; resolves when ready. */
export async function watchContent(store: ContentStore, options: WatchOptions): Promise<() => Promise<void>> {
  const watcher = startWatching(store, options);
  await watcher.ready;
  return () => watcher.close();
}

/** Starts watching at once; closing works before the watcher is ready too. */
export function startWatching(store: ContentStore, options: WatchOptions): ContentWatcher {
  const debounceMs = options.debounceMs ?? 200;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const toRel = (path: string) => relative(store.dir, path).split(sep).join('/');

  const flush = () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    store
      .reload(files)
      .then((report) => {
        for (const change of report.changes) {
          options.logger.info({ slug: change.brief.slug, file: change.brief.file }, `brief ${change.type}`);
        }
      })
      .catch((err: unknown) => options.logger.error({ err }, 'content reload failed'));
  };
  const touch = (path: string) => {
    const rel = toRel(path);
    if (!isContentFile(rel)) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const touchDir = (path: string) => {
    const prefix = `${toRel(path)}/`;
    for (const brief of store.library.all()) if (brief.file.startsWith(prefix)) touch(`${path}/${brief.file.slice(prefix.length)}`);
  };

  const open = (): FSWatcher => {
    const watcher = watch(store.dir, {
      ignoreInitial: true,
      // As at start-up: a linked file is read (if it stays inside the folder), a linked folder never entered.
      followSymlinks: false,
      ignored: (path: string) => {
        const rel = toRel(path);
        return rel !== '' && rel.split('/').some((p) => p.startsWith('.') || p === 'node_modules');
      },
    });
    watcher.on('add', touch).on('change', touch).on('unlink', touch).on('unlinkDir', touchDir);
    watcher.on('error', (err) => options.logger.error({ err }, 'content watcher error'));
    return watcher;
  };
  const whenReady = (w: FSWatcher) => new Promise<void>((resolve) => w.once('ready', () => resolve()));
  let watcher = open();
  let closed = false;

  // A watcher follows the folder it started on; when that folder goes or is replaced, start over.
  const rewatch = async () => {
    await watcher.close();
    if (closed) return;
    watcher = open();
    await whenReady(watcher);
    if (closed) return;
    const report = await store.reconcile({ recheckErrors: true });
    options.logger.info({ briefs: report.briefs, changes: report.changes.length }, 'content folder watched again');
  };
  let rewatching = Promise.resolve();
  const stopGuard = guardFolder(store.dir, options.folderCheckMs ?? 1000, (now) => {
    if (now.state === 'ok') {
      rewatching = rewatching
        .then(rewatch)
        .catch((err: unknown) => options.logger.error({ err }, 'content folder could not be watched again'));
    } else void store.folderLost(now.state);
  });
  return {
    ready: whenReady(watcher),
    async close() {
      closed = true;
      stopGuard();
      if (timer) clearTimeout(timer);
      await rewatching;
      await watcher.close();
    },
  };
}

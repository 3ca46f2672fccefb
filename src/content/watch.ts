import type { Logger } from '../shared/logger.js';
import { guardFolder } from './folder-guard.js';
import { FolderWatcher } from './folder-watcher.js';
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
  const touch = (rel: string) => {
    if (!isContentFile(rel)) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const touchDir = (rel: string) => {
    const prefix = `${rel}/`;
    for (const brief of store.library.all()) if (brief.file.startsWith(prefix)) touch(brief.file);
    for (const file of store.draftFiles()) if (file.startsWith(prefix)) touch(file);
  };

  // One watch per folder, none per file: see FolderWatcher.
  const open = () =>
    new FolderWatcher(store.dir, {
      name: touch,
      folderGone: touchDir,
      error: (err) => options.logger.error({ err }, 'content watcher error'),
    });
  const whenReady = (w: FolderWatcher) => w.ready;
  let watcher = open();
  let closed = false;

  // A watcher follows the folder it started on; when that folder goes or is replaced, start over.
  const rewatch = async () => {
    watcher.close();
    if (closed) return;
    watcher = open();
    await whenReady(watcher);
    if (closed) return;
    const report = await store.reconcile({ recheckErrors: true });
    options.logger.info({ briefs: report.briefs, changes: report.changes.length }, 'content folder watched again');
  };
  let rewatching = Promise.resolve();
  const guard = guardFolder(store.dir, options.folderCheckMs ?? 1000, (now) => {
    if (now.state === 'ok') {
      rewatching = rewatching
        .then(rewatch)
        .catch((err: unknown) => options.logger.error({ err }, 'content folder could not be watched again'));
    } else void store.folderLost(now.state);
  });
  return {
    ready: Promise.all([whenReady(watcher), guard.ready]).then(() => undefined),
    async close() {
      closed = true;
      guard.stop();
      if (timer) clearTimeout(timer);
      await rewatching;
      watcher.close();
    },
  };
}

import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface FolderEvents {
  /** A name in a watched folder changed (added, written, removed or renamed); relative, `/`-separated. */
  name(rel: string): void;
  /** A watched folder is gone (its files with it). */
  folderGone(rel: string): void;
  error(err: unknown): void;
}

/** Hidden folders and node_modules are never entered, as at start-up. */
const skipped = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/**
 * Watches every folder under a root with one inotify watch per folder (Node's `fs.watch`,
 * not recursive), and no state per file: a million briefs in a few hundred folders cost a
 * few hundred watches. Linked folders are never entered. Node's recursive watch is not
 * used: on Linux it keeps a stat watcher per file.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;
  /** Resolves once every folder present at the start is watched. */
  readonly ready: Promise<void>;

  constructor(
    private readonly root: string,
    private readonly events: FolderEvents,
  ) {
    this.ready = this.add('', false);
  }

  /** Folders watched now. */
  get folders(): number {
    return this.watchers.size;
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches a folder and those under it; `announce` reports their files (a folder moved in). */
  private async add(rel: string, announce: boolean): Promise<void> {
    if (this.closed || this.watchers.has(rel)) return;
    const path = rel === '' ? this.root : join(this.root, rel);
    let watcher: FSWatcher;
    try {
      watcher = watch(path, (_type, name) => this.changed(rel, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.events.error(err);
      return;
    }
    watcher.on('error', (err) => {
      this.drop(rel);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.events.error(err);
    });
    this.watchers.set(rel, watcher);
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      return; // gone again already: its watcher reports it
    }
    const sub: Promise<void>[] = [];
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) sub.push(this.add(child, announce));
      else if (announce) this.events.name(child);
    }
    await Promise.all(sub);
  }

  private changed(folder: string, name: string | Buffer | null): void {
    if (this.closed) return;
    if (name === null) return void this.rescan(folder);
    const base = name.toString();
    if (skipped(base)) return;
    const rel = folder === '' ? base : `${folder}/${base}`;
    if (this.watchers.has(rel)) {
      void this.stillFolder(rel);
      return;
    }
    this.events.name(rel);
    void lstat(join(this.root, rel))
      .then((stats) => (stats.isDirectory() ? this.add(rel, true) : undefined))
      .catch(() => undefined);
  }

  /** A watched folder was removed, replaced or renamed: whatever is there now is watched afresh. */
  private async stillFolder(rel: string): Promise<void> {
    this.drop(rel);
    this.events.folderGone(rel);
    const isFolder = await lstat(join(this.root, rel)).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (isFolder) await this.add(rel, true);
  }

  /** The system lost track of what changed in a folder: report every file in it again. */
  private async rescan(folder: string): Promise<void> {
    const entries = await readdir(folder === '' ? this.root : join(this.root, folder)).catch(() => []);
    for (const name of entries) if (!skipped(name)) this.events.name(folder === '' ? name : `${folder}/${name}`);
  }

  private drop(rel: string): void {
    for (const [folder, watcher] of this.watchers) {
      if (folder !== rel && !folder.startsWith(`${rel}/`)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
  }
}

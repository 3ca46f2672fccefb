import { EventEmitter } from 'node:events';
import type { Logger } from '../shared/logger.js';
import type { Brief } from './brief.js';
import { readThroughCache, type FileOutcome } from './cached-read.js';
import { Library, type ChangeEvent } from './library.js';
import { ParseCache } from './parse-cache.js';
import { formatContentError, type ContentError } from './parse.js';
import { displayPathOf, stampsOf } from './read-brief.js';
import { scanContentDir } from './scan.js';

export interface StoreOptions {
  dir: string;
  logger: Logger;
  /** Where parsed briefs are cached between runs; no cache when absent. */
  cacheFile?: string;
  /** Parser threads for large loads; defaults to one per core (at most 4), 0 for none. */
  parseThreads?: number;
  /**
   * A warm start serves what the parse cache holds at once, without listing or statting the
   * folder, and checks the folder in the background: changes found are reloaded as hot
   * reload does (see `checked`). Off, the whole folder is checked before `load` resolves.
   */
  checkInBackground?: boolean;
}

export interface ReloadReport {
  at: Date;
  briefs: number;
  drafts: number;
  changes: ChangeEvent[];
  /** Every problem currently known in the store, not only in this reload. */
  errors: ContentError[];
}

/** Removals are written in one transaction after a burst of edits. */
const CACHE_SAVE_DELAY_MS = 1_000;

/**
 * The content folder: loads it, keeps the Library in step with the files, and
 * remembers each file's problems. Bad files are reported, never fatal.
 */
export class ContentStore extends EventEmitter<{ reload: [ReloadReport] }> {
  readonly library = new Library();
  private readonly fileSlug = new Map<string, string>();
  private readonly slugFile = new Map<string, string>();
  private readonly drafts = new Set<string>();
  private readonly problems = new Map<string, ContentError[]>();
  private folderProblem: ContentError | undefined;
  private readonly cache: ParseCache;
  private queue: Promise<unknown> = Promise.resolve();
  lastReload: ReloadReport | undefined;
  /** The background check of a warm start, once it is done (at once when there was none). */
  checked: Promise<ReloadReport | undefined> = Promise.resolve(undefined);

  constructor(private readonly options: StoreOptions) {
    super();
    this.cache = new ParseCache({
      path: options.cacheFile,
      dir: options.dir,
      onDamaged: (reason) => options.logger.warn({ reason }, 'content cache damaged; parsing every file again'),
      onWriteFailed: (err) => options.logger.warn({ err }, 'could not write the content cache'),
      onReread: (reason) => options.logger.warn({ reason }, 'content cache entry lost; brief read from its file'),
      onStartFileRefused: (reason) => options.logger.info({ reason }, 'start file not used; reading every brief from the store'),
    });
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Files marked `draft: true`, relative to the folder. */
  draftFiles(): string[] {
    return [...this.drafts].sort();
  }

  errors(): ContentError[] {
    const groups = this.library.groupProblems().map((p) => ({ ...p, file: this.displayPath(p.file) }));
    const files = [...this.problems.values()].flat().concat(groups);
    return this.folderProblem ? [this.folderProblem, ...files] : files;
  }

  /**
   * The folder is gone or unreadable (a deploy swapping it, a permissions mistake): the last
   * good briefs keep serving and the problem is reported until the folder is back.
   */
  async folderLost(state: 'missing' | 'unreadable'): Promise<ReloadReport> {
    return this.serialized(async () => {
      const message = state === 'missing' ? 'content folder is missing' : 'content folder cannot be read';
      this.folderProblem = { file: this.displayPath(''), path: '', message };
      return this.report([], [this.folderProblem]);
    });
  }

  /** Reads the whole folder and builds the library in one go. */
  async load(): Promise<ReloadReport> {
    return this.serialized(async () => {
      if (this.options.checkInBackground && (await this.loadTrusted())) return this.report([], this.errors());
      const files = await scanContentDir(this.options.dir);
      const stamps = stampsOf(this.options.dir, files);
      await this.cache.load();
      const outcomes = await readThroughCache(this.options.dir, this.cache, files, await stamps, this.options.parseThreads);
      const briefs: Brief[] = [];
      for (const outcome of outcomes) {
        const brief = this.claim(outcome);
        if (brief) briefs.push(brief);
      }
      if (!this.library.replaceAll(briefs, this.cache.takeSavedIndex())) this.cache.indexChanged();
      this.cache.retain(new Set(files));
      this.saveCache(0);
      this.saveIndexWhenReady();
      return this.report([], this.errors());
    });
  }

  /** Serves the cached briefs as they are; false when there is no cache to start from. */
  private async loadTrusted(): Promise<boolean> {
    await this.cache.load();
    const briefs: Brief[] = [];
    for (const cached of this.cache.trusted()) {
      const brief = this.claim(cached.draft ? { file: cached.file, draft: true } : { file: cached.file, brief: cached });
      if (brief) briefs.push(brief);
    }
    if (briefs.length + this.drafts.size === 0) return false;
    if (!this.library.replaceAll(briefs, this.cache.takeSavedIndex())) this.cache.indexChanged();
    this.saveIndexWhenReady();
    // After the indexes are complete, so that what the check changes lands on them as a hot reload would.
    this.checked = this.library
      .textReady()
      .then(() => this.reconcile())
      .catch((err: unknown) => {
        this.options.logger.error({ err }, 'could not check the content folder after a warm start');
        return undefined;
      });
    return true;
  }

  /** Once the search indexes are complete, they are saved with the briefs (unless a change is pending). */
  private saveIndexWhenReady(): void {
    void this.library.textReady().then(() => this.serialized(async () => this.saveCache(0)));
  }

  /** Re-reads the given files (paths relative to the folder) and applies what changed. */
  async reload(files: Iterable<string>): Promise<ReloadReport> {
    const batch = [...new Set(files)];
    return this.serialized(async () => {
      // Files refused for a duplicate slug get another chance: the other file may be gone.
      for (const [file, errs] of this.problems) if (errs.some((e) => e.path === 'slug')) batch.push(file);
      const outcomes = await readThroughCache(this.options.dir, this.cache, [...new Set(batch)].sort(), undefined, this.options.parseThreads);
      const changes: ChangeEvent[] = [];
      const fresh: ContentError[] = [];
      for (const outcome of outcomes) {
        if (outcome.errors && batch.includes(outcome.file)) fresh.push(...outcome.errors);
        const previousSlug = this.fileSlug.get(outcome.file);
        if (outcome.errors) {
          this.problems.set(outcome.file, outcome.errors);
          continue; // the last good version keeps serving
        }
        this.problems.delete(outcome.file);
        if (previousSlug !== undefined && previousSlug !== outcome.brief?.slug) {
          this.release(outcome.file, previousSlug);
          const removed = this.library.remove(previousSlug);
          if (removed) changes.push(removed);
        }
        const brief = this.claim(outcome);
        if (brief) {
          const change = this.library.upsert(brief);
          if (change) changes.push(change);
        }
      }
      this.saveCache(CACHE_SAVE_DELAY_MS);
      return this.report(changes, fresh);
    });
  }

  /**
   * Reloads whatever differs on disk from what was read: files added, changed (size or time)
   * or removed since. Closes the gap between a load and a watcher that became ready later.
   */
  async reconcile(options: { recheckErrors?: boolean } = {}): Promise<ReloadReport> {
    let files: string[];
    try {
      files = await scanContentDir(this.options.dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return this.folderLost(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable');
    }
    this.folderProblem = undefined;
    const stamps = await stampsOf(this.options.dir, files);
    const present = new Set(files);
    const stale = files.filter((file, i) => {
      // A file with an error is re-read on its next edit (its error is already reported), or when the folder came back.
      if (this.problems.has(file)) return options.recheckErrors === true;
      const stamp = stamps[i];
      return !stamp || typeof this.cache.fresh(file, stamp) !== 'object';
    });
    const gone = [...this.fileSlug.keys(), ...this.drafts, ...this.problems.keys()].filter((file) => !present.has(file));
    return this.reload([...stale, ...gone]);
  }

  /** Resolves once the brief store holds every change, writing pending ones now, and records a clean stop. */
  async flushCache(): Promise<void> {
    await this.queue;
    this.cache.flush(true);
  }

  private saveCache(delayMs: number): void {
    this.cache.saveLater(delayMs, () => this.library.savedSearch());
  }

  /** Turns "docs/x.md" into the path an editor sees: "content/docs/x.md". */
  displayPath(file: string): string {
    return displayPathOf(this.options.dir, file);
  }

  private claim(outcome: FileOutcome): Brief | undefined {
    const { file } = outcome;
    this.drafts.delete(file);
    if (outcome.missing) {
      this.problems.delete(file);
      this.cache.delete(file);
      return undefined;
    }
    if (outcome.errors) {
      this.problems.set(file, outcome.errors);
      return undefined;
    }
    if (outcome.draft) {
      this.drafts.add(file);
      return undefined;
    }
    const brief = outcome.brief!;
    const owner = this.slugFile.get(brief.slug);
    if (owner !== undefined && owner !== file) {
      this.problems.set(file, [
        { file: this.displayPath(file), path: 'slug', message: `"${brief.slug}" is already used by ${this.displayPath(owner)}` },
      ]);
      return undefined;
    }
    this.problems.delete(file);
    this.slugFile.set(brief.slug, file);
    this.fileSlug.set(file, brief.slug);
    return brief;
  }

  private release(file: string, slug: string): void {
    this.fileSlug.delete(file);
    if (this.slugFile.get(slug) === file) this.slugFile.delete(slug);
  }

  private report(changes: ChangeEvent[], toLog: readonly ContentError[]): ReloadReport {
    const report: ReloadReport = {
      at: new Date(),
      briefs: this.library.size,
      drafts: this.drafts.size,
      changes,
      errors: this.errors(),
    };
    this.lastReload = report;
    for (const error of toLog) this.options.logger.warn(formatContentError(error));
    this.emit('reload', report);
    return report;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

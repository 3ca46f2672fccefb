import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logger.js';
import type { Brief } from './brief.js';
import { Library, type ChangeEvent } from './library.js';
import { PARSE_OFF_THREAD_FROM_BYTES } from './limits.js';
import { ParseCache, digestOf } from './parse-cache.js';
import { formatContentError, type ContentError } from './parse.js';
import { parseFiles } from './parse-pool.js';
import { displayPathOf, stampOf, stampsOf, type FileRead, type FileStamp } from './read-brief.js';
import { scanContentDir } from './scan.js';

export interface StoreOptions {
  dir: string;
  logger: Logger;
  /** Where parsed briefs are cached between runs; no cache when absent. */
  cacheFile?: string;
  /** Parser threads for large loads; defaults to one per core (at most 4), 0 for none. */
  parseThreads?: number;
}

export interface ReloadReport {
  at: Date;
  briefs: number;
  drafts: number;
  changes: ChangeEvent[];
  /** Every problem currently known in the store, not only in this reload. */
  errors: ContentError[];
}

const CACHE_SAVE_DELAY_MS = 5_000;

type FileOutcome = { file: string; brief?: Brief; draft?: boolean; errors?: ContentError[]; missing?: boolean };

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
  private saving: Promise<void> = Promise.resolve();
  private saveTimer: NodeJS.Timeout | undefined;
  lastReload: ReloadReport | undefined;

  constructor(private readonly options: StoreOptions) {
    super();
    this.cache = new ParseCache(options.cacheFile, (reason) =>
      options.logger.warn({ reason }, 'content cache damaged; parsing every file again'),
    );
  }

  get dir(): string {
    return this.options.dir;
  }

  errors(): ContentError[] {
    const files = [...this.problems.values()].flat();
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
      const files = await scanContentDir(this.options.dir);
      const stamps = stampsOf(this.options.dir, files);
      await this.cache.load();
      const outcomes = await this.readAll(files, await stamps);
      const briefs: Brief[] = [];
      for (const outcome of outcomes) {
        const brief = this.claim(outcome);
        if (brief) briefs.push(brief);
      }
      this.library.replaceAll(briefs);
      this.cache.retain(new Set(files));
      this.saveCache(0);
      return this.report([], this.errors());
    });
  }

  /** Re-reads the given files (paths relative to the folder) and applies what changed. */
  async reload(files: Iterable<string>): Promise<ReloadReport> {
    const batch = [...new Set(files)];
    return this.serialized(async () => {
      // Files refused for a duplicate slug get another chance: the other file may be gone.
      for (const [file, errs] of this.problems) if (errs.some((e) => e.path === 'slug')) batch.push(file);
      const outcomes = await this.readAll([...new Set(batch)].sort());
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

  /** Resolves once the parse cache is on disk, writing a pending one now. */
  async flushCache(): Promise<void> {
    if (this.saveTimer) this.saveCache(0);
    await this.saving;
  }

  /**
   * Writes the cache after `delayMs` of quiet. At 100,000 briefs a write takes about a second
   * of CPU, so a burst of edits is written once rather than after each reload.
   */
  private saveCache(delayMs: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const write = () => {
      this.saveTimer = undefined;
      this.saving = this.saving
        .then(() => this.cache.save())
        .catch((err: unknown) => this.options.logger.warn({ err }, 'could not write the content cache'));
    };
    if (delayMs <= 0) write();
    else this.saveTimer = setTimeout(write, delayMs).unref();
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

  /** Reads files in their given order: unchanged ones from the cache, the rest parsed (on threads when many). */
  private async readAll(files: readonly string[], stamps?: readonly (FileStamp | undefined)[]): Promise<FileOutcome[]> {
    const { dir } = this.options;
    const out: FileOutcome[] = new Array(files.length);
    const position = new Map<string, number>();
    const toParse: string[] = [];
    let largest = 0;
    files.forEach((file, i) => {
      const stamp = stamps ? stamps[i] : stampOf(join(dir, file));
      const cached = this.fromCache(file, stamp);
      if (cached) out[i] = cached;
      else {
        position.set(file, i);
        toParse.push(file);
        largest = Math.max(largest, stamp?.size ?? 0);
      }
    });
    await parseFiles(dir, toParse, {
      ...(this.options.parseThreads === undefined ? {} : { threads: this.options.parseThreads }),
      offThread: largest >= PARSE_OFF_THREAD_FROM_BYTES,
      onRead: (read) => {
        out[position.get(read.file)!] = this.outcomeOf(read);
      },
    });
    return out;
  }

  private fromCache(file: string, stamp: FileStamp | undefined): FileOutcome | undefined {
    if (!stamp) return undefined;
    let brief = this.cache.fresh(file, stamp);
    if (brief === 'check') {
      try {
        brief = this.cache.get(file, digestOf(readFileSync(join(this.options.dir, file))));
      } catch {
        return undefined;
      }
    }
    if (!brief) return undefined;
    // The brief's own path string, so the store's maps do not keep a second copy of every path.
    return brief.draft ? { file: brief.file, draft: true } : { file: brief.file, brief };
  }

  private outcomeOf(read: FileRead): FileOutcome {
    if ('missing' in read) return { file: read.file, missing: true };
    if ('errors' in read) return { file: read.file, errors: read.errors };
    const { brief } = read;
    this.cache.set(brief.file, read.digest, brief, read.stamp);
    return brief.draft ? { file: brief.file, draft: true } : { file: brief.file, brief };
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

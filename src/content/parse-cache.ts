import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Brief } from './brief.js';
import { BriefDb, type HeadRow, type RowWrite } from './brief-db.js';
import { readStartFile, writeStartFile } from './start-file.js';
import { DetailCache } from './detail-cache.js';
import type { FileStamp } from './read-brief.js';
import { StoredBrief, headOf, type BriefDetail, type DetailSource } from './stored-brief.js';
import { briefVersion, rememberVersion } from './version.js';

/** Files changed this close to their row's write may have changed again within one timestamp tick. */
const RACY_MS = 2000;

interface Entry extends FileStamp {
  savedAt: number;
  brief: Brief;
  /** Kept in memory only while the row is not written (or when there is no store). */
  digest?: string;
}

export const digestOf = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('base64url');

export interface ParseCacheOptions {
  /** The store file; without one, parsed briefs stay in memory only. */
  path: string | undefined;
  /** The content folder, to re-read a file whose stored detail cannot be trusted. */
  dir: string;
  /** Told when a store file was there but could not be trusted (it is rebuilt). */
  onDamaged: (reason: string) => void;
  /** Told when writing the store failed (a full disk): the last good store stays. */
  onWriteFailed: (err: unknown) => void;
  /** Told when a brief's stored text had to be read from its file again. */
  onReread: (reason: string) => void;
  /** Told when there is a start file but it cannot be used: the start reads every row of the store instead. */
  onStartFileRefused: (reason: string) => void;
}

/**
 * Parsed briefs keyed by file path, kept in the on-disk brief store so that a restart
 * re-parses only files that changed, and so that only heads stay in memory: the long part
 * of each brief is read from the store when shown. Like git's index, an unchanged size and
 * modification time vouch for unchanged content; files touched just before their row was
 * written are checked by digest.
 */
export class ParseCache implements DetailSource {
  private entries = new Map<string, Entry>();
  private db: BriefDb | undefined;
  private readonly pending = new Map<string, RowWrite>();
  private readonly deletes = new Set<string>();
  private readonly details: DetailCache;
  private saveTimer: NodeJS.Timeout | undefined;
  private indexSource: (() => Buffer | undefined) | undefined;
  private savedIndex: Buffer | undefined;
  /** Whether the start file holds what is served (then writing it again is waste). */
  private indexCurrent = false;
  /**
   * Whether this start found no start file to use. Then one is written as soon as the indexes
   * are complete; otherwise only at a clean stop, since at a million briefs it is a gigabyte.
   */
  private startFileMissing = true;

  constructor(private readonly options: ParseCacheOptions) {
    this.details = new DetailCache(options.dir, options.onReread);
  }

  /** Opens the store and reads every head; a damaged store is rebuilt empty, so nothing wrong is served. */
  async load(): Promise<void> {
    const { path } = this.options;
    if (!path || this.db) return;
    this.db = BriefDb.open(path, this.folder(), this.options.onDamaged);
    try {
      const start = readStartFile(this.startPath(path), this.db.state());
      if ('refused' in start) this.options.onStartFileRefused(start.refused);
      const heads = 'heads' in start ? start.heads : this.db.heads();
      for (const row of heads) this.remember(row);
      this.savedIndex = 'index' in start ? start.index : undefined;
      this.indexCurrent = this.savedIndex !== undefined;
      this.startFileMissing = !this.indexCurrent;
    } catch (error) {
      // A row that fails its checksum, or a page SQLite cannot read: start over from the files.
      this.entries = new Map();
      this.db.close();
      this.options.onDamaged(error instanceof Error ? error.message : String(error));
      this.db = BriefDb.recreate(path, this.folder());
    }
  }

  private remember(row: HeadRow): void {
    const brief = new StoredBrief(row.head, row.id, row.version, this);
    this.entries.set(brief.file, { size: row.size, mtimeMs: row.mtimeMs, savedAt: row.savedAt, brief });
  }

  private startPath(path: string): string {
    return `${path}.start`;
  }

  private folder(): string {
    try {
      return realpathSync(this.options.dir);
    } catch {
      return resolve(this.options.dir);
    }
  }

  detail(brief: StoredBrief): BriefDetail {
    return this.details.get(brief, this.db);
  }

  /** The cached brief when the file's size and time still match, unless that proof is too close to call. */
  fresh(file: string, stamp: FileStamp): Brief | 'check' | undefined {
    const hit = this.entries.get(file);
    if (!hit || hit.size !== stamp.size || hit.mtimeMs !== stamp.mtimeMs) return undefined;
    return hit.mtimeMs >= hit.savedAt - RACY_MS ? 'check' : hit.brief;
  }

  get(file: string, digest: string): Brief | undefined {
    const hit = this.entries.get(file);
    if (!hit) return undefined;
    return (hit.digest ?? this.db?.digest(file)) === digest ? hit.brief : undefined;
  }

  /** The brief now held for a file (after `commit`, the stored one). */
  briefOf(file: string): Brief | undefined {
    return this.entries.get(file)?.brief;
  }

  set(file: string, digest: string, brief: Brief, stamp: FileStamp, version: string): void {
    rememberVersion(brief, version);
    this.letGo(file);
    this.entries.set(file, { digest, brief, size: stamp.size, mtimeMs: stamp.mtimeMs, savedAt: Date.now() });
    if (!this.db) return;
    this.deletes.delete(file);
    this.pending.set(file, { file, digest, version, brief, stamp });
  }

  delete(file: string): void {
    if (!this.entries.has(file)) return;
    this.letGo(file);
    this.entries.delete(file);
    this.pending.delete(file);
    if (this.db) this.deletes.add(file);
  }

  /** Every cached file with its brief, in path order, vouched for by nothing but the cache itself. */
  *trusted(): Generator<Brief> {
    const files = [...this.entries.keys()];
    const sorted = files.every((file, i) => i === 0 || files[i - 1]! < file);
    for (const file of sorted ? files : files.sort()) yield this.entries.get(file)!.brief;
  }

  /**
   * Writes what was parsed and removed since the last write, in one transaction, and from
   * then on holds only the heads of the written briefs. A failed write (a full disk) keeps
   * the last good store and the briefs in memory; the next write tries again.
   */
  commit(): void {
    const db = this.db;
    if (!db || this.pending.size + this.deletes.size === 0) return;
    const rows = [...this.pending.values()];
    let ids: Map<string, number>;
    try {
      ids = db.write(rows, [...this.deletes], Date.now());
    } catch (err) {
      this.options.onWriteFailed(err);
      return;
    }
    this.pending.clear();
    this.deletes.clear();
    this.indexCurrent = false;
    for (const row of rows) {
      const entry = this.entries.get(row.file);
      const id = ids.get(row.file);
      if (!entry || id === undefined || entry.brief !== row.brief) continue;
      const stored = new StoredBrief(headOf(row.brief), id, row.version, this);
      entry.brief = stored;
      delete entry.digest;
    }
  }

  /**
   * Writes pending changes after `delayMs` of quiet, so a burst of edits is one transaction,
   * then the search indexes, which then match the store exactly (none while a write failed).
   */
  saveLater(delayMs: number, searchIndex: () => Buffer | undefined): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.indexSource = searchIndex;
    if (delayMs <= 0) this.flush();
    else this.saveTimer = setTimeout(() => this.flush(), delayMs).unref();
  }

  /** Writes whatever is pending now; `clean` records that the session's writes are done (at a stop). */
  flush(clean = false): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.commit();
    if (!this.db || this.pending.size + this.deletes.size > 0) return;
    try {
      if (!this.indexCurrent && (clean || this.startFileMissing)) this.writeStart(this.db);
    } catch (err) {
      this.options.onWriteFailed(err);
    }
    try {
      if (clean) this.db.markClean();
    } catch (err) {
      this.options.onWriteFailed(err);
    }
  }

  private writeStart(db: BriefDb): void {
    const bytes = this.indexSource?.();
    if (!bytes || !this.options.path) return;
    writeStartFile(this.startPath(this.options.path), db.state(), this.headRows(), bytes);
    this.indexCurrent = true;
    this.startFileMissing = false;
  }

  /** Every entry as the store holds it (all are written when nothing is pending). */
  private *headRows(): Generator<HeadRow> {
    for (const { brief, size, mtimeMs, savedAt } of this.entries.values()) {
      if (!(brief instanceof StoredBrief)) throw new Error(`${brief.file} is not in the store yet`);
      yield { id: brief.row, size, mtimeMs, savedAt, version: briefVersion(brief), head: brief.head() };
    }
  }

  /** The search indexes saved with the store when nothing was written since (once: they are large). */
  takeSavedIndex(): Buffer | undefined {
    const saved = this.savedIndex;
    this.savedIndex = undefined;
    return saved;
  }

  /** The served indexes are not the saved ones (rebuilt, or changed): save them at the next write. */
  indexChanged(): void {
    this.indexCurrent = false;
  }

  /** Keeps only the given files, dropping entries of files that no longer exist. */
  retain(files: ReadonlySet<string>): void {
    for (const file of [...this.entries.keys()]) if (!files.has(file)) this.delete(file);
  }

  /** A stored brief about to lose its row keeps its detail, for readers still holding it. */
  private letGo(file: string): void {
    const brief = this.entries.get(file)?.brief;
    if (brief instanceof StoredBrief) brief.pin();
  }
}

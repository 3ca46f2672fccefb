import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { Brief } from './brief.js';
import type { FileStamp } from './read-brief.js';
import { withOptional, type BriefDetail, type BriefHead } from './stored-brief.js';
import type { StoreState } from './start-file.js';

/** Bumped whenever parsing or the layout changes what a row means, so old stores are rebuilt. */
export const STORE_FORMAT = '9';

/** A file's row as a start reads it: its stamp and the head of its brief, never the long part. */
export interface HeadRow extends FileStamp {
  id: number;
  savedAt: number;
  version: string;
  head: BriefHead;
}

/** One file's parsed brief, to be written. */
export interface RowWrite {
  file: string;
  digest: string;
  version: string;
  brief: Brief;
  stamp: FileStamp;
}

/** The store could not be trusted; the caller rebuilds it. */
export class StoreDamaged extends Error {}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
  id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, mtime REAL NOT NULL,
  saved_at REAL NOT NULL, version TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL, topics TEXT NOT NULL,
  published TEXT NOT NULL, updated TEXT, lang TEXT NOT NULL, translation_of TEXT, aliases TEXT, publisher TEXT NOT NULL,
  url TEXT NOT NULL, draft INTEGER NOT NULL, head_sum INTEGER NOT NULL, digest TEXT NOT NULL);
CREATE TABLE details (id INTEGER PRIMARY KEY, summary TEXT NOT NULL, facts TEXT NOT NULL, sources TEXT NOT NULL,
  body TEXT NOT NULL, sum INTEGER NOT NULL);
INSERT INTO meta (key, value) VALUES ('generation', '0');
`;

/** CRC-32 (zlib's, native) over the parts and their separators: SQLite keeps no checksum of its own rows. */
export function checksum(parts: readonly (string | number | null)[]): number {
  let sum = 0;
  for (const part of parts) sum = crc32(SEPARATOR, crc32(part === null ? NULL : String(part), sum));
  return sum;
}

const NULL = '\u0000';
const SEPARATOR = '\u001f';

/** Lists are stored one item a line; topic keys and aliases are normalised words, never multi-line. */
const joinList = (list: readonly string[] | undefined): string | null => (list === undefined ? null : list.join('\n'));
const splitList = (text: string | null): string[] | undefined => (text === null ? undefined : text === '' ? [] : text.split('\n'));

type HeadColumns = [string, number, number, number, string, string, string, string, string, string | null, string, string | null, string | null, string, string, number];

function headColumns(file: string, stamp: FileStamp, savedAt: number, version: string, brief: Brief): HeadColumns {
  return [
    file, stamp.size, stamp.mtimeMs, savedAt, version, brief.slug, brief.title, joinList(brief.topics)!, brief.published,
    brief.updated ?? null, brief.lang, brief.translationOf ?? null, joinList(brief.aliases), brief.publisher, brief.url, brief.draft ? 1 : 0,
  ];
}

/**
 * The parsed briefs on disk, in SQLite: a table of heads (what a start loads) and one of details
 * (read when a brief is shown). SQLite gives atomic writes that survive a crash or a full disk
 * (the last committed store stays), reads of one row in microseconds without loading the rest,
 * and ships in the project already; every row carries a checksum, since SQLite has none.
 */
export class BriefDb {
  private readonly readDetail: BetterSqlite3.Statement;
  private readonly readDigest: BetterSqlite3.Statement;
  private readonly setClean: BetterSqlite3.Statement;
  private readonly writeRows: (rows: readonly RowWrite[], deletes: readonly string[], savedAt: number) => Map<string, number>;

  private constructor(private readonly db: BetterSqlite3.Database) {
    this.readDetail = db.prepare('SELECT summary, facts, sources, body, sum FROM details WHERE id = ?').raw();
    this.readDigest = db.prepare('SELECT digest FROM files WHERE file = ?').raw();
    const removeDetail = db.prepare('DELETE FROM details WHERE id = (SELECT id FROM files WHERE file = ?)');
    const removeFile = db.prepare('DELETE FROM files WHERE file = ?');
    const insertFile = db.prepare(
      `INSERT INTO files (file, size, mtime, saved_at, version, slug, title, topics, published, updated, lang,
         translation_of, aliases, publisher, url, draft, head_sum, digest) VALUES (${Array(18).fill('?').join(', ')})`,
    );
    const insertDetail = db.prepare('INSERT INTO details (id, summary, facts, sources, body, sum) VALUES (?, ?, ?, ?, ?, ?)');
    this.setClean = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('clean', ?)");
    const nextGeneration = db.prepare("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'");
    this.writeRows = db.transaction((rows: readonly RowWrite[], deletes: readonly string[], savedAt: number) => {
      const ids = new Map<string, number>();
      nextGeneration.run();
      this.setClean.run('0');
      for (const file of deletes) {
        removeDetail.run(file);
        removeFile.run(file);
      }
      for (const { file, digest, version, brief, stamp } of rows) {
        removeDetail.run(file);
        removeFile.run(file);
        const head = headColumns(file, stamp, savedAt, version, brief);
        const id = Number(insertFile.run(...head, checksum(head), digest).lastInsertRowid);
        const detail = [brief.summary, JSON.stringify(brief.facts), JSON.stringify(brief.sources), brief.body] as const;
        insertDetail.run(id, ...detail, checksum(detail));
        ids.set(file, id);
      }
      return ids;
    });
  }

  /**
   * Opens the store, or creates it. One that is truncated, from another version, damaged or
   * not a store at all is deleted and created empty, and `onDamaged` says why.
   */
  static open(path: string, folder: string, onDamaged: (reason: string) => void): BriefDb {
    mkdirSync(dirname(path), { recursive: true });
    try {
      return BriefDb.openExisting(path, folder);
    } catch (error) {
      onDamaged(error instanceof Error ? error.message : String(error));
      return BriefDb.recreate(path, folder);
    }
  }

  /** Deletes the store file and creates it empty. */
  static recreate(path: string, folder: string): BriefDb {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    return BriefDb.openExisting(path, folder);
  }

  /** `folder` is the content folder's real path: a store is only good for the folder it was built from. */
  private static openExisting(path: string, folder: string): BriefDb {
    const db = new BetterSqlite3(path);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = NORMAL');
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n === 0) {
        db.exec(SCHEMA);
        db.prepare("INSERT INTO meta (key, value) VALUES ('format', ?), ('folder', ?), ('store', ?)").run(STORE_FORMAT, folder, randomUUID());
        return new BriefDb(db);
      }
      const pages = Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
      if (pages !== statSync(path).size) throw new StoreDamaged(`store file is ${statSync(path).size} bytes, expected ${pages}`);
      const format = db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get() as string | undefined;
      if (format !== STORE_FORMAT) throw new StoreDamaged(`store format ${String(format)}, expected ${STORE_FORMAT}`);
      const builtFrom = db.prepare("SELECT value FROM meta WHERE key = 'folder'").pluck().get() as string | undefined;
      if (builtFrom !== folder) throw new StoreDamaged(`store was built from ${String(builtFrom)}, not ${folder}`);
      // A store its last writer closed cleanly was whole then; one left by a crash gets SQLite's full check.
      const clean = db.prepare("SELECT value FROM meta WHERE key = 'clean'").pluck().get() === '1';
      const check = clean ? 'ok' : db.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') throw new StoreDamaged(`quick_check: ${String(check)}`);
      return new BriefDb(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Every row's head, checked against its checksum; throws StoreDamaged on the first that fails. */
  *heads(): Generator<HeadRow> {
    const rows = this.db
      .prepare(
        `SELECT file, size, mtime, saved_at, version, slug, title, topics, published, updated, lang, translation_of,
           aliases, publisher, url, draft, head_sum, id FROM files`,
      )
      .raw()
      .iterate() as IterableIterator<[...HeadColumns, number, number]>;
    for (const row of rows) {
      const [file, size, mtimeMs, savedAt, version, slug, title, topics, published, updated, lang, translationOf, aliases, publisher, url, draft, sum, id] = row;
      if (checksum(row.slice(0, 16) as HeadColumns) !== sum) throw new StoreDamaged(`row of ${file} fails its checksum`);
      const head = withOptional(
        { slug, title, topics: splitList(topics)!, published, lang, publisher, url, draft: draft === 1, file },
        { updated, translationOf, aliases: splitList(aliases) },
      );
      yield { id, size, mtimeMs, savedAt, version, head };
    }
  }

  /** The long part of a brief; undefined when its row is gone or fails its checksum. */
  detail(id: number): BriefDetail | undefined {
    let row: [string, string, string, string, number] | undefined;
    try {
      row = this.readDetail.get(id) as typeof row;
    } catch {
      return undefined; // the file was damaged under us: the caller reads the brief's file
    }
    if (!row || checksum(row.slice(0, 4) as string[]) !== row[4]) return undefined;
    return { summary: row[0], facts: JSON.parse(row[1]) as string[], sources: JSON.parse(row[2]) as Brief['sources'], body: row[3] };
  }

  /** This store and how many writes it has had: a start file is good for exactly one such state. */
  state(): StoreState {
    const value = (key: string) => this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string;
    return { store: value('store'), generation: Number(value('generation')) };
  }

  digest(file: string): string | undefined {
    try {
      return (this.readDigest.get(file) as [string] | undefined)?.[0];
    } catch {
      return undefined;
    }
  }

  /** Writes parsed briefs and removes files, in one transaction; returns each written file's row. */
  write(rows: readonly RowWrite[], deletes: readonly string[], savedAt: number): Map<string, number> {
    return this.writeRows(rows, deletes, savedAt);
  }

  /** Records that every write of this session is done, so the next start can skip the full check. */
  markClean(): void {
    this.setClean.run('1');
  }

  close(): void {
    this.db.close();
  }
}

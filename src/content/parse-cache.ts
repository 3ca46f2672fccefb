import { createHash, webcrypto } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Brief } from './brief.js';
import type { FileStamp } from './read-brief.js';
import { briefVersion, rememberVersion } from './version.js';

/** Bumped whenever parsing changes what a file gives, so old entries are not trusted. */
const FORMAT = 5;
/** The file starts with these bytes, then the SHA-256 of the rest, then the serialised entries. */
const MAGIC = Buffer.from('BBPC');
const HEADER = MAGIC.length + 32;
/** Files changed this close to a cache write may have changed again within one timestamp tick. */
const RACY_MS = 2000;

interface Entry extends FileStamp {
  digest: string;
  version: string;
  brief: Brief;
}

interface CacheFile {
  format: number;
  savedAt: number;
  /** Keyed by `brief.file` when loaded, so the path string is held once. */
  entries: Entry[];
}

export const digestOf = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('base64url');

/**
 * Parsed briefs keyed by file path and content digest, so that a restart re-parses only
 * files that changed. Like git's index, an unchanged size and modification time vouch for
 * unchanged content, so a warm start reads no file that was not touched; files touched
 * just before the cache was written are checked by digest. A missing or unreadable cache
 * just means a cold start.
 */
export class ParseCache {
  private entries = new Map<string, Entry>();
  private savedAt = 0;
  private dirty = false;

  constructor(
    private readonly path: string | undefined,
    /** Told when a cache file was there but could not be trusted. */
    private readonly onDamaged?: (reason: string) => void,
  ) {}

  /**
   * Reads the cache; one that is damaged (flipped bytes, truncated, another version) is
   * dropped whole, so a cold parse replaces it and nothing wrong is ever served.
   */
  async load(): Promise<void> {
    if (!this.path) return;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch {
      return; // no cache yet
    }
    try {
      if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a parse cache');
      const payload = bytes.subarray(HEADER);
      // The digest runs on the I/O threads while this thread deserialises; a mismatch discards the result.
      const digest = webcrypto.subtle.digest('SHA-256', payload);
      const data = deserialize(payload) as CacheFile;
      if (!Buffer.from(await digest).equals(bytes.subarray(MAGIC.length, HEADER))) throw new Error('checksum mismatch');
      if (data.format !== FORMAT || !Array.isArray(data.entries)) throw new Error(`format ${String(data.format)}`);
      this.savedAt = data.savedAt;
      for (const entry of data.entries) {
        rememberVersion(entry.brief, entry.version);
        this.entries.set(entry.brief.file, entry);
      }
    } catch (error) {
      this.entries = new Map();
      this.savedAt = 0;
      this.onDamaged?.(error instanceof Error ? error.message : String(error));
    }
  }

  /** The cached brief when the file's size and time still match, unless that proof is too close to call. */
  fresh(file: string, stamp: FileStamp): Brief | 'check' | undefined {
    const hit = this.entries.get(file);
    if (!hit || hit.size !== stamp.size || hit.mtimeMs !== stamp.mtimeMs) return undefined;
    return hit.mtimeMs >= this.savedAt - RACY_MS ? 'check' : hit.brief;
  }

  get(file: string, digest: string): Brief | undefined {
    const hit = this.entries.get(file);
    return hit?.digest === digest ? hit.brief : undefined;
  }

  set(file: string, digest: string, brief: Brief, stamp: FileStamp): void {
    this.entries.set(file, { digest, version: briefVersion(brief), brief, size: stamp.size, mtimeMs: stamp.mtimeMs });
    this.dirty = true;
  }

  delete(file: string): void {
    this.dirty = this.entries.delete(file) || this.dirty;
  }

  /** Keeps only the given files, dropping entries of files that no longer exist. */
  retain(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!files.has(file)) this.delete(file);
  }

  async save(): Promise<void> {
    if (!this.path || !this.dirty) return;
    this.dirty = false;
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    const data: CacheFile = { format: FORMAT, savedAt: Date.now(), entries: [...this.entries.values()] };
    const payload = serialize(data);
    const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', payload));
    await writeFile(tmp, [MAGIC, digest, payload]);
    await rename(tmp, this.path);
  }
}

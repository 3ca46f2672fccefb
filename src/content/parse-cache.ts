import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Brief } from './brief.js';

const FORMAT = 1;

interface CacheFile {
  format: number;
  entries: Map<string, { digest: string; brief: Brief }>;
}

export const digestOf = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('base64url');

/**
 * Parsed briefs keyed by file path and content digest, so that a restart re-parses
 * only files that changed. A missing or unreadable cache just means a cold start.
 */
export class ParseCache {
  private entries = new Map<string, { digest: string; brief: Brief }>();
  private dirty = false;

  constructor(private readonly path: string | undefined) {}

  async load(): Promise<void> {
    if (!this.path) return;
    try {
      const data = deserialize(await readFile(this.path)) as CacheFile;
      if (data.format === FORMAT && data.entries instanceof Map) this.entries = data.entries;
    } catch {
      this.entries = new Map();
    }
  }

  get(file: string, digest: string): Brief | undefined {
    const hit = this.entries.get(file);
    return hit?.digest === digest ? hit.brief : undefined;
  }

  set(file: string, digest: string, brief: Brief): void {
    this.entries.set(file, { digest, brief });
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
    await writeFile(tmp, serialize({ format: FORMAT, entries: this.entries } satisfies CacheFile));
    await rename(tmp, this.path);
  }
}

import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readBrief, type FileRead } from './read-brief.js';

/** Below this many files, threads cost more to start than they save. */
export const THREADS_FROM = 2000;
const BATCH = 250;

export interface ParseOptions {
  /** Parser threads; defaults to one per core, at most 4. 0 parses on this thread. */
  threads?: number;
  /** Parse on a thread even when the files are few (large files: replies must not wait). */
  offThread?: boolean;
  /** Called as results arrive, in no particular order. */
  onRead: (read: FileRead) => void;
}

/**
 * Reads and parses many files, on worker threads when there are enough of them: YAML
 * parsing is most of a cold start, and it spreads over cores. Falls back to this thread
 * when threads cannot start (for instance when the code runs untranspiled in a test runner).
 */
export async function parseFiles(
  dir: string,
  files: readonly string[],
  options: ParseOptions,
): Promise<{ onThreads: number }> {
  const threads = options.threads ?? Math.min(4, availableParallelism());
  const total = files.length;
  if (threads > 0 && (total >= THREADS_FROM || (options.offThread && total > 0))) {
    files = await parseOnThreads(dir, files, Math.min(threads, Math.ceil(total / BATCH)), options.onRead);
  }
  for (const file of files) options.onRead(readBrief(dir, file));
  return { onThreads: total - files.length };
}

/**
 * The parser thread. Run from TypeScript sources (tsx), a thread does not inherit the
 * loader hooks, so it registers tsx itself before importing the worker module.
 */
function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./parse-worker${ext === '.ts' ? '.ts' : '.js'}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true });
}

/** Resolves with the files no thread got to (all of them when threads failed to start). */
function parseOnThreads(dir: string, files: readonly string[], threads: number, onRead: (read: FileRead) => void) {
  return new Promise<readonly string[]>((resolve) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const unfinished: string[] = [];
    const done = () => {
      if (running > 0) return;
      unfinished.push(...files.slice(next));
      resolve(unfinished);
    };
    for (let t = 0; t < threads; t++) {
      let worker: Worker;
      try {
        worker = startWorker();
      } catch {
        failed = true;
        continue;
      }
      let current: readonly string[] = [];
      running++;
      const feed = () => {
        if (failed || next >= files.length) {
          current = [];
          void worker.terminate();
          return;
        }
        current = files.slice(next, next + BATCH);
        next += current.length;
        worker.postMessage({ dir, files: current });
      };
      worker.on('message', (reads: FileRead[]) => {
        for (const read of reads) onRead(read);
        feed();
      });
      worker.on('error', () => {
        failed = true;
        unfinished.push(...current);
        current = [];
      });
      worker.on('exit', () => {
        running--;
        done();
      });
      feed();
    }
    done();
  });
}

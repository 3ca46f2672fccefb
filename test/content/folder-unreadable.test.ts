import { fork, type ChildProcess } from 'node:child_process';
import { chmod, chown, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

type Report = { briefs: number; errors: string[] };
const NOBODY = 65_534;
const children: ChildProcess[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** The first message from the child that satisfies `check`, or a failure after `ms`. */
function message<T>(child: ChildProcess, check: (m: T) => boolean, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching message within ${ms} ms`)), ms);
    const listener = (m: unknown) => {
      if (!check(m as T)) return;
      clearTimeout(timer);
      child.off('message', listener);
      resolve(m as T);
    };
    child.on('message', listener);
    child.once('exit', (code) => reject(new Error(`watcher process exited with ${code}`)));
  });
}

describe('the watcher and an unreadable content folder', () => {
  it('reports the folder unreadable while serving the last good briefs, then reconciles when it is readable again', async () => {
    const root = await tempDir();
    roots.push(root);
    const dir = join(root, 'content');
    await writeFiles(dir, { 'one.md': briefFile({ title: 'One', topics: '[one]' }), 'broken.md': briefFile({ url: 'nope' }) });
    // Root reads every folder whatever its mode, so the watcher runs as nobody then.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      await chown(root, NOBODY, NOBODY);
      for (const path of [dir, join(dir, 'one.md'), join(dir, 'broken.md')]) await chown(path, NOBODY, NOBODY);
    }
    const child = fork(fileURLToPath(new URL('../helpers/watch-child.ts', import.meta.url)), [dir], {
      execArgv: ['--import', 'tsx'],
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    children.push(child);
    await message(child, (m) => m === 'watching');

    const lost = message<Report>(child, (r) => r.errors.includes('content folder cannot be read'));
    await chmod(dir, 0o000);
    expect((await lost).briefs).toBe(1);

    const back = message<Report>(child, (r) => r.errors.length === 0 && r.briefs === 2);
    await rm(join(dir, 'broken.md')).catch(() => undefined); // root can, while it is unreadable to the watcher
    await writeFile(join(dir, 'two.md'), briefFile({ title: 'Two', topics: '[two]' }));
    if (asRoot) await chown(join(dir, 'two.md'), NOBODY, NOBODY);
    await chmod(dir, 0o755);
    expect(await back).toEqual({ briefs: 2, errors: [] });
  }, 60_000);
});

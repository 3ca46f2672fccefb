import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatContentError, type ContentError } from '../../src/content/parse.js';
import { ContentStore } from '../../src/content/store.js';
import { watchContent } from '../../src/content/watch.js';
import { silentLogger } from '../../src/core/logger.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';
import { reloadWhere } from '../helpers/reload-events.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function folders() {
  const root = await tempDir();
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'content');
  const outside = join(root, 'outside');
  await writeFiles(dir, {
    'home.md': briefFile({ title: 'Home story', topics: '[home]' }),
    'drafts/linked-story.txt': briefFile({ title: 'Linked story', topics: '[linked]' }),
  });
  await writeFiles(outside, { 'secret.md': briefFile({ title: 'Secret outside', topics: '[secret]' }) });
  return { dir, outside };
}

const newStore = (dir: string) => new ContentStore({ dir, logger: silentLogger() });

const mentions = (errors: readonly ContentError[], file: string) =>
  errors.filter((e) => e.file.endsWith(file)).map(formatContentError);

/** Every link the attack used: a loop, a file outside, a folder outside, and a brief linked inside. */
async function makeLinks(dir: string, outside: string): Promise<void> {
  await mkdir(join(dir, 'sub'), { recursive: true });
  await symlink(dir, join(dir, 'sub', 'loop'));
  await symlink(join(outside, 'secret.md'), join(dir, 'x.md'));
  await symlink(outside, join(dir, 'elsewhere'));
  await symlink(join(dir, 'drafts', 'linked-story.txt'), join(dir, 'linked-story.md'));
}

function expectTheRule(store: ContentStore): void {
  expect([...store.library.all()].map((b) => b.slug).sort()).toEqual(['home', 'linked-story']);
  expect(store.library.get('secret')).toBeUndefined();
  expect(mentions(store.errors(), 'x.md')).toEqual([
    expect.stringMatching(/x\.md is a link that leads outside the content folder; such links are not followed$/),
  ]);
  expect(store.errors()).toHaveLength(1);
}

describe('symbolic links: one rule at start-up and while watching', () => {
  it('at start-up: serves a brief linked inside, refuses a file linked from outside, never enters linked folders', async () => {
    const { dir, outside } = await folders();
    await makeLinks(dir, outside);
    const store = newStore(dir);
    await store.load();
    expectTheRule(store);
  });

  it('while running: the same links give the same briefs and errors, and a loop does not stop hot reload', async () => {
    const { dir, outside } = await folders();
    const store = newStore(dir);
    await store.load();
    cleanups.push(await watchContent(store, { logger: silentLogger() }));
    const settled = reloadWhere(store, (r) => r.briefs === 2 && r.errors.length === 1);
    await makeLinks(dir, outside);
    await settled;
    expectTheRule(store);

    const added = reloadWhere(store, (r) => r.changes.some((c) => c.brief.slug === 'after-loop'));
    await writeFile(join(dir, 'sub', 'after-loop.md'), briefFile({ title: 'After the loop', topics: '[later]' }));
    await added;
    expect(store.library.get('after-loop')?.file).toBe('sub/after-loop.md');

    const restarted = newStore(dir);
    await restarted.load();
    expect([...restarted.library.all()].map((b) => b.slug).sort()).toEqual([...store.library.all()].map((b) => b.slug).sort());
    expect(restarted.errors()).toEqual(store.errors());
  });
});

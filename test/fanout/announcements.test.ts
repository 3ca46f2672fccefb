import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/content/brief.js';
import { Library } from '../../src/content/library.js';
import { announceCurrent, catchUp } from '../../src/fanout/announcements.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { makeBrief } from '../helpers/briefs.js';
import { memoryLogger, type LogLine } from '../helpers/memory-logger.js';

const water = (slug: string, extra: Partial<Brief> = {}) => makeBrief({ slug, topics: ['water'], ...extra });
const chat = (chatId: string) => ({ platform: 'telegram' as const, chatId });

describe('announcements: what is owed to whom, and what the log says', () => {
  let dir: string;
  let store: SqliteStore;
  let lines: LogLine[];
  let parts: (library: Library) => Parameters<typeof catchUp>[0];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'announce-'));
    store = openSqliteStore(join(dir, 'briefbot.db'));
    const log = memoryLogger();
    lines = log.lines;
    parts = (library) => ({ store, library, logger: log.logger });
    await store.subscribe(chat('a'), 'water', 'u1');
    await store.subscribe(chat('b'), 'water', 'u1');
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('catching up queues each new brief for its chats and logs how many briefs and chats', async () => {
    await catchUp(parts(new Library([water('dams'), makeBrief({ slug: 'glaciers', topics: ['ice'] })])));
    expect(await store.countPending(['telegram'])).toBe(2);
    expect(lines.map((l) => [l.msg, l.slug, l.chats, l.briefs, l.label])).toEqual([
      ['brief queued for subscribed chats', 'dams', 2, undefined, 'New'],
      ['briefs changed since the last run', undefined, undefined, 2, undefined],
    ]);
  });

  it('catching up with nothing changed writes no log line', async () => {
    const library = new Library([water('dams')]);
    await catchUp(parts(library));
    lines.length = 0;
    await catchUp(parts(library));
    expect(lines).toEqual([]);
  });

  it('announces the current version once, as New and then as Updated after an edit', async () => {
    await announceCurrent(parts(new Library([water('dams')])), 'dams');
    await announceCurrent(parts(new Library([water('dams')])), 'dams');
    await announceCurrent(parts(new Library([water('dams', { summary: 'An edit.' })])), 'dams');
    expect(lines.map((l) => [l.label, l.chats])).toEqual([
      ['New', 2],
      ['Updated', 2],
    ]);
  });

  it('announces nothing for a brief that is not in the library, even one announced before', async () => {
    await announceCurrent(parts(new Library([water('dams')])), 'gone');
    expect(await store.knownVersion('gone')).toBeUndefined();
    await announceCurrent(parts(new Library([water('dams')])), 'dams');
    lines.length = 0;
    await announceCurrent(parts(new Library([])), 'dams');
    expect(lines).toEqual([]);
  });
});

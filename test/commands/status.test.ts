import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { MemoryAdapter } from '../fanout/helpers/memory-adapter.js';
import {
  groupChat,
  replyText,
  run,
  startTestApp,
  tempPlace,
  writeBrief,
  briefText,
  type TestPlace,
  removePlace,
} from '../fanout/helpers/test-app.js';

describe('/status', () => {
  let place: TestPlace;
  let app: App;
  /** The operators' home chat: its moderators see operator-only information. */
  const g1 = groupChat('-1001');
  const OPERATOR = '4242';
  const env = { HOME_CHAT_TELEGRAM: '-1001', OPERATORS_TELEGRAM: `7,${OPERATOR}` };

  beforeEach(async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'] });
    await writeBrief(place, 'glaciers', { title: 'Glaciers retreat', topics: ['glaciers'] });
    await writeFile(join(place.contentDir, 'broken.md'), '---\ntitle: Broken: a colon\n---\n');
    app = await startTestApp(place, { adapters: [new MemoryAdapter('telegram')], watch: false, env });
  });

  afterEach(async () => {
    await app.stop();
    await removePlace(place);
  });

  it('is for moderators only', async () => {
    expect(await run(app, g1, 'status', {}, false)).toMatchObject({ code: 'not_moderator' });
  });

  it('reports briefs, the last reload and its errors, this chat and the platforms', async () => {
    await run(app, g1, 'subscribe', { topic: 'water' });
    await run(app, g1, 'subscribe', { topic: 'glaciers' });
    const text = replyText(await run(app, g1, 'status'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Briefs loaded: 2');
    expect(lines[1]).toMatch(/^Last reload: \d{4}-\d\d-\d\d \d\d:\d\d UTC, \d+ content errors?:$/);
    expect(text).toMatch(/broken\.md:2:1 title: put the title in quotes, because it contains a colon/);
    expect(text).toContain('This chat follows: glaciers, water');
    expect(text).toMatch(/Platforms:\n {2}• telegram: up since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(lines.at(-1)).toBe(`Instance: ${app.leadership.instanceId} (the leader: it sends the updates)`);
  });

  it('lists at most five content errors', async () => {
    await app.stop();
    for (let i = 0; i < 7; i++) await writeFile(join(place.contentDir, `bad-${i}.md`), 'no front matter');
    app = await startTestApp(place, { watch: false, env });
    const text = replyText(await run(app, g1, 'status'));
    const count = app.store.errors().length;
    expect(count).toBeGreaterThanOrEqual(8);
    expect(text).toContain(`${count} content errors:`);
    expect(text.split('\n').filter((l) => l.startsWith('  • ') && l.includes('.md'))).toHaveLength(5);
    expect(text).toContain(`…and ${count - 5} more (npm run content:check lists them all)`);
    expect(text).toContain('This chat follows: no topics');
    expect(text).toContain('  • none running');
  });

  describe('operator-only information', () => {
    const privateChat = (id: string) => ({ id, kind: 'private' as const, platform: 'telegram' as const });

    beforeEach(async () => {
      await rm(join(place.contentDir, 'broken.md'));
      await mkdir(join(place.contentDir, 'drafts'));
      await writeFile(join(place.contentDir, 'drafts', 'secret-plan.md'), 'no front matter');
      await writeBrief(place, 'dupe', { topics: ['dupe'] });
      await writeFile(
        join(place.contentDir, 'drafts', 'dupe-copy.md'),
        briefText({ topics: ['dupe'] }).replace('---\n', '---\nslug: dupe\n'),
      );
      await app.stop();
      app = await startTestApp(place, { adapters: [new MemoryAdapter('telegram')], watch: false, env });
    });

    it('shows a stranger in a private chat no file names, paths or errors', async () => {
      // In a private chat everyone is the moderator of their own chat.
      const text = replyText(await run(app, privateChat('555'), 'status', {}, true, '555'));
      expect(text).toMatch(/^Briefs loaded: \d+\nLast reload: \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/);
      expect(text).toContain('This chat follows: no topics');
      for (const secret of ['.md', 'secret-plan', 'drafts', 'error', place.root, place.contentDir, 'content/'])
        expect(text).not.toContain(secret);
    });

    it('shows a moderator of a group other than the home chat no errors either', async () => {
      const text = replyText(await run(app, groupChat('-1002'), 'status', {}, true, '555'));
      expect(text).not.toContain('.md');
      expect(text).not.toContain('error');
    });

    it('shows an operator the errors with paths relative to the content folder', async () => {
      const text = replyText(await run(app, privateChat(OPERATOR), 'status', {}, true, OPERATOR));
      const errorLines = text.split('\n').filter((l) => l.startsWith('  • ') && l.includes('.md'));
      expect(errorLines).toHaveLength(2);
      expect(text).toContain('  • drafts/secret-plan.md');
      expect(text).toMatch(/is already used by (drafts\/dupe-copy|dupe)\.md/);
      expect(text).not.toContain(place.root);
      expect(text).not.toContain('content/');
    });

    it('lets the terminal user see everything', async () => {
      const text = replyText(await run(app, { id: 'console', kind: 'private', platform: 'console' }, 'status'));
      expect(text).toContain('  • drafts/secret-plan.md');
    });
  });
});

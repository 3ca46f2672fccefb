import { writeFile } from 'node:fs/promises';
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
  type TestPlace,
  removePlace,
} from '../fanout/helpers/test-app.js';

describe('/status', () => {
  let place: TestPlace;
  let app: App;
  const g1 = groupChat('g1');

  beforeEach(async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'] });
    await writeBrief(place, 'glaciers', { title: 'Glaciers retreat', topics: ['glaciers'] });
    await writeFile(join(place.contentDir, 'broken.md'), '---\ntitle: Broken: a colon\n---\n');
    app = await startTestApp(place, { adapters: [new MemoryAdapter('telegram')], watch: false });
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
    app = await startTestApp(place, { watch: false });
    const text = replyText(await run(app, g1, 'status'));
    const count = app.store.errors().length;
    expect(count).toBeGreaterThanOrEqual(8);
    expect(text).toContain(`${count} content errors:`);
    expect(text.split('\n').filter((l) => l.startsWith('  • ') && l.includes('.md'))).toHaveLength(5);
    expect(text).toContain(`…and ${count - 5} more (npm run content:check lists them all)`);
    expect(text).toContain('This chat follows: no topics');
    expect(text).toContain('  • none running');
  });
});

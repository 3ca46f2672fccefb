import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Caller } from '../../src/core/types.js';
import { MemoryAdapter } from '../fanout/helpers/memory-adapter.js';
import {
  groupChat,
  removePlace,
  replyText,
  run,
  startTestApp,
  tempPlace,
  waitFor,
  writeBrief,
  type TestPlace,
} from '../fanout/helpers/test-app.js';

const moderator: Caller = { id: 'u1', name: 'Mod', isModerator: true };

describe('/subscribe <topic> [format] [previews]', () => {
  let place: TestPlace;
  let app: App;
  let telegram: MemoryAdapter;
  const g1 = groupChat('g1');
  const typed = (line: string, chat = g1) => {
    const [command, ...rest] = line.slice(1).split(' ');
    return app.bot.handleLine({ command: command!, rest: rest.join(' ') }, moderator, chat);
  };
  const styles = async (chatId: string) =>
    (await app.data.subscriptionsOf({ platform: 'telegram', chatId })).map((s) => [s.topic, s.format, s.linkPreviews]);

  beforeEach(async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { title: 'Aral Sea shrinks', topics: ['aral-sea', 'water'] });
    telegram = new MemoryAdapter('telegram');
    app = await startTestApp(place, { adapters: [telegram] });
  });

  afterEach(async () => {
    await app.stop();
    await removePlace(place);
  });

  it('stores the format typed after a topic of several words, shows it, and changes it on subscribing again', async () => {
    expect(replyText(await typed('/subscribe Aral Sea compact'))).toBe(
      'This chat now follows aral-sea (compact): new and updated briefs on it will be posted here.',
    );
    expect(await styles('g1')).toEqual([['aral-sea', 'compact', true]]);
    expect(replyText(await typed('/subscribe aral-sea headline off'))).toBe(
      'Updates on aral-sea now come here as headline, no link previews.',
    );
    // what is left out stays as it was
    expect(replyText(await typed('/subscribe aral-sea'))).toBe(
      'This chat already follows aral-sea (headline, no link previews); nothing changed.',
    );
    expect(replyText(await typed('/subscribe aral-sea OFF FULL'))).toBe(
      'Updates on aral-sea now come here as full, no link previews.',
    );
    await typed('/subscribe water');
    expect(replyText(await typed('/subscriptions'))).toBe(
      [
        'This chat follows 2 topics:',
        '  • aral-sea (full, no link previews)',
        '  • water',
        '',
        'New and updated briefs on them are posted here.',
      ].join('\n'),
    );
  });

  it('answers a format that does not exist with the ones that do, and stores nothing', async () => {
    const reply = await run(app, g1, 'subscribe', { topic: 'water', format: 'tiny' });
    expect(reply).toMatchObject({ kind: 'text', tone: 'usage' });
    expect(replyText(reply)).toContain('format must be one of: full, compact, headline.');
    const previews = await run(app, g1, 'subscribe', { topic: 'water', previews: 'maybe' });
    expect(replyText(previews)).toContain('previews must be one of: on, off.');
    // typed, an unknown word is part of the topic, which then does not exist
    expect(await typed('/subscribe water tiny')).toMatchObject({ tone: 'error', code: 'unknown_topic' });
    expect(await styles('g1')).toEqual([]);
  });

  it('delivers each chat the format it asked for', async () => {
    await typed('/subscribe water compact', groupChat('g1'));
    await typed('/subscribe water headline off', groupChat('g2'));
    await typed('/subscribe water', groupChat('g3'));
    // a chat that follows two topics of the brief gets the fuller of its formats
    await typed('/subscribe water headline', groupChat('g4'));
    await typed('/subscribe aral-sea compact', groupChat('g4'));
    await writeBrief(place, 'dams', { title: 'New dams', topics: ['water', 'dams', 'aral-sea'] });
    await waitFor(() => telegram.sent.length === 4, 10_000, 'four deliveries');
    await app.fanout.idle();
    const got = Object.fromEntries(
      telegram.sent.map((s) => [
        s.chatId,
        s.reply.kind === 'brief' ? [s.reply.brief.slug, s.reply.format, s.reply.linkPreviews] : s.reply.kind,
      ]),
    );
    expect(got).toEqual({
      g1: ['dams', 'compact', true],
      g2: ['dams', 'headline', false],
      g3: ['dams', 'full', true],
      g4: ['dams', 'compact', true],
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreCommands } from '../../commands/index.js';
import { MAX_SUBSCRIPTIONS_PER_CHAT } from '../../commands/subscribe.js';
import type { App } from '../../src/app.js';
import { Library } from '../../src/content/library.js';
import { Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Chat } from '../../src/core/types.js';
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

const privateChat: Chat = { id: 'p1', kind: 'private', platform: 'telegram' };

describe('/subscribe, /unsubscribe, /subscriptions', () => {
  let place: TestPlace;
  let app: App;
  const g1 = groupChat('g1');

  beforeEach(async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'] });
    await writeBrief(place, 'glaciers', { title: 'Glaciers retreat', topics: ['glaciers', 'climate'] });
    app = await startTestApp(place, { adapters: [new MemoryAdapter('telegram')], watch: false });
  });

  afterEach(async () => {
    await app.stop();
    await removePlace(place);
  });

  it('lets only moderators change subscriptions in groups, and anyone in a private chat', async () => {
    for (const command of ['subscribe', 'unsubscribe']) {
      const refused = await run(app, g1, command, { topic: 'water' }, false);
      expect(refused).toMatchObject({ kind: 'text', tone: 'error', code: 'not_moderator' });
    }
    expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g1' })).toEqual([]);
    expect(replyText(await run(app, privateChat, 'subscribe', { topic: 'water' }, false))).toContain(
      'now follows water',
    );
    expect(replyText(await run(app, privateChat, 'subscriptions', {}, false))).toContain('water');
    // anyone may see what a group follows
    expect(await run(app, g1, 'subscriptions', {}, false)).toMatchObject({ tone: 'info' });
  });

  it('normalises the topic and says so when the chat already follows it', async () => {
    expect(replyText(await run(app, g1, 'subscribe', { topic: 'Aral Sea!' }))).toBe(
      'This chat now follows aral-sea: new and updated briefs on it will be posted here.',
    );
    expect(replyText(await run(app, g1, 'subscribe', { topic: 'ARAL-SEA' }))).toBe(
      'This chat already follows aral-sea; nothing changed.',
    );
    expect((await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g1' })).map((s) => s.topic)).toEqual([
      'aral-sea',
    ]);
  });

  it('subscribes another chat only where the platform can check it, and publishes only in announcement channels', async () => {
    // The memory platform, like Telegram, cannot tell what a named chat is or who may post there.
    const elsewhere = await run(app, g1, 'subscribe', { topic: 'water', channel: '@news' });
    expect(elsewhere).toMatchObject({ tone: 'error', code: 'subscribe_here_only' });
    expect(replyText(elsewhere)).toBe('Type /subscribe in the chat that should follow the topic.');
    expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: '@news' })).toEqual([]);
    const publishing = await run(app, g1, 'subscribe', { topic: 'water', publish: 'true' });
    expect(publishing).toMatchObject({ tone: 'error', code: 'publish_needs_announcement' });
    expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g1' })).toEqual([]);
    // Turning publishing off needs no check.
    expect(replyText(await run(app, g1, 'subscribe', { topic: 'water', publish: 'false' }))).toBe(
      'This chat now follows water: new and updated briefs on it will be posted here.',
    );
  });

  it('answers an unknown topic with close ones', async () => {
    const typo = await run(app, g1, 'subscribe', { topic: 'glaciars' });
    expect(typo).toMatchObject({ tone: 'error', code: 'unknown_topic' });
    expect(replyText(typo)).toBe('There is no topic "glaciars". Did you mean: glaciers? Type /topics to see them all.');
    // a brief's slug is not a topic, but names its topics
    expect(replyText(await run(app, g1, 'subscribe', { topic: 'aral' }))).toContain('Did you mean: aral-sea, water?');
    expect(replyText(await run(app, g1, 'subscribe', { topic: 'zzzz qqqq' }))).toBe(
      'There is no topic "zzzz qqqq". Type /topics to see them all.',
    );
    expect(replyText(await run(app, g1, 'subscribe', { topic: '!!!' }))).toBe(
      'There is no topic "!!!". Type /topics to see them all.',
    );
    expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g1' })).toEqual([]);
  });

  it('keeps hostile topics short in replies and out of the store', async () => {
    const odd = '@everyone <b>x</b> ' + '\u202e\u0301'.repeat(50);
    const reply = replyText(await run(app, g1, 'subscribe', { topic: odd }));
    expect(reply.length).toBeLessThan(160);
    const huge = await run(app, g1, 'subscribe', { topic: 'x'.repeat(10_000) });
    expect(huge).toMatchObject({ kind: 'text', tone: 'usage' });
    expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g1' })).toEqual([]);
  });

  it('unsubscribes, and says what the chat follows when it did not follow the topic', async () => {
    await run(app, g1, 'subscribe', { topic: 'water' });
    await run(app, g1, 'subscribe', { topic: 'glaciers' });
    expect(replyText(await run(app, g1, 'unsubscribe', { topic: 'Water' }))).toBe('This chat no longer follows water.');
    const again = await run(app, g1, 'unsubscribe', { topic: 'water' });
    expect(again).toMatchObject({ tone: 'error', code: 'not_subscribed' });
    expect(replyText(again)).toBe('This chat does not follow "water". It follows: glaciers.');
  });

  it('lists subscriptions, marking paused ones', async () => {
    expect(replyText(await run(app, g1, 'subscriptions'))).toBe(
      'This chat follows no topics. Add one with /subscribe <topic>.',
    );
    await run(app, g1, 'subscribe', { topic: 'water' });
    await run(app, g1, 'subscribe', { topic: 'climate' });
    expect(replyText(await run(app, g1, 'subscriptions'))).toBe(
      'This chat follows 2 topics:\n  • climate\n  • water\n\nNew and updated briefs on them are posted here.',
    );
    await app.data.deactivateChat({ platform: 'telegram', chatId: 'g1' }, 'gone: kicked');
    expect(replyText(await run(app, g1, 'subscriptions'))).toContain(
      '• water (paused: I could not post here; /subscribe water resumes it)',
    );
  });

  it(`stops at ${MAX_SUBSCRIPTIONS_PER_CHAT} topics per chat`, async () => {
    await app.stop();
    for (let b = 0; b < 5; b++) {
      const topics = Array.from({ length: 11 }, (_, i) => `topic-${b}-${i}`);
      await writeBrief(place, `many-${b}`, { title: `Many ${b}`, topics });
    }
    app = await startTestApp(place, { watch: false });
    for (let b = 0; b < 5; b++)
      for (let i = 0; i < 10; i++) await run(app, g1, 'subscribe', { topic: `topic-${b}-${i}` });
    expect(await app.data.subscriptionsOf({ platform: 'telegram', chatId: 'g1' })).toHaveLength(
      MAX_SUBSCRIPTIONS_PER_CHAT,
    );
    expect(await run(app, g1, 'subscribe', { topic: 'topic-0-10' })).toMatchObject({ code: 'too_many_subscriptions' });
    expect(replyText(await run(app, g1, 'subscribe', { topic: 'topic-0-0' }))).toContain('already follows');
  });

  it('answers with an error reference, not a crash, when the services are missing', async () => {
    const bot = new Bot({ library: new Library(), commands: coreCommands, logger: silentLogger() });
    const reply = await bot.handle({
      command: 'subscriptions',
      args: {},
      user: { id: 'u1', name: 'A', isModerator: true },
      chat: g1,
    });
    expect(reply).toMatchObject({ kind: 'text', tone: 'error', code: 'internal' });
    expect(replyText(reply)).toMatch(/^Something went wrong on our side \(ref [0-9a-f]{8}\)/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Chat, User } from '../../src/core/types.js';
import { MemoryAdapter } from '../fanout/helpers/memory-adapter.js';
import { memoryLogger } from '../helpers/memory-logger.js';
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

const moderator: User = { id: 'm1', name: 'Mia', isModerator: true };

describe('/post', () => {
  let place: TestPlace;
  let app: App;
  let telegram: MemoryAdapter;
  const g1 = groupChat('g1');

  beforeEach(async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { title: 'Water levels fall in the Aral Sea', topics: ['aral-sea', 'water'] });
    telegram = new MemoryAdapter('telegram');
    app = await startTestApp(place, { adapters: [telegram], watch: false });
  });

  /** A moderator whose platform speaks Russian. */
  const russian = (chat: Chat, command: string, args: Record<string, string>) =>
    app.bot.handle({ command, args, chat, user: { ...moderator, locale: 'ru' } });

  afterEach(async () => {
    await app.stop();
    await removePlace(place);
  });

  it('is for moderators, in groups', async () => {
    expect(await run(app, g1, 'post', { topic: 'water' }, false)).toMatchObject({ code: 'not_moderator' });
    const inPrivate: Chat = { id: 'p1', kind: 'private', platform: 'telegram' };
    expect(await run(app, inPrivate, 'post', { topic: 'water' })).toMatchObject({ code: 'wrong_context' });
    expect(telegram.calls).toEqual([]);
    expect(await app.data.recentPosts(10)).toEqual([]);
  });

  it('posts the brief into the current chat at once (not bulk) and records who, what, where, when', async () => {
    const before = Date.now();
    const reply = await app.bot.handleText('/post aral sea', moderator, g1);
    expect(replyText(reply)).toBe('Posted "Water levels fall in the Aral Sea" here.');
    expect(telegram.calls).toEqual([{ chatId: 'g1', bulk: false }]);
    const sent = telegram.sent[0]!.reply;
    expect(sent.kind === 'brief' && sent.brief.slug).toBe('aral');
    expect(sent.kind === 'brief' && sent.label).toBeUndefined();
    const [post] = await app.data.recentPosts(1);
    expect(post).toMatchObject({
      platform: 'telegram',
      userId: 'm1',
      userName: 'Mia',
      fromChatId: 'g1',
      targetChatId: 'g1',
      slug: 'aral',
      version: app.store.library.versionOf('aral'),
      outcome: 'ok',
      messageIds: ['m1'],
    });
    expect(post!.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('posts into a named channel: `/post <topic> @channel`', async () => {
    const reply = await app.bot.handleText('/post@BriefBot water @newsroom_daily', moderator, g1);
    expect(replyText(reply)).toBe('Posted "Water levels fall in the Aral Sea" in @newsroom_daily.');
    expect(telegram.calls).toEqual([{ chatId: '@newsroom_daily', bulk: false }]);
    expect((await app.data.recentPosts(1))[0]).toMatchObject({ fromChatId: 'g1', targetChatId: '@newsroom_daily' });
  });

  it('takes a channel id or mention at the end of the line as the channel', async () => {
    expect(replyText(await app.bot.handleText('/post aral sea -1001234567890', moderator, g1))).toBe(
      'Posted "Water levels fall in the Aral Sea" in that channel.',
    );
    expect(replyText(await app.bot.handleText('/post water <#123456789012345678>', moderator, g1))).toBe(
      'Posted "Water levels fall in the Aral Sea" in <#123456789012345678>.',
    );
    expect(telegram.calls.map((c) => c.chatId)).toEqual(['-1001234567890', '<#123456789012345678>']);
    expect((await app.data.recentPosts(2)).map((p) => p.slug)).toEqual(['aral', 'aral']);
  });

  it('says clearly which permission is missing, and records the refusal', async () => {
    telegram.script('@locked', {
      ok: false,
      reason: 'forbidden',
      detail: 'missing Embed Links',
      missing: ['embedLinks'],
    });
    const reply = await run(app, g1, 'post', { topic: 'water', channel: '@locked' });
    expect(reply).toMatchObject({ tone: 'error', code: 'post_forbidden' });
    expect(replyText(reply)).toBe(
      'I could not post in @locked: missing Embed Links. Ask an admin to give me that permission there, then try again.',
    );
    expect((await app.data.recentPosts(1))[0]).toMatchObject({
      outcome: 'forbidden',
      detail: 'missing Embed Links',
      messageIds: [],
    });
    telegram.script('@locked', {
      ok: false,
      reason: 'forbidden',
      detail: 'missing View Channel, Embed Links',
      missing: ['viewChannel', 'embedLinks'],
    });
    expect(replyText(await russian(g1, 'post', { topic: 'water', channel: '@locked' }))).toBe(
      'Я не смог опубликовать в @locked: у меня нет прав «Просматривать каналы», «Встраивать ссылки». Попросите администратора дать мне это право и попробуйте снова.',
    );
  });

  it("quotes the platform's own words only inside a sentence of the reader's language", async () => {
    const refusal = { ok: false, reason: 'forbidden', detail: 'Forbidden: CHAT_SEND_PLAIN_FORBIDDEN' } as const;
    telegram.script('@odd', refusal);
    expect(replyText(await run(app, g1, 'post', { topic: 'water', channel: '@odd' }))).toBe(
      'I could not post in @odd: Telegram refused the message: "Forbidden: CHAT_SEND_PLAIN_FORBIDDEN". Ask an admin to give me that permission there, then try again.',
    );
    telegram.script('@odd', refusal);
    expect(replyText(await russian(g1, 'post', { topic: 'water', channel: '@odd' }))).toBe(
      'Я не смог опубликовать в @odd: Telegram отклонил сообщение: «Forbidden: CHAT_SEND_PLAIN_FORBIDDEN». Попросите администратора дать мне это право и попробуйте снова.',
    );
    // Refusals Telegram words in known ways are said in the catalogues' words.
    const known = [
      [
        {
          reason: 'forbidden',
          detail: 'Forbidden: not enough rights to send text messages to the chat',
          why: 'botLacksRights',
        },
        'Я не смог опубликовать здесь: у меня нет нужного там права. Попросите администратора дать мне это право и попробуйте снова.',
      ],
      [
        {
          reason: 'forbidden',
          detail: 'Forbidden: need administrator rights in the channel chat',
          why: 'botNeedsAdmin',
        },
        'Я не смог опубликовать здесь: там я должен быть администратором. Попросите администратора дать мне это право и попробуйте снова.',
      ],
      [
        { reason: 'gone', detail: 'Bad Request: TOPIC_CLOSED', why: 'topicClosed' },
        'Я не смог опубликовать здесь: эта тема закрыта.',
      ],
      [
        { reason: 'gone', detail: 'Bad Request: message thread not found', why: 'topicGone' },
        'Я не смог опубликовать здесь: этой темы больше нет.',
      ],
      [
        { reason: 'gone', detail: 'Bad Request: chat not found' },
        'Я не смог опубликовать здесь: такого чата нет или меня там нет (в каналах я должен быть администратором).',
      ],
    ] as const;
    for (const [result, words] of known) {
      telegram.script('g1', { ok: false, ...result });
      expect(replyText(await russian(g1, 'post', { topic: 'water' }))).toBe(words);
    }
    expect(replyText(await run(app, g1, 'post', { topic: 'water' }))).toMatch(/^Posted /);
  });

  it('explains a channel it cannot reach, and a passing failure', async () => {
    telegram.script('@nowhere', { ok: false, reason: 'gone', detail: 'chat not found' });
    expect(replyText(await run(app, g1, 'post', { topic: 'water', channel: '@nowhere' }))).toBe(
      'I could not post in @nowhere: it does not exist or I am not a member there (channels need me as an administrator).',
    );
    telegram.script('g1', { ok: false, reason: 'failed', detail: '502' });
    expect(await run(app, g1, 'post', { topic: 'water' })).toMatchObject({
      code: 'post_failed',
      text: 'Posting here failed for now. Please try again in a moment.',
    });
    expect((await app.data.recentPosts(5)).map((p) => p.outcome)).toEqual(['failed', 'gone']);
  });

  it('follows a chat that moved to a new id', async () => {
    telegram.script('g1', { ok: false, reason: 'migrated', newChatId: '-100123' });
    expect(await run(app, g1, 'post', { topic: 'water' })).toMatchObject({ tone: 'info' });
    expect(telegram.to('-100123')).toEqual(['- aral']);
    expect((await app.data.recentPosts(1))[0]).toMatchObject({ targetChatId: '-100123', outcome: 'ok' });
  });

  it('answers an unknown topic as /brief does and posts nothing', async () => {
    const none = await run(app, g1, 'post', { topic: 'zzzz qqqq' });
    expect(none).toMatchObject({ kind: 'notFound', query: 'zzzz qqqq' });
    expect(telegram.calls).toEqual([]);
    expect(await app.data.recentPosts(10)).toEqual([]);
  });

  it('says posting is unavailable where no adapter can post', async () => {
    const reply = await run(app, groupChat('c1', 'discord'), 'post', { topic: 'water' });
    expect(reply).toMatchObject({ code: 'post_unavailable' });
    expect((await app.data.recentPosts(1))[0]).toMatchObject({
      platform: 'discord',
      outcome: 'unavailable',
      detail: 'no discord adapter can post right now',
    });
  });

  it('records a send that threw as failed, in its own words, and a chat that moved twice as failed', async () => {
    await app.stop();
    const { logger, lines } = memoryLogger();
    app = await startTestApp(place, { adapters: [telegram], watch: false, logger });
    telegram.script('g1', () => Promise.reject(new Error('socket hang up')));
    expect(await run(app, g1, 'post', { topic: 'water' })).toMatchObject({ tone: 'error' });
    expect((await app.data.recentPosts(1))[0]).toMatchObject({ outcome: 'failed', detail: 'socket hang up' });
    expect(lines.find((l) => l.msg === 'posting failed')).toMatchObject({
      level: 50,
      err: { message: 'socket hang up' },
    });
    expect(lines.find((l) => l.msg === 'post of aral: failed')).toMatchObject({
      level: 30,
      platform: 'telegram',
      user: 'u1',
      from: 'g1',
      target: 'g1',
    });
    telegram.script('g1', { ok: false, reason: 'migrated', newChatId: '-100123' });
    telegram.script('-100123', { ok: false, reason: 'migrated', newChatId: '-100456' });
    expect(await run(app, g1, 'post', { topic: 'water' })).toMatchObject({ tone: 'error' });
    expect((await app.data.recentPosts(1))[0]).toMatchObject({
      targetChatId: '-100123',
      outcome: 'failed',
      detail: 'the chat moved again, to -100456',
    });
  });

  it('asks the platform about the moderator only when posting into another chat, and says no plainly', async () => {
    await run(app, g1, 'post', { topic: 'water' });
    telegram.script('@wire', {
      ok: false,
      reason: 'forbidden',
      detail: 'you are not an administrator of that channel',
      user: true,
      why: 'notChannelAdmin',
    });
    const refused = await run(app, g1, 'post', { topic: 'water', channel: '@wire' });
    expect(refused).toMatchObject({
      tone: 'error',
      code: 'post_not_allowed',
      text: 'You cannot post in @wire: you are not an administrator of that channel.',
    });
    expect(telegram.askers).toEqual([undefined, { userId: 'u1', fromChatId: 'g1' }]);
    expect((await app.data.recentPosts(1))[0]).toMatchObject({
      targetChatId: '@wire',
      outcome: 'forbidden',
      detail: 'you are not an administrator of that channel',
    });
  });
});

import { InteractionType, type APIInteraction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userOf } from '../../src/adapters/discord/invocation.js';
import { toCard } from '../../src/core/to-card.js';
import { renderText } from '../../src/core/render-text.js';
import type { Reply } from '../../src/core/types.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { testBot, type TestBot } from '../helpers/test-bot.js';

let store: SqliteStore;
let t: TestBot;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  t = await testBot({ contentDir: 'content', services: { subscriptions: store } });
});
afterEach(() => store.close());

const briefOf = (reply: Reply | null | undefined) => {
  if (reply?.kind !== 'brief') throw new Error(`expected a brief, got ${JSON.stringify(reply)}`);
  return reply;
};

/** A Discord slash-command interaction as the gateway delivers it, with the user's locale. */
const discordUser = (locale?: string, guildLocale?: string) =>
  userOf({
    type: InteractionType.ApplicationCommand,
    user: { id: 'd1', username: 'reader' },
    ...(locale ? { locale } : {}),
    ...(guildLocale ? { guild_locale: guildLocale } : {}),
  } as unknown as APIInteraction);

describe("the reader's language picks the version", () => {
  it('a Telegram user with language_code ru and a Discord user with locale ru both read Russian', async () => {
    const telegram = briefOf(await t.send('/brief xinjiang', { user: { locale: 'ru' } }));
    const discord = briefOf(await t.send('/brief xinjiang', { user: discordUser('ru') }));
    for (const reply of [telegram, discord]) {
      expect(reply.brief).toMatchObject({ lang: 'ru', translationOf: 'kazakh-connection-xinjiang-camps' });
      expect(reply.fallback).toBeUndefined();
      const text = renderText(reply);
      expect(text).toContain('Главное');
      expect(text).toContain('Источники');
    }
    expect(briefOf(await t.send('/brief xinjiang', { user: discordUser(undefined, 'ru') })).brief.lang).toBe('ru');
  });

  it('en-GB reads English with no note; de reads English with one line naming the languages there are', async () => {
    const british = briefOf(await t.send('/brief xinjiang', { user: { locale: 'en-GB' } }));
    expect(british.brief.lang).toBe('en');
    expect(british.fallback).toBeUndefined();
    const german = briefOf(await t.send('/brief xinjiang', { user: { locale: 'de' } }));
    expect(german.brief.lang).toBe('en');
    expect(german.fallback).toEqual({ wanted: 'de', available: ['en', 'ru'] });
    const note = toCard(german).blocks[0];
    expect(note).toEqual({ type: 'text', text: 'Not yet in German: shown in English. Available in English, Russian.' });
  });

  it.each(['xx-YY', '', 'x'.repeat(200)])(
    'a platform locale %j falls back to the original silently',
    async (locale) => {
      const reply = briefOf(await t.send('/brief xinjiang', { user: { locale } }));
      expect(reply.brief.lang).toBe('en');
      expect(reply.fallback).toBeUndefined();
    },
  );

  it('/language ru switches a group for everyone, moderators only, and auto switches it back', async () => {
    const group = { id: 'g1', kind: 'group' as const };
    const refused = await t.send('/language ru', { chat: group });
    expect(refused).toMatchObject({ kind: 'text', tone: 'error', code: 'not_moderator' });
    expect(await t.send('/language ru', { chat: group, user: { isModerator: true } })).toMatchObject({
      kind: 'text',
      tone: 'info',
      text: 'Теперь в этом чате справки показываются на языке: русский.',
    });
    const english = briefOf(await t.send('/brief xinjiang', { chat: group, user: { locale: 'en' } }));
    expect(english.brief.lang).toBe('ru');
    const elsewhere = briefOf(
      await t.send('/brief xinjiang', { chat: { id: 'g2', kind: 'group' }, user: { locale: 'en' } }),
    );
    expect(elsewhere.brief.lang).toBe('en');
    await t.send('/language auto', { chat: group, user: { isModerator: true } });
    expect(briefOf(await t.send('/brief xinjiang', { chat: group, user: { locale: 'en' } })).brief.lang).toBe('en');
  });

  it.each([
    ['xx-YY', 'is not a language code I know'],
    ['en_US!', 'is not a language code I know'],
    ['x'.repeat(200), 'Usage: /language [code]'],
  ])('/language %s is refused with a clear message', async (code, message) => {
    const reply = await t.send(`/language ${code}`);
    expect(reply).toMatchObject({ kind: 'text', tone: 'usage', text: expect.stringContaining(message) });
    expect(await store.chatLanguage({ platform: 'telegram', chatId: 'c1' })).toBeUndefined();
  });

  it('/language with no code says what the chat reads', async () => {
    expect(await t.send('/language')).toMatchObject({
      kind: 'text',
      text: expect.stringContaining("each reader's own"),
    });
    await t.send('/language kk');
    expect(await t.send('/language')).toMatchObject({ kind: 'text', text: expect.stringContaining('қазақ') });
  });

  it('the bot speaks Russian to a Russian reader: errors, usage and not found', async () => {
    const ru = { user: { locale: 'ru' } };
    expect(await t.send('/brefi x', ru)).toMatchObject({ text: expect.stringContaining('Команды /brefi нет') });
    const missing = await t.send('/brief ничего-такого-нет', ru);
    expect(toCard(missing!).title).toBe('По запросу «ничего-такого-нет» справок нет.');
  });
});

describe('the terminal reader', () => {
  it('reads BRIEFBOT_LANG, then LANG', async () => {
    const { consoleUser } = await import('../../src/adapters/console/io.js');
    expect(consoleUser({ BRIEFBOT_LANG: 'ru', LANG: 'en_US.UTF-8' }).locale).toBe('ru');
    expect(consoleUser({ LANG: 'ru_RU.UTF-8' }).locale).toBe('ru_RU.UTF-8');
    expect(consoleUser({}).locale).toBeUndefined();
    const reply = briefOf(await t.send('/brief xinjiang', { user: consoleUser({ LANG: 'ru_RU.UTF-8' }) }));
    expect(reply.brief.lang).toBe('ru');
  });
});

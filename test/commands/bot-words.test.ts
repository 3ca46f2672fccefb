import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../src/adapters/discord/render.js';
import { renderTelegram } from '../../src/adapters/telegram/render.js';
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

const russian = { user: { locale: 'ru' } };
const textOf = (reply: Reply | null | undefined): string => {
  if (!reply) throw new Error('no reply');
  return renderText(reply);
};
/** Latin words left once command lines, option names, topics and codes are taken out. */
const englishWords = (text: string): string[] =>
  text
    .replace(/\/\w+(?:\s+(?:<[^>]+>|\[[^\]]+\]|[a-z0-9-]+))*/g, '')
    .replace(/https?:\S+/g, '')
    .replace(/\bauto\b/g, '')
    .match(/\b[A-Za-z]{4,}\b/g) ?? [];

describe("the bot's own words in the reader's language", () => {
  it('/help lists the commands in Russian, and /help <command> explains one', async () => {
    const all = textOf(await t.send('/help', russian));
    expect(all).toMatch(/^Команды:\n/);
    expect(all).toContain('/brief <topic> - Справка по теме: кратко, главные факты и источники.');
    expect(all).toContain('Наберите /help <команда>, чтобы узнать подробности.');
    expect(englishWords(all)).toEqual([]);
    const one = textOf(await t.send('/help subscribe', russian));
    expect(one).toMatch(/^Как использовать: \/subscribe <topic> \[format\] \[previews\] \[channel\] \[publish\]\n/);
    expect(one).toContain('Параметры:');
    expect(one).toContain('(необязательно)');
    expect(
      englishWords(
        one.replace(/^\s+\w+(?: \(.*?\))?:|full|compact|headline|previews|format|channel|publish|true|false/gm, ''),
      ),
    ).toEqual([]);
    expect(textOf(await t.send('/help nothing', russian))).toMatch(/^Команды «nothing» нет\. Команды: \/brief/);
    // English readers still read English.
    expect(textOf(await t.send('/help'))).toMatch(/^Commands:\n/);
  });

  it('a usage error comes back in Russian, with the problem and the usage line', async () => {
    const reply = await t.send('/latest 99', russian);
    expect(reply).toMatchObject({ kind: 'text', tone: 'usage' });
    const text = textOf(reply);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'count: нужно целое число от 1 до 20.',
      'Как использовать: /latest [count]',
      'Последние опубликованные или обновлённые справки.',
    ]);
    expect(textOf(await t.send('/brief', russian))).toMatch(/^Как использовать: \/brief <topic>\n/);
    const long = textOf(await t.send(`/language ${'x'.repeat(41)}`, russian));
    expect(long).toMatch(/^code: слишком длинно \(не больше 40 символов\)\./);
    expect(textOf(await t.send('/subscribe xinjiang sideways', russian))).toMatch(/^Как использовать|^Темы/);
  });

  it('"did you mean" comes back in Russian: for a command, a brief and a topic', async () => {
    expect(textOf(await t.send('/breif xinjiang', russian))).toBe(
      'Команды /breif нет. Возможно, вы имели в виду /brief? Наберите /help, чтобы узнать, что я умею.',
    );
    const missed = textOf(await t.send('/brief kazakh wwww', russian));
    expect(missed).toMatch(/^По запросу «kazakh wwww» справок нет\./);
    expect(missed).toContain('Возможно, вы имели в виду:');
    // The suggestions are named in the reader's language and open the whole group.
    expect(missed).toContain(
      'Казахский след в китайских лагерях «политического воспитания» - /brief kazakh-connection-xinjiang-camps',
    );
    expect(textOf(await t.send('/subscribe xinjaing', russian))).toMatch(
      /^Темы «xinjaing» нет\. Возможно, вы имели в виду: xinjiang.*\? Наберите \/topics/,
    );
  });

  it('the labels around a brief and a page of topics are Russian on every platform', async () => {
    const reply = await t.send('/brief xinjiang', russian);
    const terminal = textOf(reply);
    expect(terminal).toMatch(/\nТемы: синьцзян/);
    expect(terminal).toMatch(/\nИсходная статья: https:/);
    const telegram = renderTelegram(reply!)
      .map((m) => m.text)
      .join('\n');
    expect(telegram).toContain('>Читать исходную статью</a>');
    const discord = render(reply!).embeds[0]!;
    expect(discord.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['Главное', 'Источники', 'Темы']));
    const page = await t.send('/topics', russian);
    expect(textOf(page)).toMatch(/Наберите \/brief <topic>, чтобы прочитать\./);
  });

  it('replies of the subscription commands use Russian plurals', async () => {
    for (const topic of ['xinjiang', 'kazakhstan'])
      expect(textOf(await t.send(`/subscribe ${topic}`, russian))).toBe(
        `Этот чат подписан на тему ${topic}: новые и обновлённые справки по ней будут приходить сюда.`,
      );
    expect(textOf(await t.send('/subscriptions', russian))).toMatch(/^Этот чат подписан на 2 темы:\n/);
    expect(textOf(await t.send('/subscribe uyghurs compact off', russian))).toContain('(compact, без превью ссылок)');
    expect(textOf(await t.send('/unsubscribe climate', russian))).toBe(
      'Этот чат не подписан на «climate». Он подписан на: kazakhstan, uyghurs, xinjiang.',
    );
    expect(textOf(await t.send('/latest', russian))).toMatch(/^Последние справки\n/);
    expect(textOf(await t.send('/topics', russian))).toMatch(/^Темы\n/);
  });

  it("/post's refusals name the reason in Russian, as the platform adapter gave it", async () => {
    const refused = await testBot({
      contentDir: 'content',
      services: {
        subscriptions: store,
        publisher: {
          post: async () => ({
            ok: false,
            outcome: 'forbidden',
            targetChatId: '@news',
            detail: 'you are not an administrator of that channel',
            userForbidden: true,
            why: 'notChannelAdmin',
          }),
        },
      },
    });
    const as = { user: { locale: 'ru', isModerator: true }, chat: { id: 'g1', kind: 'group' as const } };
    expect(textOf(await refused.send('/post xinjiang @news', as))).toBe(
      'Вы не можете публиковать в @news: вы не администратор того канала.',
    );
    expect(textOf(await refused.send('/post xinjiang @news', { ...as, user: { isModerator: true } }))).toBe(
      'You cannot post in @news: you are not an administrator of that channel.',
    );
  });
});

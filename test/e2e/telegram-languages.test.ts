import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user, type FakeChat, type FakeUser } from '../fakes/telegram-api.js';
import { shortBriefFile } from '../helpers/briefs.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

describe("telegram: deliveries in a private chat come in its reader's language", { timeout: 60_000 }, () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ botUsername: 'BriefTestBot' });
    running = await startTelegramBot(fake);
    await fake.waitFor(() => fake.polling, 20_000, 'polling');
  }, 30_000);

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  const command = async (where: FakeChat, from: FakeUser, text: string) => {
    const before = fake.sent(where.id).length;
    fake.sendText(where, from, text);
    const sent = await fake.waitForSent(before + 1, where.id, 20_000);
    return textOf(sent[before]!);
  };

  it('a reader with language_code ru gets a new brief in Russian; /language en in another chat wins', async () => {
    const russian = user(310, 'Айгерим', { language_code: 'ru' });
    const english = user(311, 'Ann', { language_code: 'en' });
    const chooser = user(312, 'Асель', { language_code: 'ru' });
    const chats = [russian, english, chooser].map(privateChat);
    for (const [i, reader] of [russian, english, chooser].entries())
      expect(await command(chats[i]!, reader, '/subscribe xinjiang')).toMatch(/xinjiang/);
    expect(await command(chats[2]!, chooser, '/language en')).toMatch(/English/);
    const before = chats.map((c) => fake.sent(c.id).length);

    const dir = join(running.dir, 'content');
    await mkdir(join(dir, 'ru'), { recursive: true });
    await writeFile(
      join(dir, 'khorgos.md'),
      shortBriefFile('khorgos', 'Border trade resumes at Khorgos', ['xinjiang']),
    );
    const translation = shortBriefFile('khorgos-ru', 'Торговля на Хоргосе возобновилась', ['синьцзян']).replace(
      'slug: khorgos-ru\n',
      'slug: khorgos-ru\ntranslationOf: khorgos\nlang: ru\n',
    );
    await writeFile(join(dir, 'ru', 'khorgos.md'), translation);
    const report = await running.app.store.reload(['khorgos.md', 'ru/khorgos.md']);
    expect(report.errors).toEqual([]);

    const updates = await Promise.all(chats.map((c, i) => fake.waitForSent(before[i]! + 1, c.id, 20_000)));
    await running.app.fanout.idle();
    const texts = chats.map((c, i) => fake.sent(c.id).slice(before[i]).map(textOf));
    expect(updates).toHaveLength(3);
    expect(texts[0]).toHaveLength(1);
    expect(texts[0]![0]).toMatch(/^\[Новое\] Торговля на Хоргосе возобновилась/);
    expect(texts[1]).toEqual([expect.stringMatching(/^\[New\] Border trade resumes at Khorgos/)]);
    expect(texts[2]).toEqual([expect.stringMatching(/^\[New\] Border trade resumes at Khorgos/)]);
  });
});

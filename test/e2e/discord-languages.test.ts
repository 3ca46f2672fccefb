import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, GUILD_ID, slash, someone, startDiscordHarness, type Harness } from './discord-harness.js';

const STRING = 3;

/** The Russian version of the harness's `kazakh-connection`. */
const TRANSLATION = `---
title: Казахский след в китайских лагерях
slug: kazakh-connection-ru
translationOf: kazakh-connection
lang: ru
topics: [синьцзян, казахстан]
published: 2018-09-11
updated: 2018-10-02
publisher: Transitions Online
url: https://www.tol.org/client/article/kazakh-connection
summary: Казахи, уехавшие из Синьцзяна, рассказывают о родственниках в лагерях политического воспитания.
facts:
  - Сайрагуль Сауытбай дала показания в Жаркенте в июле 2018 года.
---
`;

describe("Discord autocomplete names briefs in the reader's language", { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscordHarness();
    await mkdir(join(h.dir, 'content', 'ru'), { recursive: true });
    await writeFile(join(h.dir, 'content', 'ru', 'kazakh-connection.md'), TRANSLATION);
    const report = await h.app.store.reload(['ru/kazakh-connection.md']);
    expect(report.errors).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  const choicesFor = async (typed: string, locale: { locale?: string | null; guildLocale?: string }) => {
    const payload = h.fake.interaction({
      type: 4,
      guildId: GUILD_ID,
      user: someone(),
      data: slash('brief', [{ name: 'topic', type: STRING, value: typed, focused: true }]),
      ...locale,
    });
    const body = await answerOf(h.fake, payload);
    expect(body.type).toBe(8);
    return body.data.choices ?? [];
  };
  const russianTitle = { name: 'Казахский след в китайских лагерях (2018-10-02)', value: 'kazakh-connection' };
  const englishTitle = { name: "The Kazakh connection to China's camps (2018-10-02)", value: 'kazakh-connection' };

  it('locale ru gets the Russian title, valued by the original slug', async () => {
    expect(await choicesFor('kaz', { locale: 'ru' })).toContainEqual(russianTitle);
    // Typed in Cyrillic, too.
    expect(await choicesFor('казах', { locale: 'ru' })).toContainEqual(russianTitle);
  });

  it("without the user's locale the server's decides; en-GB and a language with no translation read English", async () => {
    expect(await choicesFor('kaz', { locale: null, guildLocale: 'ru' })).toContainEqual(russianTitle);
    expect(await choicesFor('kaz', { locale: 'en-GB', guildLocale: 'ru' })).toContainEqual(englishTitle);
    const german = await choicesFor('kaz', { locale: 'de' });
    expect(german).toContainEqual(englishTitle);
    expect(german.map((c) => c.value)).not.toContain('kazakh-connection-ru');
  });
});

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { MemoryAdapter } from './helpers/memory-adapter.js';
import {
  briefText,
  groupChat,
  removePlace,
  run,
  startTestApp,
  tempPlace,
  waitFor,
  writeBrief,
  type TestPlace,
} from './helpers/test-app.js';

let place: TestPlace;
let telegram: MemoryAdapter;
let app: App | undefined;

beforeEach(async () => {
  place = await tempPlace();
  await writeBrief(place, 'aral', { topics: ['aral-sea', 'water'] });
  telegram = new MemoryAdapter('telegram');
});
afterEach(async () => {
  await app?.stop();
  await removePlace(place);
});

/** A translation of `dams` in `lang`, saved as an editor's tool does. */
async function writeTranslation(lang: string, title: string): Promise<string> {
  const file = `${lang}/dams.md`;
  await mkdir(join(place.contentDir, lang), { recursive: true });
  const text = briefText({ title, topics: ['water', 'dams'] }).replace(
    /^---\n/,
    `---\ntranslationOf: dams\nlang: ${lang}\n`,
  );
  await writeFile(join(place.contentDir, `${file}.tmp`), text);
  await rename(join(place.contentDir, `${file}.tmp`), join(place.contentDir, file));
  return file;
}

it('a Russian-reading chat gets the Russian version once; a later translation is not announced', async () => {
  app = await startTestApp(place, { adapters: [telegram] });
  for (const id of ['ru-group', 'en-group']) {
    expect(await run(app, groupChat(id), 'subscribe', { topic: 'water' })).toMatchObject({ tone: 'info' });
  }
  expect(await run(app, groupChat('ru-group'), 'language', { code: 'ru' })).toMatchObject({ tone: 'info' });

  await app.store.reload([await writeTranslation('ru', 'Новые плотины на Сырдарье')]);
  await writeBrief(place, 'dams', { title: 'New dams on the Syr Darya', topics: ['water', 'dams'] });
  await waitFor(() => telegram.sent.length === 2, 5_000, 'two deliveries');
  await app.fanout.idle();
  const titleTo = (chat: string) =>
    telegram.sent.filter((s) => s.chatId === chat).map((s) => (s.reply.kind === 'brief' ? s.reply.brief.title : ''));
  expect(titleTo('ru-group')).toEqual(['Новые плотины на Сырдарье']);
  expect(titleTo('en-group')).toEqual(['New dams on the Syr Darya']);

  await app.store.reload([await writeTranslation('kk', 'Сырдариядағы жаңа бөгеттер')]);
  await app.fanout.idle();
  expect(app.store.library.versionsOf(app.store.library.get('dams')!).map((b) => b.lang)).toEqual(['en', 'kk', 'ru']);
  expect(telegram.sent).toHaveLength(2);
});

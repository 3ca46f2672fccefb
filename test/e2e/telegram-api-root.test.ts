import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

describe('telegram: a Bot API behind a path prefix', () => {
  let fake: FakeTelegramApi | undefined;
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('keeps the prefix of TELEGRAM_API_ROOT in every request, with or without a trailing slash', async () => {
    for (const suffix of ['', '/']) {
      fake = await FakeTelegramApi.start({ basePath: '/telegram/v1' });
      running = await startTelegramBot(fake, { TELEGRAM_API_ROOT: `${fake.url}${suffix}` });
      await fake.waitFor(() => fake!.polling, 20_000, 'polling');
      const u = user(661);
      fake.sendText(privateChat(u), u, '/brief xinjiang');
      const [sent] = await fake.waitForSent(1, u.id);
      expect(textOf(sent!)).toMatch(/Kazakh/);
      // A request outside the prefix would be logged as method "?" with a 404.
      expect(fake.calls.filter((c) => c.method === '?' || c.status === 404)).toEqual([]);
      await running.stop();
      await fake.close();
      running = undefined;
      fake = undefined;
    }
  });
});

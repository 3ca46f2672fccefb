import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { startTelegramBot, textOf, type RunningBot } from './telegram-harness.js';

const SECRET = 'fleet-secret-1';

describe('telegram webhook: two instances on one PostgreSQL database', { timeout: 60_000 }, () => {
  let db: TestDatabase;
  let fake: FakeTelegramApi;
  const instances: RunningBot[] = [];
  const alice = user(901, 'Alice');
  const hookOf = (bot: RunningBot) => `http://127.0.0.1:${bot.app.http!.port}/telegram/hook`;

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await FakeTelegramApi.start();
    fake.addChat(privateChat(alice));
    for (const name of ['fleet-a', 'fleet-b']) {
      instances.push(
        await startTelegramBot(fake, {
          DATABASE_URL: db.url,
          INSTANCE_ID: name,
          TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
          TELEGRAM_WEBHOOK_SECRET: SECRET,
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const bot of instances) await bot.stop();
    await fake?.close();
    await db?.drop();
  });

  it('an update delivered to one instance and again to the other is answered once', async () => {
    const [a, b] = instances as [RunningBot, RunningBot];
    const update = {
      update_id: 777_001,
      message: { message_id: 1, date: 0, chat: privateChat(alice), from: alice, text: '/brief sauytbay' },
    };
    const post = (bot: RunningBot) =>
      fetch(hookOf(bot), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(10_000),
      }).then((r) => r.status);
    expect(await post(a)).toBe(200);
    expect(await post(b)).toBe(200);
    // A later update of the same chat, through the second instance, marks the end.
    await fake.deliverWebhook(hookOf(b), {
      message: { message_id: 2, date: 0, chat: privateChat(alice), from: alice, text: '/help' },
    });
    const sent = await fake.waitForSent(2, alice.id);
    const texts = sent.map(textOf);
    expect(texts.filter((t) => /Sauytbay/.test(t))).toHaveLength(1);
    expect(texts.some((t) => /^Commands:/.test(t))).toBe(true);
  });

  it('each instance names itself in /healthz, and exactly one leads', async () => {
    const health = await Promise.all(
      instances.map(async (bot) => {
        const response = await fetch(`http://127.0.0.1:${bot.app.http!.port}/healthz`);
        return (await response.json()) as { instance: string; leader: boolean };
      }),
    );
    expect(health.map((h) => h.instance)).toEqual(['fleet-a', 'fleet-b']);
    await expect
      .poll(() => instances.filter((bot) => bot.app.leadership.isLeader()).length, { timeout: 15_000 })
      .toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { startTelegramBot, type RunningBot } from '../e2e/telegram-harness.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';

describe('the console on the bot listener', () => {
  let fake: FakeTelegramApi;
  let bot: RunningBot;
  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    bot = await startTelegramBot(fake);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('does not exist without CONSOLE_PASSWORD, while the public feeds and pages do', async () => {
    const base = `http://127.0.0.1:${bot.app.http!.port}`;
    for (const path of ['/console/', '/console/login', '/console/briefs']) {
      expect([path, (await fetch(`${base}${path}`, { redirect: 'manual' })).status]).toEqual([path, 404]);
    }
    expect((await fetch(`${base}/feeds/briefs.json`)).status).toBe(200);
    expect((await fetch(`${base}/briefs/kazakh-camps`)).status).toBe(200);
  });

  it('refuses a CONSOLE_PASSWORD under 12 characters, naming the variable and not the value', () => {
    let error: unknown;
    try {
      parseConfig({ CONSOLE_PASSWORD: 'short-pw' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^CONSOLE_PASSWORD must be at least 12 characters long/);
    expect((error as Error).message).not.toContain('short-pw');
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramBot, type RunningBot } from '../e2e/telegram-harness.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { launchChromium } from '../helpers/browser.js';

const PASSWORD = 'correct horse battery staple';

describe('the newsroom console in a real browser', () => {
  let fake: FakeTelegramApi;
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    bot = await startTelegramBot(fake, { CONSOLE_PASSWORD: PASSWORD }, { watch: true });
    // The edit below must land after the watcher is up, or it is never seen.
    await bot.app.contentWatched;
    base = `http://127.0.0.1:${bot.app.http!.port}`;
    const paused = { platform: 'telegram' as const, chatId: '-100777' };
    await bot.app.data.subscribe(paused, 'xinjiang', 'editor');
    await bot.app.data.deactivateChat(paused, 'blocked by the user');
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await fake?.close();
  });

  it('sends a visitor without a session to the login form, and refuses a wrong password', async () => {
    await page.goto(`${base}/console/briefs`);
    expect(page.url()).toBe(`${base}/console/login`);
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]')).toContain('not right');
  });

  it('logs in and lists the briefs with their topics, dates and draft flags', async () => {
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/briefs`);
    expect(await page.textContent('h1')).toBe('Briefs');
    expect(await page.textContent('table')).toContain('The Kazakh connection to China');
    expect(await page.locator('header nav a').allTextContents()).toEqual([
      'Briefs',
      'Chats',
      'Deliveries',
      'Audit log',
    ]);
    expect(await page.locator('header button').textContent()).toBe('Log out');
  });

  it('shows a brief as Telegram and Discord show it, and follows an edit on disk within 2 s', async () => {
    await page.click('text=The Kazakh connection to China');
    await page.waitForSelector('.preview.telegram .tg-bubble');
    const telegram = await page.textContent('.preview.telegram .tg-text');
    expect(telegram).toContain('The Kazakh connection to China\'s "political education" camps');
    expect(telegram).toContain('A fact with <b>markup</b> & an ampersand.');
    expect(await page.locator('.preview.telegram .tg-text b').first().textContent()).toContain('The Kazakh connection');
    expect(await page.textContent('.preview.discord .dc-title')).toContain('The Kazakh connection');
    expect(await page.locator('.preview.discord .dc-button').count()).toBeGreaterThan(0);

    const file = join(bot.dir, 'content', 'kazakh-camps.md');
    const text = await readFile(file, 'utf8');
    const edited = text.replace('Astana has\n  protested quietly', 'Astana has\n  now protested openly');
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    await page.locator('.preview.telegram .tg-text', { hasText: 'now protested openly' }).waitFor({ timeout: 10_000 });
    expect(await page.textContent('.preview.discord')).toContain('now protested openly');
  });

  it('resumes a paused chat with its Resume button', async () => {
    await page.click('header nav >> text=Chats');
    await page.waitForURL(`${base}/console/chats`);
    const row = page.locator('tr', { hasText: '-100777' });
    expect(await row.textContent()).toContain('paused: blocked by the user');
    await row.locator('button', { hasText: 'Resume' }).click();
    await page.waitForURL(`${base}/console/chats`);
    expect(await page.locator('tr', { hasText: '-100777' }).textContent()).toContain('following');
    const subs = await bot.app.data.subscriptionsOf({ platform: 'telegram', chatId: '-100777' });
    expect(subs.map((s) => s.active)).toEqual([true]);
  });

  it('logs out, after which the console asks for the password again', async () => {
    await page.click('header button:has-text("Log out")');
    await page.waitForURL(`${base}/console/login`);
    await page.goto(`${base}/console/chats`);
    expect(page.url()).toBe(`${base}/console/login`);
  });
});

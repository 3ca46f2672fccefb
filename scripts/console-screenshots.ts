/**
 * Screenshots of the newsroom console for the docs: starts briefbot on the shipped content with
 * a fake Telegram, logs in with Debian's Chromium and saves each page to docs/images/.
 * Run: npx tsx scripts/console-screenshots.ts
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { silentLogger } from '../src/core/logger.js';
import { platformAdapters } from '../src/platforms.js';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';
import { launchChromium } from '../test/helpers/browser.js';

const PASSWORD = 'screenshots only, not a real password';
const dir = await mkdtemp(join(tmpdir(), 'briefbot-shots-'));
await cp('content', join(dir, 'content'), { recursive: true });
const fake = await FakeTelegramApi.start();
const config = parseConfig({
  TELEGRAM_BOT_TOKEN: fake.token,
  TELEGRAM_API_ROOT: fake.url,
  CONTENT_DIR: join(dir, 'content'),
  DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
  CONSOLE_PASSWORD: PASSWORD,
  PORT: '0',
});
const app = await startApp(config, { logger: silentLogger(), watch: false, adapters: platformAdapters });
const chat = { platform: 'telegram', chatId: '-1001234567' };
await app.data.subscribe(chat, 'xinjiang', 'editor');
await app.data.subscribe({ platform: 'telegram', chatId: '-1009876543' }, 'kazakhstan', 'editor');
await app.data.deactivateChat(chat, 'Forbidden: bot was kicked from the supergroup chat');
const base = `http://127.0.0.1:${app.http!.port}`;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/console/login`);
await page.fill('input[name=password]', PASSWORD);
await page.click('button[type=submit]');
await page.waitForURL(`${base}/console/briefs`);
await page.screenshot({ path: 'docs/images/console-briefs.png' });
await page.click('text=The Kazakh connection');
await page.waitForSelector('.preview.telegram .tg-bubble');
await page.screenshot({ path: 'docs/images/console-preview.png', fullPage: true });
await page.goto(`${base}/console/chats`);
await page.screenshot({ path: 'docs/images/console-chats.png' });
await browser.close();
await app.stop();
await fake.close();
await rm(dir, { recursive: true, force: true });
console.log('saved docs/images/console-briefs.png, console-preview.png, console-chats.png');

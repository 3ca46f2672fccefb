import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN } from '../fakes/telegram-api.js';
import { APP_ID, TOKEN as DISCORD_TOKEN } from './discord-harness.js';
import { eventually, spawnMain, type MainProcess } from './main-process.js';
import { writeFixtures } from './telegram-harness.js';

/** A TCP server that accepts every connection and never says a word. */
async function silentServer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (connections are refused). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('start-up while a platform cannot be reached', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  async function start(env: Record<string, string>): Promise<MainProcess> {
    const dir = await mkdtemp(join(tmpdir(), 'briefbot-unreachable-'));
    await writeFixtures(join(dir, 'content'));
    const main = spawnMain({ CONTENT_DIR: join(dir, 'content'), DATABASE_PATH: join(dir, 'data', 'bot.db'), ...env });
    cleanup.push(async () => {
      main.child.kill('SIGKILL');
      await main.exited;
      await rm(dir, { recursive: true, force: true });
    });
    return main;
  }

  const waitingFor = (main: MainProcess, what: string) => main.logged(`waiting for ${what}`);

  it('a Bot API that accepts connections and never answers: says so, and keeps trying', async () => {
    const silent = await silentServer();
    cleanup.push(silent.close);
    const main = await start({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: silent.url });
    await eventually(() => waitingFor(main, 'the Telegram Bot API').length >= 1, 30_000, 'the first warning');
    const [first] = waitingFor(main, 'the Telegram Bot API');
    expect(first).toMatchObject({ call: 'getMe', apiRoot: silent.url, cause: 'no answer within 10 s' });
    expect(String(first!.msg)).toContain('TELEGRAM_API_ROOT');
    // It tries again rather than giving up.
    await eventually(() => silent.connections() >= 2, 10_000, 'a second attempt');
    expect(main.child.exitCode).toBeNull();
  }, 60_000);

  it('a Bot API that refuses connections: retries with growing pauses instead of exiting, and SIGTERM still ends it', async () => {
    const url = await closedPortUrl();
    const main = await start({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: url });
    await eventually(() => waitingFor(main, 'the Telegram Bot API').length >= 3, 30_000, 'three warnings');
    const lines = waitingFor(main, 'the Telegram Bot API');
    expect(lines.map((l) => l.retryInMs)).toEqual([1000, 2000, 4000].slice(0, lines.length));
    expect(String(lines[0]!.cause)).toContain('ECONNREFUSED');
    expect(main.child.exitCode).toBeNull();
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  }, 60_000);

  it('Discord unreachable: names Discord and DISCORD_API_ROOT, and keeps trying', async () => {
    const url = await closedPortUrl();
    const main = await start({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: url });
    await eventually(() => waitingFor(main, 'Discord').length >= 2, 30_000, 'two warnings');
    const [first] = waitingFor(main, 'Discord');
    expect(String(first!.msg)).toContain(`DISCORD_API_ROOT (${url})`);
    expect(String(first!.cause)).toContain('ECONNREFUSED');
    expect(main.child.exitCode).toBeNull();
  }, 60_000);
});

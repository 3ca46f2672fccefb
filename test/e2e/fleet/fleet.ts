import { vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, spawnMain, type MainProcess } from '../main-process.js';
import { writeFixtures } from '../telegram-harness.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

export const WEBHOOK_PATH = '/telegram/hook';
export const WEBHOOK_SECRET = 'fleet-webhook-secret';

export interface FleetInstance {
  id: string;
  main: MainProcess;
  /** The port its HTTP listener chose (PORT=0). */
  port: number;
  killed: boolean;
}

export interface Health {
  instance: string;
  leader: boolean;
  uptime_s: number;
}

export interface FleetOptions {
  databaseUrl: string;
  telegram: { token: string; url: string };
  /** HTTP interactions mode: the fake's REST root and the application's public key. */
  discord?: { token: string; applicationId: string; apiRoot: string; publicKey: string };
  instances?: number;
  env?: Record<string, string>;
}

export interface Fleet {
  instances: FleetInstance[];
  proxy: RoundRobinProxy;
  contentDir: string;
  /** Where the proxy takes Telegram's webhook updates. */
  webhookUrl: string;
  health(instance: FleetInstance): Promise<Health | undefined>;
  /** Polls /healthz of the live instances until exactly one says it leads. */
  waitForLeader(timeoutMs: number): Promise<FleetInstance>;
  kill(instance: FleetInstance): Promise<void>;
  writeBrief(file: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

async function portOf(main: MainProcess, timeoutMs: number): Promise<number> {
  await eventually(
    () => main.logged('http listener started').length > 0 || main.child.exitCode !== null,
    timeoutMs,
    'the http listener to start',
  );
  const line = main.logged('http listener started')[0];
  if (!line) throw new Error(`the instance exited before listening:\n${main.stderr().slice(-2000)}`);
  return Number(line.port);
}

/** N real `src/main.ts` processes on one database and one content folder, behind a round-robin proxy. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-fleet-'));
  const contentDir = join(dir, 'content');
  await writeFixtures(contentDir);
  const instances: FleetInstance[] = [];
  const live = () => instances.filter((i) => !i.killed);
  const proxy = await startRoundRobinProxy(() => live().map((i) => i.port));
  const discord = options.discord;
  const ids = Array.from({ length: options.instances ?? 3 }, (_, n) => `fleet-${String.fromCharCode(97 + n)}`);
  const mains = ids.map((id) =>
    spawnMain({
      INSTANCE_ID: id,
      DATABASE_URL: options.databaseUrl,
      DATABASE_PATH: join(dir, id, 'briefbot.db'),
      CONTENT_DIR: contentDir,
      TELEGRAM_BOT_TOKEN: options.telegram.token,
      TELEGRAM_API_ROOT: options.telegram.url,
      // Telegram only accepts https; the fake posts the updates to the proxy at this path.
      TELEGRAM_WEBHOOK_URL: `https://bot.example.org${WEBHOOK_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ...(discord
        ? {
            DISCORD_TOKEN: discord.token,
            DISCORD_APPLICATION_ID: discord.applicationId,
            DISCORD_API_ROOT: discord.apiRoot,
            DISCORD_PUBLIC_KEY: discord.publicKey,
          }
        : {}),
      ...options.env,
    }),
  );
  const stopAll = async () => {
    for (const main of mains) if (main.child.exitCode === null) main.child.kill('SIGKILL');
    await Promise.all(mains.map((m) => m.exited));
    await proxy.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const [n, main] of mains.entries())
      instances.push({ id: ids[n]!, main, port: await portOf(main, 90_000), killed: false });
  } catch (error) {
    await stopAll();
    throw error;
  }

  const health = async (instance: FleetInstance): Promise<Health | undefined> => {
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/healthz`, {
        signal: AbortSignal.timeout(3_000),
      });
      return response.ok ? ((await response.json()) as Health) : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    instances,
    proxy,
    contentDir,
    webhookUrl: `${proxy.url}${WEBHOOK_PATH}`,
    health,
    waitForLeader(timeoutMs) {
      return vi.waitFor(
        async () => {
          const candidates = live();
          const answers = await Promise.all(candidates.map(health));
          const leaders = candidates.filter((_, n) => answers[n]?.leader === true);
          if (leaders.length !== 1) throw new Error(`no single leader yet: ${JSON.stringify(answers)}`);
          return leaders[0]!;
        },
        { timeout: timeoutMs, interval: 100 },
      );
    },
    async kill(instance) {
      instance.killed = true;
      instance.main.child.kill('SIGKILL');
      await instance.main.exited;
    },
    async writeBrief(file, text) {
      await mkdir(contentDir, { recursive: true });
      await writeFile(join(contentDir, file), text);
    },
    stop: stopAll,
  };
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Adapter, AdapterContext } from '../../src/adapters/adapter.js';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { platformAdapters } from '../../src/platforms.js';
import { FakeDiscord, snowflake, type FakeDiscordOptions, type RecordedRequest } from '../fakes/discord-api.js';

export const TOKEN = 'MTAxMDEwMTAxMDEwMTAxMA.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';
export const APP_ID = '300000000000000001';
export const GUILD_ID = '400000000000000001';
export const CHANNEL_ID = '500000000000000001';
export const NO_EMBEDS_CHANNEL_ID = '500000000000000002';
export const NEWS_CHANNEL_ID = '500000000000000003';
export const MODERATORS_ROLE_ID = '600000000000000001';
/** A member of the test server whose role has Manage Messages everywhere. */
export const MODERATOR_USER = { id: '700000000000000001', username: 'moderator' };

const brief = (front: string, body = '') => `---\n${front.trim()}\n---\n${body}\n`;

/** Our own small store: two Xinjiang briefs, one full of hostile text, one at every schema maximum. */
export const FIXTURES: Record<string, string> = {
  'kazakh-connection.md': brief(`
title: The Kazakh connection to China's camps
slug: kazakh-connection
topics: [xinjiang, kazakhstan]
published: 2018-09-11
updated: 2018-10-02
publisher: Transitions Online
url: https://www.tol.org/client/article/kazakh-connection
summary: Kazakhs who left Xinjiang describe relatives held in political education camps.
facts:
  - Sayragul Sauytbay testified in Zharkent in July 2018.
  - Kazakhstan's foreign ministry raised the detentions with Beijing in 2018.
sources:
  - title: Eradicating Ideological Viruses
    publisher: Human Rights Watch
    url: https://www.hrw.org/report/2018/09/09/eradicating-ideological-viruses
    date: 2018-09-09
`),
  'un-rights-chief.md': brief(`
title: China tells the UN rights chief to keep out of Xinjiang
slug: un-rights-chief
topics: [xinjiang, united-nations]
published: 2018-09-01
publisher: Reuters
url: https://www.reuters.com/article/un-rights-chief
summary: Beijing rejected a request to let monitors into Xinjiang.
facts:
  - The exchange took place on 11 September 2018.
`),
  'hostile.md': brief(`
title: "**Breaking** @everyone <@&123> news"
slug: hostile
topics: [hostile-topic]
published: 2020-01-01
publisher: "@here Press"
url: https://example.org/hostile
summary: "Ping @everyone and <@&123> and <@42>; __underline__ *italic* [masked](https://evil.example) # not a heading"
facts:
  - "~~gone~~ ||spoiler|| \`code\` @here"
`),
  'oversized.md': brief(`
title: ${'T'.repeat(200)}
slug: oversized
topics: [${Array.from({ length: 12 }, (_, i) => `big-topic-${i}-${'z'.repeat(36)}`).join(', ')}]
published: 2021-05-05
publisher: ${'P'.repeat(120)}
url: https://example.org/${'u'.repeat(1900)}
summary: ${'S'.repeat(1200)}
facts:
${Array.from({ length: 12 }, (_, i) => `  - ${String(i).padEnd(300, 'F')}`).join('\n')}
sources:
${Array.from({ length: 20 }, (_, i) => `  - title: ${String(i).padEnd(300, 'R')}\n    publisher: ${'Q'.repeat(120)}\n    url: https://example.org/source/${i}/${'v'.repeat(i % 2 === 0 ? 10 : 1900)}`).join('\n')}
`),
};

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  app: App;
  /** The temporary folder: `content/` and `data/briefbot.db`. */
  dir: string;
  logs: LogLine[];
  /** Starts the app again against the same fake and content (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  guildCommands?: boolean;
  env?: Record<string, string>;
  fake?: Partial<FakeDiscordOptions>;
  adapters?: (ctx: AdapterContext) => Adapter[];
  /** Watch the content folder as `main` does (off by default). */
  watch?: boolean;
  /** Fan-out tuning, e.g. short retry waits. */
  fanout?: AppOptions['fanout'];
}

/** A memory logger, so tests can check what was logged (and that no token was). */
function captureLogger(lines: LogLine[]): Logger {
  return pino({ level: 'debug', base: null }, { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
}

/** Starts the fake, then the app exactly as main does, with the Discord adapter from platformAdapters. */
export async function startDiscordHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-discord-'));
  await mkdir(join(dir, 'content'));
  for (const [name, text] of Object.entries(FIXTURES)) await writeFile(join(dir, 'content', name), text);
  const fake = await FakeDiscord.start({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: [
      {
        id: GUILD_ID,
        channels: [
          { id: CHANNEL_ID, name: 'general' },
          { id: NO_EMBEDS_CHANNEL_ID, name: 'no-embeds', deny: 1n << 14n },
          { id: NEWS_CHANNEL_ID, name: 'news' },
        ],
        roles: [{ id: MODERATORS_ROLE_ID, name: 'moderators', permissions: 1n << 13n }],
        members: [{ user: MODERATOR_USER, roles: [MODERATORS_ROLE_ID] }],
      },
    ],
    ...options.fake,
  });
  const config = parseConfig({
    ANNOUNCE_QUIET_SECONDS: '0',
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_ROOT: fake.restUrl,
    CONTENT_DIR: join(dir, 'content'),
    DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
    RATE_LIMIT_COMMANDS: '5',
    PORT: '0',
    ...(options.guildCommands ? { DISCORD_GUILD_ID: GUILD_ID } : {}),
    ...options.env,
  });
  const logs: LogLine[] = [];
  const logger = captureLogger(logs);
  const launch = () =>
    startApp(config, {
      logger,
      watch: options.watch ?? false,
      adapters: options.adapters ?? platformAdapters,
      ...(options.fanout ? { fanout: options.fanout } : {}),
    });
  const harness: Harness = {
    fake,
    app: await launch(),
    dir,
    logs,
    async restart() {
      await harness.app.stop();
      harness.app = await launch();
    },
    async stop() {
      await harness.app.stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A fresh user per call, so that the per-user rate limit only bites where a test wants it to. */
export const someone = () => ({ id: snowflake(), username: `reader${Math.floor(Math.random() * 1e6)}` });

export const slash = (
  name: string,
  options: { name: string; type: number; value: string | number; focused?: boolean }[] = [],
) => ({
  id: snowflake(),
  name,
  type: 1,
  ...(options.length > 0 ? { options } : {}),
});

/** Sends the interaction through the gateway and waits for Discord to receive its callback. */
export async function interactAndWait(fake: FakeDiscord, payload: Record<string, unknown>): Promise<RecordedRequest> {
  const since = fake.requests.length;
  fake.interact(payload);
  return fake.waitForRequest('POST', new RegExp(`^/interactions/${String(payload.id)}/[^/]+/callback$`), { since });
}

/**
 * The answer the user sees, however the bot gave it: the callback's message, or, when it
 * deferred (as it may on a loaded machine), the edit or follow-up that carried the answer.
 */
export async function answerOf(fake: FakeDiscord, payload: Record<string, unknown>): Promise<CallbackBody> {
  const since = fake.requests.length;
  const callback = bodyOf(await interactAndWait(fake, payload));
  if (callback.type !== 5) return callback;
  const token = String(payload.token);
  const path = new RegExp(`^/webhooks/\\d+/${token}(/messages/@original)?$`);
  const carries = (r: RecordedRequest) => (r.method === 'PATCH' || r.method === 'POST') && path.test(r.path);
  const edit =
    fake.requests.slice(since).find(carries) ??
    (await fake.waitFor('request', carries, 15_000, `the answer to interaction ${String(payload.id)}`));
  return { type: 4, data: edit.body as CallbackBody['data'] };
}

export interface CallbackBody {
  type: number;
  data: {
    embeds?: {
      title?: string;
      description?: string;
      fields?: { name: string; value: string }[];
      footer?: { text: string };
      timestamp?: string;
      color?: number;
      url?: string;
    }[];
    components?: {
      type: number;
      components: { type: number; style: number; label: string; url?: string; custom_id?: string }[];
    }[];
    flags?: number;
    content?: string;
    allowed_mentions?: { parse: string[] };
    choices?: { name: string; value: string }[];
  };
}

export const bodyOf = (request: RecordedRequest): CallbackBody => request.body as CallbackBody;

export const EPHEMERAL = 64;

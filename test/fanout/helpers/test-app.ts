import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from '../../../src/adapters/adapter.js';
import { startApp, type App, type AppOptions } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import type { Chat, Invocation, Reply } from '../../../src/core/types.js';

export interface TestPlace {
  root: string;
  contentDir: string;
  databasePath: string;
}

/** A temp folder with an (empty) content folder and a database path that does not exist yet. */
export async function tempPlace(): Promise<TestPlace> {
  const root = await mkdtemp(join(tmpdir(), 'briefbot-subs-'));
  const contentDir = join(root, 'content');
  await mkdir(contentDir);
  return { root, contentDir, databasePath: join(root, 'data', 'nested', 'briefbot.db') };
}

/** Removes the folder; the content cache may still be being written just after a stop. */
export async function removePlace(place: TestPlace | undefined): Promise<void> {
  if (place) await rm(place.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}

export interface TestAppOptions {
  adapters?: Adapter[];
  fanout?: AppOptions['fanout'];
  logger?: Logger;
  watch?: boolean;
  /** More variables (DATABASE_URL, INSTANCE_ID, operators, quiet time...). */
  env?: Record<string, string>;
}

/** The real app on a temp content folder and database, with quick retries. */
export function startTestApp(place: TestPlace, options: TestAppOptions = {}): Promise<App> {
  const config = parseConfig({
    ANNOUNCE_QUIET_SECONDS: '0',
    CONTENT_DIR: place.contentDir,
    DATABASE_PATH: place.databasePath,
    RATE_LIMIT_COMMANDS: '10000',
    ...options.env,
  });
  return startApp(config, {
    logger: options.logger ?? silentLogger(),
    adapters: () => options.adapters ?? [],
    ...(options.watch === undefined ? {} : { watch: options.watch }),
    fanout: { retry: { baseMs: 20, maxMs: 200 }, stopGraceMs: 2_000, ...options.fanout },
  });
}

export interface BriefFields {
  title?: string;
  topics?: string[];
  summary?: string;
  published?: string;
}

/** A valid brief file; the slug is the file name. */
export function briefText(fields: BriefFields = {}): string {
  return [
    '---',
    `title: ${JSON.stringify(fields.title ?? 'Water levels fall in the Aral Sea')}`,
    `topics: [${(fields.topics ?? ['aral-sea', 'water']).join(', ')}]`,
    `published: ${fields.published ?? '2024-03-01'}`,
    'publisher: Example News',
    'url: https://example.org/aral',
    `summary: ${JSON.stringify(fields.summary ?? 'The lake keeps shrinking as rivers are diverted.')}`,
    'facts:',
    '  - The northern part lost 2 metres between 2010 and 2020.',
    '---',
    '',
  ].join('\n');
}

/** Writes like an editor's tool does: a temp file renamed into place. */
export async function writeBrief(place: TestPlace, slug: string, fields: BriefFields = {}): Promise<void> {
  const temp = join(place.contentDir, `.${slug}.md.tmp`);
  await writeFile(temp, briefText(fields));
  await rename(temp, join(place.contentDir, `${slug}.md`));
}

export const groupChat = (id: string, platform: Chat['platform'] = 'telegram'): Chat => ({
  id,
  kind: 'group',
  platform,
});

/** Runs a command as a user of the chat; moderators by default. */
export function run(
  app: App,
  chat: Chat,
  command: string,
  args: Record<string, string> = {},
  isModerator = true,
  userId = 'u1',
): Promise<Reply | null> {
  const invocation: Invocation = { command, args, chat, user: { id: userId, name: 'Mod', isModerator } };
  return app.bot.handle(invocation);
}

/** Polls until `check` passes or the time is up; returns how long it took. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

export const replyText = (reply: Reply | null | undefined): string =>
  reply?.kind === 'text' ? reply.text : `<${reply?.kind}>`;

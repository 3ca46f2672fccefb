import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { platformAdapters } from '../../src/platforms.js';
import type { FakeTelegramApi } from '../fakes/telegram-api.js';

const yamlList = (items: string[]) => items.map((i) => `  - ${JSON.stringify(i)}`).join('\n');

const longFacts = Array.from({ length: 12 }, (_, i) =>
  `Fact ${i + 1} of a long read: ${'numbers & <dates> '.repeat(14)}`.slice(0, 290),
);
const longSources = Array.from(
  { length: 20 },
  (_, i) => `  - title: ${JSON.stringify(`Source ${i + 1}: ${'a "quoted" <title> & more '.repeat(10)}`.slice(0, 290))}
    publisher: Publisher ${i + 1}
    url: https://example.org/source/${i + 1}?a=1&b=<2>
    date: 2020-01-${String(i + 1).padStart(2, '0')}`,
).join('\n');

/** Briefs the Telegram tests rely on, written fresh for every run. */
export const FIXTURES: Record<string, string> = {
  'kazakh-camps.md': `---
title: The Kazakh connection to China's "political education" camps
topics: [xinjiang, kazakhstan, uyghurs]
published: 2018-09-11
publisher: Transitions Online
url: https://www.tol.org/client/article/27943-kazakhs-china-xinjiang-camps.html?a=1&b=2
summary: >
  Ethnic Kazakhs are among the Muslims swept into detention in Xinjiang. Astana has
  protested quietly through diplomatic channels.
facts:
${yamlList(['Kazakhstan shares a border of roughly 1,000 km with Xinjiang.', 'A fact with <b>markup</b> & an ampersand.'])}
sources:
  - title: Eradicating Ideological Viruses
    publisher: Human Rights Watch
    url: https://www.hrw.org/report/2018/09/09/eradicating-ideological-viruses
    date: 2018-09-09
---
`,
  'sauytbay-trial.md': `---
title: Kazakh court frees Sayragul Sauytbay, a witness to China's camps
topics: [sauytbay, kazakhstan, xinjiang]
published: 2018-08-01
publisher: The Diplomat
url: https://thediplomat.com/2018/08/sauytbay-trial-ends-in-kazakhstan-with-surprising-release/
summary: A court in Zharkent gave Sauytbay a suspended sentence and did not deport her to China.
facts:
${yamlList(['She received a six-month suspended sentence.'])}
---
`,
  'un-rights-chief.md': `---
title: China tells the UN rights chief to keep out of Xinjiang
topics: [united-nations, china, xinjiang]
published: 2018-09-10
publisher: CNA / Reuters
url: https://www.channelnewsasia.com/news/asia/china-tells-un-rights-chief
summary: Beijing told Michelle Bachelet to respect its sovereignty. It rejected her call for observers.
facts:
${yamlList(['Bachelet took office on 1 September 2018.'])}
---
`,
  'long-read.md': `---
title: A long read on <everything> & more
topics: [long-read]
published: 2017-01-01
publisher: The Long Review
url: https://example.org/long-read
summary: ${JSON.stringify(`A very long summary. ${'It goes on & on about <things>. '.repeat(34)}`.slice(0, 1190))}
facts:
${yamlList(longFacts)}
sources:
${longSources}
---
`,
};

/** Writes the fixture briefs into a fresh content folder. */
export async function writeFixtures(contentDir: string): Promise<void> {
  await mkdir(contentDir, { recursive: true });
  for (const [name, text] of Object.entries(FIXTURES)) await writeFile(join(contentDir, name), text);
}

export interface RunningBot {
  app: App;
  dir: string;
  stop(): Promise<void>;
}

export interface TelegramBotOptions {
  /** Watch the content folder as `main` does (off by default: tests reload by hand). */
  watch?: boolean;
  /** Fan-out tuning, e.g. short retry waits. */
  fanout?: AppOptions['fanout'];
}

/** Starts briefbot as `main` does, on fixture content in a temporary folder, talking to `fake`. */
export async function startTelegramBot(
  fake: Pick<FakeTelegramApi, 'token' | 'url'>,
  env: Record<string, string> = {},
  options: TelegramBotOptions = {},
): Promise<RunningBot> {
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-telegram-'));
  await writeFixtures(join(dir, 'content'));
  const config = parseConfig({
    ANNOUNCE_QUIET_SECONDS: '0',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    CONTENT_DIR: join(dir, 'content'),
    DATABASE_PATH: join(dir, 'data', 'briefbot.db'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_COMMANDS: '10000',
    PORT: '0',
    ...env,
  });
  const app = await startApp(config, {
    logger: silentLogger(),
    watch: options.watch ?? false,
    adapters: platformAdapters,
    ...(options.fanout ? { fanout: options.fanout } : {}),
  });
  return {
    app,
    dir,
    async stop() {
      await app.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Plain text of a sent message as the fake stored it (HTML parsed). */
export const textOf = (call: { result?: unknown }): string =>
  (call.result as { text?: string } | undefined)?.text ?? '';

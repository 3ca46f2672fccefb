import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { Brief } from '../../src/content/brief.js';
import { Library } from '../../src/content/library.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { ConsoleContent } from '../../src/web/console/content-view.js';
import { consoleRoutes } from '../../src/web/console/console-routes.js';
import { publicRoutes } from '../../src/web/public-routes.js';

export interface ConsoleServer {
  app: FastifyInstance;
  url: string;
  data: SqliteStore;
  /** Everything logged so far. */
  logs(): string;
  close(): Promise<void>;
}

/** The console and the public routes on a real socket, over briefs in memory and a SQLite database. */
export async function startConsoleServer(
  password: string,
  briefs: Brief[],
  now?: () => number,
): Promise<ConsoleServer> {
  const library = new Library(briefs);
  const data = new SqliteStore(':memory:');
  let logged = '';
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((logged += chunk.toString()), done()) });
  const logger = pino({ level: 'trace' }, sink);
  const content: ConsoleContent = {
    library,
    errors: () => [],
    draftFiles: () => [],
    readDraft: () => undefined,
    onReload: () => () => undefined,
  };
  const app = Fastify({ logger: false });
  await app.register(consoleRoutes({ password, content, data: data.consoleData(), logger, ...(now ? { now } : {}) }));
  await app.register(publicRoutes(library));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    data,
    logs: () => logged,
    async close() {
      await app.close();
      await data.close();
    },
  };
}

/** Logs in; returns the session cookie (name=value) and the CSRF token of the briefs page. */
export async function logIn(url: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/console/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password }).toString(),
    redirect: 'manual',
  });
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const page = await (await fetch(`${url}/console/briefs`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  return { cookie, csrf };
}

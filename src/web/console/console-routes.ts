import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../core/logger.js';
import { SECURITY_HEADERS } from '../security-headers.js';
import { CONSOLE_CSS, LIVE_JS } from './assets.js';
import { login, logout, requireSession, type AuthParts } from './auth.js';
import { briefBody, briefsListBody } from './briefs-pages.js';
import type { ConsoleContent } from './content-view.js';
import type { ConsoleData } from '../../store/console-data.js';
import { auditBody, chatsBody, deliveriesBody } from './data-pages.js';
import { consolePage, loginPage } from './layout.js';
import { LoginLimiter } from './login-limiter.js';
import { briefReply, previewPanels } from './preview.js';
import { Sessions } from './session.js';
import { streamChanges } from './live-events.js';

export interface ConsoleOptions {
  password: string;
  content: ConsoleContent;
  data: ConsoleData;
  logger: Logger;
  now?: () => number;
}

type Handler = (request: FastifyRequest, reply: FastifyReply, csrf: string) => Promise<unknown> | unknown;

const queryOf = (request: FastifyRequest): URLSearchParams => new URLSearchParams(request.url.split('?')[1] ?? '');
const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .headers({ ...SECURITY_HEADERS, 'cache-control': 'no-store' })
    .type('text/html; charset=utf-8')
    .send(body);

function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}

/** The newsroom console under /console/: every page and action needs a session and, for forms, its CSRF token. */
export function consoleRoutes(options: ConsoleOptions): FastifyPluginAsync {
  return async (app) => {
    const auth: AuthParts = {
      password: options.password,
      sessions: new Sessions(options.password, options.now),
      limiter: new LoginLimiter(options.now),
    };
    const { content, data } = options;
    acceptForms(app);

    const guarded = (handler: Handler) => async (request: FastifyRequest, reply: FastifyReply) => {
      const session = requireSession(auth, request, reply);
      if (!session) return reply;
      return handler(request, reply, auth.sessions.csrfToken(session));
    };
    const page = (title: string, current: string, body: string, csrf: string, scripts?: string[]) =>
      consolePage({ title, current, csrf, ...(scripts ? { scripts } : {}) }, body);

    app.get('/console/assets/console.css', async (_q, reply) =>
      reply.headers(SECURITY_HEADERS).type('text/css; charset=utf-8').send(CONSOLE_CSS),
    );
    app.get('/console/assets/live.js', async (_q, reply) =>
      reply.headers(SECURITY_HEADERS).type('text/javascript; charset=utf-8').send(LIVE_JS),
    );
    app.get('/console', async (_q, reply) => reply.code(303).header('location', '/console/briefs').send());
    app.get('/console/', async (_q, reply) => reply.code(303).header('location', '/console/briefs').send());
    app.get('/console/login', async (_q, reply) => html(reply, 200, loginPage()));
    app.post('/console/login', async (request, reply) => login(auth, request, reply));
    app.post(
      '/console/logout',
      guarded((request, reply) => logout(auth, request, reply)),
    );

    app.get(
      '/console/briefs',
      guarded((request, reply, csrf) =>
        html(reply, 200, page('Briefs', '/console/briefs', briefsListBody(content, queryOf(request)), csrf)),
      ),
    );

    const briefOf = (slug: string) => content.library.get(slug);
    const draftOf = (file: string) => (content.draftFiles().includes(file) ? content.readDraft(file) : undefined);
    const notFound = (reply: FastifyReply, csrf: string, what: string) =>
      html(
        reply,
        404,
        page('Not found', '/console/briefs', `<p>${what} <a href="/console/briefs">Back to the briefs</a>.</p>`, csrf),
      );

    for (const [kind, find] of [
      ['briefs', briefOf],
      ['drafts', draftOf],
    ] as const) {
      app.get<{ Params: { id: string } }>(
        `/console/${kind}/:id`,
        guarded((request, reply, csrf) => {
          const { id } = request.params as { id: string };
          const brief = find(id);
          if (!brief)
            return notFound(reply, csrf, 'There is no such brief, or it has an error that keeps it from loading.');
          const base = `/console/${kind}/${encodeURIComponent(id)}`;
          const body = briefBody(content, brief, `${base}/events`, `${base}/preview`);
          return html(reply, 200, page(brief.title, '/console/briefs', body, csrf, ['/console/assets/live.js']));
        }),
      );
      app.get<{ Params: { id: string } }>(
        `/console/${kind}/:id/preview`,
        guarded((request, reply) => {
          const brief = find((request.params as { id: string }).id);
          if (!brief)
            return reply.code(404).type('text/plain; charset=utf-8').send('This brief is gone or no longer loads.');
          return html(reply, 200, previewPanels(briefReply(content.library, brief)));
        }),
      );
      app.get(
        `/console/${kind}/:id/events`,
        guarded((request, reply) => streamChanges(request, reply, content)),
      );
    }

    app.get(
      '/console/chats',
      guarded(async (request, reply, csrf) =>
        html(reply, 200, page('Chats', '/console/chats', await chatsBody(data, queryOf(request), csrf), csrf)),
      ),
    );
    app.post(
      '/console/chats/resume',
      guarded(async (request, reply) => {
        const body = request.body as Record<string, string>;
        if (!body.platform || !body.chat) return reply.code(400).send({ error: 'platform and chat are required' });
        const resumed = await data.resumeChat({ platform: body.platform as never, chatId: body.chat });
        options.logger.info({ platform: body.platform, chat: body.chat, resumed }, 'console: chat resumed');
        return reply.code(303).header('location', '/console/chats').send();
      }),
    );
    app.get(
      '/console/deliveries',
      guarded(async (request, reply, csrf) =>
        html(reply, 200, page('Deliveries', '/console/deliveries', await deliveriesBody(data, queryOf(request)), csrf)),
      ),
    );
    app.get(
      '/console/audit',
      guarded(async (request, reply, csrf) =>
        html(reply, 200, page('Audit log', '/console/audit', await auditBody(data, queryOf(request)), csrf)),
      ),
    );
  };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, sessionCookie, setSessionCookie } from './cookies.js';
import { loginPage } from './layout.js';
import type { LoginLimiter } from './login-limiter.js';
import { passwordMatches, type Sessions } from './session.js';

export interface AuthParts {
  password: string;
  sessions: Sessions;
  limiter: LoginLimiter;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).type('text/html; charset=utf-8').send(body);

/** POST /console/login: a wait after too many failures, a clear message on a wrong password. */
export function login(parts: AuthParts, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const wait = parts.limiter.waitSeconds(request.ip);
  if (wait > 0) {
    void reply.header('retry-after', String(wait));
    return html(reply, 429, loginPage(`Too many failed logins from your address. Try again in ${wait} seconds.`));
  }
  const password = (request.body as Record<string, string> | undefined)?.password ?? '';
  if (!passwordMatches(password, parts.password)) {
    parts.limiter.fail(request.ip);
    return html(reply, 401, loginPage('That password is not right.'));
  }
  parts.limiter.succeed(request.ip);
  setSessionCookie(request, reply, parts.sessions.create());
  return reply.code(303).header('location', '/console/briefs').send();
}

export function logout(parts: AuthParts, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  parts.sessions.revoke(sessionCookie(request));
  clearSessionCookie(request, reply);
  return reply.code(303).header('location', '/console/login').send();
}

/**
 * The session of a request, or an answer already sent: pages send the browser to the login
 * form, other requests get 401; a form posted without this session's CSRF token gets 403.
 */
export function requireSession(parts: AuthParts, request: FastifyRequest, reply: FastifyReply): string | undefined {
  const session = parts.sessions.verify(sessionCookie(request));
  if (!session) {
    if (request.method === 'GET' && !request.url.includes('/events') && !request.url.includes('/preview')) {
      void reply.code(303).header('location', '/console/login').send();
    } else {
      void reply.code(401).send({ error: 'log in first' });
    }
    return undefined;
  }
  if (
    request.method === 'POST' &&
    !parts.sessions.csrfMatches(session, (request.body as Record<string, unknown>)?._csrf)
  ) {
    void reply
      .code(403)
      .type('text/plain; charset=utf-8')
      .send('This form has expired. Go back, reload the page and try again.');
    return undefined;
  }
  return session;
}

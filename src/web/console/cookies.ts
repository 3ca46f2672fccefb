import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session.js';

/** The session cookie of a request, if any. */
export function sessionCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Secure when the browser reached us over https, directly or through a proxy that says so. */
const overHttps = (request: FastifyRequest): boolean =>
  request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  const secure = overHttps(request) ? '; Secure' : '';
  void reply.header('set-cookie', `${SESSION_COOKIE}=${value}; Path=/console; HttpOnly; SameSite=Strict${secure}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = overHttps(request) ? '; Secure' : '';
  void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
}

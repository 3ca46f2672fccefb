import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from './security-headers.js';

/**
 * Sends `body` with an ETag and, when the content has a date, Last-Modified; answers 304 when
 * the client already holds this version (If-None-Match first, as RFC 9110 asks).
 */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  contentType: string,
  lastModified?: string,
): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const modified = lastModified ? new Date(`${lastModified}T00:00:00Z`) : undefined;
  void reply.headers({ ...SECURITY_HEADERS, etag, 'cache-control': 'public, max-age=60' });
  if (modified) void reply.header('last-modified', modified.toUTCString());
  if (notModified(request, etag, modified)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}

function notModified(request: FastifyRequest, etag: string, modified: Date | undefined): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined)
    return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  const since = request.headers['if-modified-since'];
  if (!since || !modified) return false;
  const at = Date.parse(since);
  return Number.isFinite(at) && modified.getTime() <= at;
}

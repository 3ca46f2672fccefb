import type { FastifyReply, FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from '../security-headers.js';
import type { ConsoleContent } from './content-view.js';

const KEEPALIVE_MS = 25_000;

/** A server-sent event stream that says `change` after every content reload, until the browser leaves. */
export function streamChanges(request: FastifyRequest, reply: FastifyReply, content: ConsoleContent): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n: connected\n\n');
  let seq = 0;
  const stop = content.onReload(() => res.write(`event: change\ndata: ${++seq}\n\n`));
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  request.raw.once('close', () => {
    clearInterval(keepalive);
    stop();
  });
}

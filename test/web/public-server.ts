import Fastify, { type FastifyInstance } from 'fastify';
import type { Brief } from '../../src/content/brief.js';
import { Library } from '../../src/content/library.js';
import { publicRoutes } from '../../src/web/public-routes.js';

/** The public routes on a real socket over a library of the given briefs. */
export async function startPublicServer(
  briefs: Brief[],
): Promise<{ app: FastifyInstance; url: string; library: Library }> {
  const library = new Library(briefs);
  const app = Fastify();
  await app.register(publicRoutes(library));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, library };
}

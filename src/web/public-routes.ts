import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Library } from '../content/library.js';
import { lastChanged } from '../content/brief.js';
import { briefPage } from './brief-page.js';
import { sendCacheable } from './conditional.js';
import { atomFeed } from './feeds/atom.js';
import { allBriefsFeed, topicFeed, type FeedSelection } from './feeds/feed-source.js';
import { jsonFeed } from './feeds/json-feed.js';
import { PAGE_CSS } from './page-css.js';

const originOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/** Public feeds and brief pages: no login, no drafts, no chat or delivery data. */
export function publicRoutes(library: Library): FastifyPluginAsync {
  return async (app) => {
    const sendFeed = (
      request: FastifyRequest,
      reply: Parameters<typeof sendCacheable>[1],
      feed: FeedSelection,
      format: string,
    ) =>
      format === 'json'
        ? sendCacheable(
            request,
            reply,
            JSON.stringify(jsonFeed(feed, originOf(request))),
            'application/feed+json; charset=utf-8',
            feed.updated,
          )
        : sendCacheable(
            request,
            reply,
            atomFeed(feed, originOf(request)),
            'application/atom+xml; charset=utf-8',
            feed.updated,
          );

    app.get<{ Params: { format: string } }>('/feeds/briefs.:format', async (request, reply) => {
      const { format } = request.params;
      if (format !== 'json' && format !== 'atom') return reply.code(404).send({ error: 'feeds are .json or .atom' });
      return sendFeed(request, reply, allBriefsFeed(library), format);
    });

    app.get<{ Params: { file: string } }>('/feeds/topics/:file', async (request, reply) => {
      const match = /^(.+)\.(json|atom)$/.exec(request.params.file);
      const feed = match ? topicFeed(library, match[1]!) : undefined;
      if (!match || !feed) return reply.code(404).send({ error: 'no such topic feed' });
      return sendFeed(request, reply, feed, match[2]!);
    });

    app.get<{ Params: { slug: string } }>('/briefs/:slug', async (request, reply) => {
      const brief = library.get(request.params.slug);
      if (!brief || brief.draft) return reply.code(404).type('text/plain; charset=utf-8').send('No such brief.');
      const page = briefPage(brief, `${originOf(request)}/briefs/${brief.slug}`);
      return sendCacheable(request, reply, page, 'text/html; charset=utf-8', lastChanged(brief));
    });

    app.get('/assets/page.css', async (request, reply) =>
      sendCacheable(request, reply, PAGE_CSS, 'text/css; charset=utf-8'),
    );
  };
}

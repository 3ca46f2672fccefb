import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../core/logger.js';

export interface WebhookRouteOptions {
  /** The path of TELEGRAM_WEBHOOK_URL, where Telegram posts updates. */
  path: string;
  secret: string;
  /** True the first time this update id is seen by any instance (the store's claim). */
  claim(updateId: number): Promise<boolean>;
  /** Handles one claimed update in the background; the webhook has already been answered. */
  handle(update: Update): void;
  logger: Logger;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function sameSecret(given: unknown, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/**
 * Telegram's webhook on the shared listener. A request without the secret is refused (403) from
 * its headers, before its body is read; one over the size limit gets 413, malformed JSON 400.
 * Each update is claimed in the database and answered 200 at once, then handled in the background:
 * Telegram re-sends an update whose answer is slow, and a re-sent one (to any instance) is claimed
 * already, so it is answered and dropped.
 */
export function webhookRoutes(options: WebhookRouteOptions): FastifyPluginAsync {
  const expected = Buffer.from(options.secret);
  return async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (sameSecret(request.headers[SECRET_HEADER], expected)) return;
      // The connection closes after the answer, so that an unread body cannot hold it open.
      await reply.code(403).header('connection', 'close').send({ error: 'forbidden' });
    });
    app.post(options.path, async (request, reply) => {
      const update = request.body as Partial<Update> | null;
      if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id)) {
        return reply.code(400).send({ error: 'not a Telegram update' });
      }
      const first = await options.claim(update.update_id!);
      if (first) options.handle(update as Update);
      else options.logger.info({ updateId: update.update_id }, 'telegram update delivered again; already handled');
      return reply.code(200).send();
    });
  };
}

/** The path Telegram posts to, from TELEGRAM_WEBHOOK_URL. */
export const webhookPath = (url: string): string => new URL(url).pathname || '/';

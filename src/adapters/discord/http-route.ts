import type { FastifyPluginAsync } from 'fastify';
import { InteractionResponseType, InteractionType, type APIInteraction, type APIInteractionResponse } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { FirstResponse } from './reply-channel.js';
import { checkSignature, publicKeyFromHex } from './signature.js';

export const INTERACTIONS_PATH = '/discord/interactions';

export interface InteractionRouteOptions {
  publicKey: string;
  /** The shared interaction path; resolves when the interaction is fully handled. */
  handle(raw: APIInteraction, first: FirstResponse): Promise<void>;
  logger: Logger;
  now?: () => number;
}

/**
 * `POST /discord/interactions`: Discord's HTTP interactions. The body is kept raw to check its
 * Ed25519 signature (401 on any failure, as Discord itself probes with bad ones), PING gets PONG,
 * and everything else goes through the same handler as gateway interactions: its first response
 * becomes the body of our answer, later edits go through REST.
 */
export function interactionRoutes(options: InteractionRouteOptions): FastifyPluginAsync {
  const key = publicKeyFromHex(options.publicKey);
  const now = options.now ?? Date.now;
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.post(INTERACTIONS_PATH, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const check = checkSignature(
        key,
        request.headers['x-signature-ed25519'],
        request.headers['x-signature-timestamp'],
        body,
        now(),
      );
      if (!check.ok) {
        options.logger.warn({ reason: check.reason, ip: request.ip }, 'discord interaction refused');
        return reply.code(401).header('connection', 'close').send({ error: 'invalid request signature' });
      }
      let raw: APIInteraction;
      try {
        raw = JSON.parse(body.toString('utf8')) as APIInteraction;
      } catch {
        return reply.code(400).send({ error: 'malformed JSON' });
      }
      if (raw.type === InteractionType.Ping) return { type: InteractionResponseType.Pong };

      let answer: (response: APIInteractionResponse) => void = () => undefined;
      const first = new Promise<APIInteractionResponse>((resolve) => (answer = resolve));
      // Follow-ups wait until Discord has our first response, or they would reach an unknown interaction.
      const sent = new Promise<void>((resolve) => {
        reply.raw.once('finish', resolve);
        reply.raw.once('close', resolve);
      });
      const handled = options.handle(raw, async (response) => {
        answer(response);
        await sent;
      });
      const response = await Promise.race([first, handled.then(() => undefined)]);
      if (!response) return reply.code(500).send({ error: 'no response' });
      return reply.send(response);
    });
  };
}

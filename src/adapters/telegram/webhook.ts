import { createServer, type Server } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../core/logger.js';

export interface WebhookConfig {
  url: string;
  secret: string;
  port: number;
}

/**
 * Listens on `port` for Telegram's POSTs to the webhook URL's path; requests without the
 * secret token get 403 (telegraf's filter), then registers the webhook with Telegram.
 */
export async function startWebhook(
  bot: Telegraf,
  config: WebhookConfig,
  allowedUpdates: readonly string[],
  logger: Logger,
): Promise<Server> {
  const path = new URL(config.url).pathname || '/';
  const callback = bot.webhookCallback(path, { secretToken: config.secret });
  const server = createServer((req, res) => {
    callback(req, res).catch((error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await bot.telegram.setWebhook(config.url, {
    secret_token: config.secret,
    allowed_updates: allowedUpdates as never,
    drop_pending_updates: false,
  });
  return server;
}

export async function closeWebhook(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

import type { Adapter, AdapterContext } from '../adapter.js';
import type { DiscordConfig } from './client.js';
import { createGatewayAdapter } from './gateway.js';
import { createHttpInteractionsAdapter } from './http-adapter.js';

export interface DiscordAdapterOptions {
  /** Acknowledge an interaction first when its answer takes longer than this; default 1500 ms. */
  deferAfterMs?: number;
  /** Spacing of bulk deliveries; default 50 ms (20 messages/s at most). */
  bulkIntervalMs?: number;
  /** Clock for the hourly publish allowance of announcement channels; Date.now by default. */
  now?: () => number;
}

/**
 * With DISCORD_PUBLIC_KEY, Discord posts interactions to our HTTP listener and the bot opens no
 * gateway connection (sends go through REST); without it, the gateway as before.
 */
export function createDiscordAdapter(
  ctx: AdapterContext,
  config: DiscordConfig,
  options: DiscordAdapterOptions = {},
): Adapter {
  return config.publicKey
    ? createHttpInteractionsAdapter(ctx, { ...config, publicKey: config.publicKey }, options)
    : createGatewayAdapter(ctx, config, options);
}

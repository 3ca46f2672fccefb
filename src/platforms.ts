import type { Adapter, AdapterContext } from './adapters/adapter.js';
import { createDiscordAdapter } from './adapters/discord/index.js';
import { createTelegramAdapter } from './adapters/telegram/index.js';

/** The chat-platform adapters that this config enables; empty means terminal mode. */
export function platformAdapters(ctx: AdapterContext): Adapter[] {
  const adapters: Adapter[] = [];
  if (ctx.config.discord) adapters.push(createDiscordAdapter(ctx, ctx.config.discord));
  if (ctx.config.telegram) adapters.push(createTelegramAdapter(ctx, ctx.config.telegram));
  return adapters;
}

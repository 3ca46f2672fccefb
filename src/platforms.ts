import type { Adapter, AdapterContext } from './adapters/adapter.js';

/**
 * The chat-platform adapters that this config enables; empty means terminal mode. Each client
 * library is loaded only when its platform is on, which keeps the terminal mode quick to start.
 */
export async function platformAdapters(ctx: AdapterContext): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (ctx.config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.js');
    adapters.push(createDiscordAdapter(ctx, ctx.config.discord));
  }
  if (ctx.config.telegram) {
    const { createTelegramAdapter } = await import('./adapters/telegram/index.js');
    adapters.push(createTelegramAdapter(ctx, ctx.config.telegram));
  }
  return adapters;
}

import type { Adapter, AdapterContext } from './adapters/adapter.js';
import { consolePlatform } from './adapters/console/platform.js';
import { discordPlatform } from './adapters/discord/platform.js';
import { enabledAdapters, platformDefinition, registerPlatform, type PlatformDefinition } from './adapters/registry.js';
import { telegramPlatform } from './adapters/telegram/platform.js';
import type { Platform } from './core/types.js';

/** The platforms this build knows; a new one registers here with its id, limits and card mapping. */
export function registerBuiltInPlatforms(): void {
  const builtIn: PlatformDefinition[] = [consolePlatform, discordPlatform, telegramPlatform];
  for (const definition of builtIn) if (!platformDefinition(definition.id)) registerPlatform(definition);
}

/**
 * The chat-platform adapters that this config enables; empty means terminal mode. Each client
 * library is loaded only when its platform is on, which keeps the terminal mode quick to start.
 */
export async function platformAdapters(ctx: AdapterContext): Promise<Adapter[]> {
  registerBuiltInPlatforms();
  return enabledAdapters(ctx);
}

/** Whether commands from this platform skip the per-user rate limit (a local terminal). */
export function isLocalPlatform(platform: Platform): boolean {
  registerBuiltInPlatforms();
  return platformDefinition(platform)?.local === true;
}

import type { PlatformDefinition } from '../registry.js';
import { LIMITS } from './limits.js';
import type { DiscordMessage } from './render.js';

export const discordPlatform: PlatformDefinition<DiscordMessage> = {
  id: 'discord',
  limits: {
    messageLength: LIMITS.description,
    buttonsPerRow: LIMITS.buttonsPerRow,
    buttonRows: LIMITS.rows,
    buttonLabel: LIMITS.buttonLabel,
  },
  enabled: (config) => config.discord !== undefined,
  async load() {
    const [{ discordMessage }, { createDiscordAdapter }] = await Promise.all([
      import('./render.js'),
      import('./index.js'),
    ]);
    return {
      render: discordMessage,
      createAdapter(ctx) {
        if (!ctx.config.discord) throw new Error('Discord is not configured (DISCORD_TOKEN)');
        return createDiscordAdapter(ctx, ctx.config.discord);
      },
    };
  },
};

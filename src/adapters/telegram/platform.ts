import type { PlatformDefinition } from '../registry.js';
import { MESSAGE_LIMIT } from './pack.js';
import type { TelegramMessage } from './render.js';

export const telegramPlatform: PlatformDefinition<TelegramMessage[]> = {
  id: 'telegram',
  // Telegram allows 8 buttons a row and 100 in all; we put one brief per row.
  limits: { messageLength: MESSAGE_LIMIT, buttonsPerRow: 8, buttonRows: 100, buttonLabel: 60 },
  enabled: (config) => config.telegram !== undefined,
  async load() {
    const [{ telegramMessages }, { createTelegramAdapter }] = await Promise.all([
      import('./render.js'),
      import('./index.js'),
    ]);
    return {
      render: telegramMessages,
      createAdapter(ctx) {
        if (!ctx.config.telegram) throw new Error('Telegram is not configured (TELEGRAM_BOT_TOKEN)');
        return createTelegramAdapter(ctx, ctx.config.telegram);
      },
    };
  },
};

import { cardText } from '../../core/render-text.js';
import type { PlatformDefinition } from '../registry.js';

/** The terminal: started by `main` when no platform token is set, never by the registry. */
export const consolePlatform: PlatformDefinition<string> = {
  id: 'console',
  limits: { messageLength: Number.MAX_SAFE_INTEGER, buttonsPerRow: 0, buttonRows: 0, buttonLabel: 0 },
  local: true,
  enabled: () => false,
  load: async () => ({
    render: cardText,
    createAdapter: () => {
      throw new Error('the console adapter is made by main with its input and output');
    },
  }),
};

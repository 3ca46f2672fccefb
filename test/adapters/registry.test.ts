import { describe, expect, it } from 'vitest';
import type { Adapter, AdapterContext } from '../../src/adapters/adapter.js';
import {
  enabledAdapters,
  platformDefinition,
  registerPlatform,
  registeredPlatforms,
  type PlatformDefinition,
} from '../../src/adapters/registry.js';
import { parseConfig } from '../../src/config.js';
import { ContentStore } from '../../src/content/store.js';
import { cardText } from '../../src/core/render-text.js';
import { silentLogger } from '../../src/core/logger.js';
import { noMetrics } from '../../src/core/metrics.js';
import { toCard } from '../../src/core/to-card.js';
import { isLocalPlatform, registerBuiltInPlatforms } from '../../src/platforms.js';
import { telegramMessages } from '../../src/adapters/telegram/render.js';
import { testBot } from '../helpers/test-bot.js';

const limits = { messageLength: 500, buttonsPerRow: 3, buttonRows: 2, buttonLabel: 20 };

function shoutingPlatform(id: string, on: boolean, started: string[]): PlatformDefinition<string> {
  return {
    id,
    limits,
    enabled: () => on,
    load: async () => ({
      render: (card) => cardText(card).toUpperCase(),
      createAdapter: (): Adapter => {
        started.push(id);
        return { platform: id, start: async () => undefined, stop: async () => undefined };
      },
    }),
  };
}

async function context(): Promise<AdapterContext> {
  const logger = silentLogger();
  const { bot } = await testBot();
  const store = new ContentStore({ dir: 'content', logger });
  return { bot, store, config: parseConfig({}), logger, metrics: noMetrics };
}

describe('platform registry', () => {
  it('takes a new platform with its limits and card mapping, and refuses the same id twice', async () => {
    const started: string[] = [];
    registerPlatform(shoutingPlatform('shout', true, started));
    expect(() => registerPlatform(shoutingPlatform('shout', false, started))).toThrow(/registered twice/);
    const shout = platformDefinition('shout');
    expect(shout?.limits.messageLength).toBe(500);
    const module = await shout!.load();
    expect(module.render(toCard({ kind: 'text', tone: 'info', text: 'hello' }))).toBe('HELLO');
  });

  it('builds adapters only for the platforms the configuration turns on', async () => {
    const started: string[] = [];
    registerPlatform(shoutingPlatform('on-one', true, started));
    registerPlatform(shoutingPlatform('off-one', false, started));
    const adapters = await enabledAdapters(await context());
    expect(adapters.map((a) => a.platform)).toEqual(expect.arrayContaining(['on-one']));
    expect(started).toEqual(['on-one']);
  });

  it('knows the built-in platforms, with no token set none is started, and only the terminal is local', async () => {
    registerBuiltInPlatforms();
    registerBuiltInPlatforms();
    expect(registeredPlatforms().map((p) => p.id)).toEqual(expect.arrayContaining(['console', 'discord', 'telegram']));
    expect(platformDefinition('telegram')?.limits.messageLength).toBe(4096);
    expect(platformDefinition('discord')?.enabled(parseConfig({}))).toBe(false);
    expect(isLocalPlatform('console')).toBe(true);
    expect(isLocalPlatform('telegram')).toBe(false);
    expect(isLocalPlatform('nowhere')).toBe(false);
  });

  it('loads a built-in mapping on demand and it renders a card', async () => {
    registerBuiltInPlatforms();
    const telegram = await platformDefinition('telegram')!.load();
    expect(telegram.render).toBe(telegramMessages);
    const messages = telegram.render(toCard({ kind: 'text', tone: 'info', text: 'a < b' })) as { text: string }[];
    expect(messages[0]?.text).toBe('a &lt; b');
  });
});

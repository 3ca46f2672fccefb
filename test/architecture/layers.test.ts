import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The restricted imports ESLint reports for `source` placed at `path`. */
async function refused(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the lint rule keeps the layers apart', () => {
  it('refuses the imports each layer must not make', async () => {
    expect(await refused('src/content/probe.ts', "export { Bot } from '../core/bot.js';")).toHaveLength(1);
    expect(await refused('src/shared/probe.ts', "export type { Brief } from '../content/brief.js';")).toHaveLength(1);
    expect(await refused('src/shared/probe.ts', "export { Telegraf } from 'telegraf';")).toHaveLength(1);
    expect(await refused('src/core/probe.ts', "export { FanOut } from '../fanout/fan-out.js';")).toHaveLength(1);
    expect(await refused('src/core/probe.ts', "export * from '../adapters/registry.js';")).toHaveLength(1);
    expect(await refused('commands/probe.ts', "export { Client } from 'discord.js';")).toHaveLength(1);
  }, 30_000);

  it('lets each layer import what is below it', async () => {
    expect(await refused('src/content/probe.ts', "export { toKey } from '../shared/normalize.js';")).toEqual([]);
    expect(await refused('src/core/probe.ts', "export type { Brief } from '../content/brief.js';")).toEqual([]);
    expect(await refused('commands/probe.ts', "export { toCard } from '../src/core/to-card.js';")).toEqual([]);
    expect(await refused('src/adapters/x/probe.ts', "export { Telegraf } from 'telegraf';")).toEqual([]);
  }, 30_000);
});

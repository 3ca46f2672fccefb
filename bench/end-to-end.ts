/**
 * Runs one end-to-end benchmark in its own process and sends the result to the parent
 * (`bench/run.ts`), so that the size runs' heaps and the other benchmarks' sockets never share it.
 */
import { benchInteractions } from './discord.js';
import { benchFanoutTelegram, type BenchFanoutTelegramResult } from './fanout-telegram.js';
import { benchFleet, type FleetBenchResult } from './fleet.js';
import { benchTelegram, type BenchTelegramResult } from './telegram.js';
import { benchWebhook, type BenchWebhookResult } from './webhook.js';

export type EndToEndName = 'telegram' | 'webhook' | 'discord' | 'fanout' | 'fanoutTopics' | 'fleet';

export interface DiscordInteractionsResult {
  interactions: number;
  p50Ms: number;
  p99Ms: number;
}

export interface EndToEndResults {
  telegram?: BenchTelegramResult | string;
  webhook?: BenchWebhookResult | string;
  discord?: DiscordInteractionsResult | string;
  fanout?: BenchFanoutTelegramResult | string;
  /** The same fan-out with half the targets topics of forum supergroups. */
  fanoutTopics?: BenchFanoutTelegramResult | string;
  fleet?: FleetBenchResult | string;
}

export const TELEGRAM_COMMANDS = 5_000;
export const TELEGRAM_CHATS = 500;
export const DISCORD_INTERACTIONS = 500;
export const FANOUT_CHATS = 1_000;
export const FLEET_COMMANDS = 3_000;

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function run(name: EndToEndName): Promise<unknown> {
  switch (name) {
    case 'telegram':
      return benchTelegram({ commands: TELEGRAM_COMMANDS, chats: TELEGRAM_CHATS });
    case 'webhook':
      return benchWebhook({ commands: TELEGRAM_COMMANDS, chats: TELEGRAM_CHATS });
    case 'discord': {
      const { p50, p99 } = await benchInteractions(DISCORD_INTERACTIONS, log);
      return { interactions: DISCORD_INTERACTIONS, p50Ms: round(p50), p99Ms: round(p99) };
    }
    case 'fanout':
      return benchFanoutTelegram({ chats: FANOUT_CHATS, messagesPerSecond: 30 });
    case 'fanoutTopics':
      return benchFanoutTelegram({ chats: FANOUT_CHATS, messagesPerSecond: 30, forumShare: 0.5 });
    case 'fleet':
      return benchFleet({ commands: FLEET_COMMANDS, chats: FANOUT_CHATS });
  }
}

const name = process.argv[2] as EndToEndName;
const result = await run(name);
process.send!(result, () => process.exit(0));

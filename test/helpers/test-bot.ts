import { coreCommands } from '../../commands/index.js';
import type { Brief } from '../../src/content/brief.js';
import { Library } from '../../src/content/library.js';
import { ContentStore } from '../../src/content/store.js';
import { Bot } from '../../src/core/bot.js';
import type { Command } from '../../src/core/command.js';
import type { CommandServices } from '../../src/core/services.js';
import { silentLogger } from '../../src/core/logger.js';
import { RateLimiter } from '../../src/core/rate-limit.js';
import type { Chat, Reply, User } from '../../src/core/types.js';
import { isLocalPlatform } from '../../src/platforms.js';

export interface TestBot {
  bot: Bot;
  library: Library;
  /** Sends a line as a chat user would type it; returns the Reply (null: dropped, undefined: not a command). */
  send(line: string, as?: { user?: Partial<User>; chat?: Partial<Chat> }): Promise<Reply | null | undefined>;
}

export interface TestBotOptions {
  briefs?: Brief[];
  /** Load this content folder instead of in-memory briefs. */
  contentDir?: string;
  commands?: readonly Command[];
  rateLimit?: { limit: number; windowSeconds: number };
  services?: Partial<CommandServices>;
}

/** A bot over the real commands and library, with a one-line way to talk to it. */
export async function testBot(options: TestBotOptions = {}): Promise<TestBot> {
  let library: Library;
  if (options.contentDir) {
    const store = new ContentStore({ dir: options.contentDir, logger: silentLogger() });
    await store.load();
    library = store.library;
  } else {
    library = new Library(options.briefs ?? []);
  }
  const bot = new Bot({
    library,
    commands: options.commands ?? coreCommands,
    logger: silentLogger(),
    unlimited: isLocalPlatform,
    ...(options.rateLimit ? { rateLimiter: new RateLimiter(options.rateLimit) } : {}),
    ...(options.services ? { services: options.services } : {}),
  });
  return {
    bot,
    library,
    send: (line, as = {}) =>
      bot.handleText(
        line,
        { id: 'u1', name: 'Tester', isModerator: false, ...as.user },
        { id: 'c1', kind: 'private', platform: 'telegram', ...as.chat },
      ),
  };
}

import type { Command } from '../src/core/command.js';
import brief from './brief.js';
import help from './help.js';
import language from './language.js';
import latest from './latest.js';
import post from './post.js';
import search from './search.js';
import status from './status.js';
import subscribe from './subscribe.js';
import subscriptions from './subscriptions.js';
import topics from './topics.js';
import unsubscribe from './unsubscribe.js';

/** Every command, in the order help lists them. */
export const coreCommands: readonly Command[] = [
  brief,
  topics,
  search,
  latest,
  subscribe,
  unsubscribe,
  subscriptions,
  post,
  status,
  language,
  help,
];

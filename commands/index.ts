import type { Command } from '../src/core/command.js';
import brief from './brief.js';
import help from './help.js';
import latest from './latest.js';
import search from './search.js';
import topics from './topics.js';

/** Every command, in the order help lists them. */
export const coreCommands: readonly Command[] = [brief, topics, search, latest, help];

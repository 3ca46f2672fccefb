import type { Library } from '../src/content/library.js';
import type { CommandOption } from '../src/core/command.js';

/** Real topic keys from the store, most used first, for usage lines and help. */
export const topicExamples = (library: Library, n = 3): string[] =>
  library
    .topics()
    .slice(0, n)
    .map((t) => t.topic);

/** The option that names a brief the way /brief finds one, with autocomplete on Discord. */
export const briefQueryOption: CommandOption = {
  name: 'topic',
  description: 'A topic, title or slug, e.g. xinjiang',
  type: 'string',
  required: true,
  autocomplete: true,
};

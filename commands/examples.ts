import type { Library } from '../src/content/library.js';

/** Real topic keys from the store, most used first, for usage lines and help. */
export const topicExamples = (library: Library, n = 3): string[] =>
  library
    .topics()
    .slice(0, n)
    .map((t) => t.topic);

import { defineCommand } from '../src/core/command.js';
import { translator } from '../src/core/i18n/index.js';
import { topicExamples } from './examples.js';

export default defineCommand({
  name: 'search',
  description: 'Search all briefs by words in their title, topics, summary and facts.',
  options: [{ name: 'words', description: 'What to look for, e.g. camps kazakh', type: 'string', required: true }],
  examples: (library) => topicExamples(library, 2).map((t) => `/search ${t}`),
  run({ args, library, language }) {
    const query = String(args.words);
    const items = library.searchText(query, 10);
    if (items.length === 0) return { kind: 'notFound', query, suggestions: library.suggest(query, 3) };
    return { kind: 'list', title: translator(language)('lists.results', { query }), items };
  },
});

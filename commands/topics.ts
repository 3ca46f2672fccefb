import { defineCommand } from '../src/core/command.js';
import { translator } from '../src/core/i18n/index.js';

export const TOPICS_PER_PAGE = 20;

export default defineCommand({
  name: 'topics',
  description: 'List the topics that have briefs, with how many each.',
  options: [{ name: 'page', description: 'Page number', type: 'integer', required: false, min: 1, max: 10_000 }],
  examples: () => ['/topics', '/topics 2'],
  run({ args, library, language }) {
    const t = translator(language);
    const all = library.topics();
    if (all.length === 0) return { kind: 'text', tone: 'info', text: t('lists.noBriefs') };
    const of = Math.ceil(all.length / TOPICS_PER_PAGE);
    const number = Math.min(Number(args.page ?? 1), of);
    const items = all.slice((number - 1) * TOPICS_PER_PAGE, number * TOPICS_PER_PAGE);
    return { kind: 'topics', title: t('lists.topics'), items, page: { number, of } };
  },
});

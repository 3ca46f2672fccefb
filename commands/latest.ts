import { toRef } from '../src/content/brief.js';
import { defineCommand } from '../src/core/command.js';
import { translator } from '../src/core/i18n/index.js';

export default defineCommand({
  name: 'latest',
  description: 'List the most recently published or updated briefs.',
  options: [
    { name: 'count', description: 'How many, 1 to 20 (default 5)', type: 'integer', required: false, min: 1, max: 20 },
  ],
  examples: () => ['/latest', '/latest 10'],
  run({ args, library, language }) {
    const t = translator(language);
    const items = library.latest(Number(args.count ?? 5)).map(toRef);
    if (items.length === 0) return { kind: 'text', tone: 'info', text: t('lists.noBriefs') };
    return { kind: 'list', title: t('lists.latest'), items };
  },
});

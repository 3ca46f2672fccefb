import { toRef } from '../src/content/brief.js';
import { defineCommand } from '../src/core/command.js';

export default defineCommand({
  name: 'latest',
  description: 'List the most recently published or updated briefs.',
  options: [
    { name: 'count', description: 'How many, 1 to 20 (default 5)', type: 'integer', required: false, min: 1, max: 20 },
  ],
  examples: () => ['/latest', '/latest 10'],
  run({ args, library }) {
    const items = library.latest(Number(args.count ?? 5)).map(toRef);
    if (items.length === 0) return { kind: 'text', tone: 'info', text: 'There are no briefs yet.' };
    return { kind: 'list', title: 'Latest briefs', items };
  },
});

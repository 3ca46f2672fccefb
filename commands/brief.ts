import { defineCommand } from '../src/core/command.js';
import type { BriefRef } from '../src/content/brief.js';
import { pickVersion, refIn } from '../src/content/versions.js';
import { briefQueryOption, topicExamples } from './examples.js';

export default defineCommand({
  name: 'brief',
  description: 'Show the brief on a topic: summary, key facts and sources.',
  options: [briefQueryOption],
  examples: (library) => topicExamples(library).map((t) => `/brief ${t}`),
  run({ args, library, language }) {
    const query = String(args.topic);
    const result = library.lookup(query);
    const named = (refs: readonly BriefRef[]) => refs.map((ref) => refIn(library, ref, language));
    if (result.kind === 'miss') return { kind: 'notFound', query, suggestions: named(result.suggestions) };
    const { brief, fallback } = pickVersion(library.versionsOf(result.brief), language);
    return { kind: 'brief', brief, related: named(result.related), ...(fallback ? { fallback } : {}) };
  },
});

import type { Brief, BriefRef } from '../content/brief.js';
import type { Page, Reply } from './types.js';

const bullet = (s: string): string => `  • ${s}`;
const refLine = (r: BriefRef, i: number): string => `${i + 1}. ${r.title} (${r.date}) - /brief ${r.slug}`;
const pageLine = (command: string, page?: Page): string[] =>
  page && page.of > 1
    ? [``, `Page ${page.number} of ${page.of}.${page.number < page.of ? ` Next: /${command} ${page.number + 1}` : ''}`]
    : [];

function dateLine(brief: Brief): string {
  const updated = brief.updated && brief.updated !== brief.published ? `, updated ${brief.updated}` : '';
  return `${brief.publisher} · published ${brief.published}${updated}`;
}

function renderBrief(brief: Brief, related: readonly BriefRef[], label?: string): string {
  const sources = brief.sources.flatMap((s) => {
    const meta = [s.publisher, s.date].filter(Boolean).join(', ');
    return [bullet(meta ? `${s.title} (${meta})` : s.title), `    ${s.url}`];
  });
  return [
    label ? `[${label}] ${brief.title}` : brief.title,
    dateLine(brief),
    `Topics: ${brief.topics.join(', ')}`,
    '',
    brief.summary,
    '',
    'Key facts:',
    ...brief.facts.map(bullet),
    ...(sources.length > 0 ? ['', 'Sources:', ...sources] : []),
    '',
    `Original article: ${brief.url}`,
    ...(related.length > 0 ? ['', 'Related:', ...related.map((r) => bullet(`${r.title} - /brief ${r.slug}`))] : []),
  ].join('\n');
}

/** The plain-text form of any reply: the terminal's renderer and every platform's fallback. */
export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case 'brief':
      return renderBrief(reply.brief, reply.related, reply.label);
    case 'list':
      return [reply.title, ...reply.items.map(refLine), ...pageLine('latest', reply.page)].join('\n');
    case 'topics':
      return [
        `${reply.title}:`,
        ...reply.items.map((t) => bullet(`${t.topic} (${t.count})`)),
        ...pageLine('topics', reply.page),
        '',
        'Type /brief <topic> to read one.',
      ].join('\n');
    case 'notFound': {
      const query = reply.query.length > 80 ? `${reply.query.slice(0, 80)}…` : reply.query;
      const hint =
        reply.suggestions.length > 0
          ? ['Did you mean:', ...reply.suggestions.map((s) => bullet(`${s.title} - /brief ${s.slug}`))]
          : ['Type /topics to see what there is, or /search <words> to look through every brief.'];
      return [`No brief matches "${query}".`, ...hint].join('\n');
    }
    case 'text':
      return reply.text;
  }
}

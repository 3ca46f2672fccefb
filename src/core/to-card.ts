import { lastChanged, type Brief, type BriefRef, type Source } from '../content/brief.js';
import type { Card, CardAction, CardBlock, CardButton, CardItem } from './card.js';
import type { BriefFormat, LanguageFallback, Page, Reply, TopicCount } from './types.js';
import { translator, uiLanguage, type Translate } from './i18n/index.js';
import { languageName } from '../shared/language.js';

const MAX_SOURCE_LINKS = 5;
const MAX_LIST_BUTTONS = 10;
const BUTTONS_PER_ROW = 5;
const QUERY_SHOWN = 80;
const ONE_LINE = 200;

const openBrief = (slug: string): CardAction => ({ command: 'brief', option: 'topic', value: slug });

/** `Example News · published 2024-01-15, updated 2024-02-01`. */
export function byline(brief: Pick<Brief, 'publisher' | 'published' | 'updated'>, t: Translate): string {
  const { publisher, published, updated } = brief;
  if (updated && updated !== published) return t('card.bylineUpdated', { publisher, published, updated });
  return t('card.byline', { publisher, published });
}

/** One short line: the reader's language is missing, and which there are. */
function fallbackLine(fallback: LanguageFallback, shown: string, t: Translate, ui: string): string {
  const name = (tag: string) => languageName(tag, ui);
  return t('card.fallback', {
    wanted: name(fallback.wanted),
    shown: name(shown),
    available: fallback.available.map(name).join(', '),
  });
}

/** A source as one line: its title, then publisher and date. */
export function sourceItem(source: Source): CardItem {
  const detail = [source.publisher, source.date].filter(Boolean).join(', ');
  return detail ? { text: source.title, detail, url: source.url } : { text: source.title, url: source.url };
}

const refItem = (ref: BriefRef): CardItem => ({ text: ref.title, action: openBrief(ref.slug) });

/** A web link: what a link button may open. */
export const isHttpUrl = (url: string): boolean =>
  URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);

function paging(command: string, page?: Page): CardBlock[] {
  return page && page.of > 1 ? [{ type: 'paging', number: page.number, of: page.of, command }] : [];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A subscription update's label, short and long, in the reader's language; nothing without one. */
function labelled(label: 'New' | 'Updated' | undefined, t: Translate): Pick<Card, 'label' | 'labelText' | 'labelLong'> {
  if (!label) return {};
  return label === 'New'
    ? { label, labelText: t('card.new'), labelLong: t('card.newBrief') }
    : { label, labelText: t('card.updated'), labelLong: t('card.updatedBrief') };
}

function briefCard(reply: Extract<Reply, { kind: 'brief' }>, t: Translate): Card {
  const { brief, related, label, fallback } = reply;
  const sources = brief.sources.map(sourceItem);
  const links: CardButton[] = brief.sources
    .slice(0, MAX_SOURCE_LINKS)
    .filter((s) => isHttpUrl(s.url))
    .map((s) => ({ label: s.title, url: s.url }));
  const note: CardBlock[] = fallback
    ? [{ type: 'text', text: fallbackLine(fallback, brief.lang, t, uiLanguage([reply.lang])) }]
    : [];
  const blocks: CardBlock[] = [
    ...note,
    { type: 'text', text: brief.summary },
    { type: 'list', name: 'facts', heading: t('card.keyFacts'), items: brief.facts.map((text) => ({ text })) },
    { type: 'list', name: 'sources', heading: t('card.sources'), items: sources },
    { type: 'article', url: brief.url, publisher: brief.publisher },
    { type: 'list', name: 'related', heading: t('card.related'), items: related.map(refItem), offeredAsButtons: true },
  ];
  return {
    tone: 'info',
    private: false,
    title: brief.title,
    ...labelled(label, t),
    lang: brief.lang,
    url: brief.url,
    byline: byline(brief, t),
    date: lastChanged(brief),
    topics: brief.topics,
    accent: brief.topics[0] ?? brief.slug,
    blocks: blocks.filter((b) => b.type !== 'list' || b.items.length > 0),
    buttons: [links, related.map((r) => ({ label: r.title, action: openBrief(r.slug) }))],
  };
}

/** The summary's first sentence, within one line. */
export function oneLineSummary(summary: string): string {
  const flat = summary.replace(/\s+/g, ' ').trim();
  // Up to the first end mark followed by a space; a sentence that ends the text is the text.
  const sentence = /.+?[.!?](?=\s)/.exec(flat)?.[0] ?? flat;
  return sentence.length > ONE_LINE ? `${sentence.slice(0, ONE_LINE - 1)}…` : sentence;
}

/** A shorter card for subscriptions that asked for one: `compact` or `headline`. */
function shortBriefCard(
  brief: Brief,
  format: Exclude<BriefFormat, 'full'>,
  t: Translate,
  label?: 'New' | 'Updated',
): Card {
  const article: CardBlock = { type: 'article', url: brief.url, publisher: brief.publisher };
  const compact = format === 'compact';
  return {
    tone: 'info',
    private: false,
    title: brief.title,
    ...labelled(label, t),
    lang: brief.lang,
    url: brief.url,
    date: lastChanged(brief),
    accent: brief.topics[0] ?? brief.slug,
    blocks: compact ? [{ type: 'text', text: oneLineSummary(brief.summary) }, article] : [article],
    buttons: compact ? [[{ label: t('card.fullBrief'), action: openBrief(brief.slug) }]] : [],
  };
}

function listCard(title: string, items: readonly BriefRef[], page?: Page): Card {
  const lines = items.map((r): CardItem => ({ text: r.title, detail: r.date, action: openBrief(r.slug) }));
  const buttons = items
    .slice(0, MAX_LIST_BUTTONS)
    .map((r, i): CardButton => ({ label: `${i + 1}. ${r.title}`, action: openBrief(r.slug) }));
  return {
    tone: 'info',
    private: false,
    title,
    blocks: [{ type: 'list', name: 'items', items: lines, numbered: true }, ...paging('latest', page)],
    buttons: chunk(buttons, BUTTONS_PER_ROW),
  };
}

function topicsCard(title: string, items: readonly TopicCount[], t: Translate, page?: Page): Card {
  const nav: CardButton[] = [];
  const pageAction = (n: number): CardAction => ({ command: 'topics', option: 'page', value: String(n) });
  if (page && page.number > 1) nav.push({ label: t('card.previous'), action: pageAction(page.number - 1) });
  if (page && page.number < page.of) nav.push({ label: t('card.next'), action: pageAction(page.number + 1) });
  const [before, after] = t('card.typeToRead', { returnObjects: true }) as [string, string];
  return {
    tone: 'info',
    private: false,
    title,
    blocks: [
      { type: 'list', name: 'topics', items: items.map((i) => ({ text: i.topic, detail: String(i.count) })) },
      ...paging('topics', page),
      { type: 'hint', parts: [before, { command: '/brief <topic>' }, after] },
    ],
    buttons: [nav],
  };
}

function notFoundCard(query: string, suggestions: readonly BriefRef[], t: Translate): Card {
  const [type, orSearch, toLook] = t('card.lookElsewhere', { returnObjects: true }) as [string, string, string];
  const oneLine = query.replace(/\s+/g, ' ').trim();
  const shown = oneLine.length > QUERY_SHOWN ? `${oneLine.slice(0, QUERY_SHOWN)}…` : oneLine;
  const next: CardBlock =
    suggestions.length > 0
      ? {
          type: 'list',
          name: 'suggestions',
          heading: t('card.didYouMean'),
          items: suggestions.map(refItem),
          offeredAsButtons: true,
        }
      : {
          type: 'hint',
          parts: [type, { command: '/topics' }, orSearch, { command: '/search <words>' }, toLook],
        };
  return {
    tone: 'usage',
    private: true,
    title: t('card.noMatch', { query: shown }),
    blocks: [next],
    buttons: [suggestions.map((s) => ({ label: s.title, action: openBrief(s.slug) }))],
  };
}

/** Reply -> Card: every reply kind is laid out here once, in the reply's language. Pure. */
export function toCard(reply: Reply): Card {
  const ui = uiLanguage([reply.lang]);
  const card = layOut(reply, translator(ui));
  return ui === 'en' ? card : { ...card, ui };
}

function layOut(reply: Reply, t: Translate): Card {
  switch (reply.kind) {
    case 'brief': {
      const format = reply.format ?? 'full';
      const card = format === 'full' ? briefCard(reply, t) : shortBriefCard(reply.brief, format, t, reply.label);
      return reply.linkPreviews === false ? { ...card, linkPreviews: false } : card;
    }
    case 'list':
      return listCard(reply.title, reply.items, reply.page);
    case 'topics':
      return topicsCard(reply.title, reply.items, t, reply.page);
    case 'notFound':
      return notFoundCard(reply.query, reply.suggestions, t);
    case 'text':
      return {
        tone: reply.tone,
        private: reply.tone !== 'info',
        blocks: [{ type: 'text', text: reply.text }],
        buttons: [],
      };
  }
}

import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithURL,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { lastChanged, type Brief, type BriefRef, type Source } from '../../content/brief.js';
import type { Page, Reply, TopicCount } from '../../core/types.js';
import { COLOURS, topicColour } from './colour.js';
import { encodeAction } from './custom-id.js';
import { fitEmbed } from './fit-embed.js';
import { inert, noMentions } from './inert.js';
import { LIMITS, truncate } from './limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A Reply as Discord shows it: embeds, button rows, and whether only the caller sees it. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
  ephemeral: boolean;
}

const MAX_SOURCE_BUTTONS = 5;
const MAX_LIST_BUTTONS = 10;

/** Pure: the same Reply always gives the same message, within every Discord limit. */
export function render(reply: Reply): DiscordMessage {
  switch (reply.kind) {
    case 'brief':
      return renderBrief(reply.brief, reply.related, reply.label);
    case 'list':
      return renderList(reply.title, reply.items, reply.page);
    case 'topics':
      return renderTopics(reply.title, reply.items, reply.page);
    case 'notFound':
      return renderNotFound(reply.query, reply.suggestions);
    case 'text':
      return {
        embeds: [fitEmbed({ description: inert(reply.text) || '\u200b', color: COLOURS[reply.tone] })],
        components: [],
        ephemeral: reply.tone !== 'info',
      };
  }
}

function renderBrief(brief: Brief, related: readonly BriefRef[], label?: 'New' | 'Updated'): DiscordMessage {
  const sourceButtons = brief.sources.slice(0, MAX_SOURCE_BUTTONS).flatMap((s) => linkButton(s));
  const linked = new Set(sourceButtons.map((b) => b.url));
  const embed: APIEmbed = {
    title: inert(brief.title),
    description: inert(brief.summary),
    color: topicColour(brief.topics[0] ?? brief.slug),
    fields: [
      ...packLines(
        'Key facts',
        brief.facts.map((f) => `• ${inert(f)}`),
      ),
      ...packLines(
        'Sources',
        brief.sources.map((s) => sourceLine(s, !linked.has(s.url))),
      ),
      ...(brief.topics.length > 0 ? [{ name: 'Topics', value: inert(brief.topics.join(', ')), inline: true }] : []),
    ],
    footer: { text: footerOf(brief) },
  };
  if (isHttpUrl(brief.url)) embed.url = brief.url;
  const timestamp = isoTimestamp(lastChanged(brief));
  if (timestamp) embed.timestamp = timestamp;
  if (label) embed.author = { name: label === 'New' ? 'New brief' : 'Updated brief' };
  const relatedButtons = related.flatMap((r) => briefButton(r.title, r.slug)).slice(0, LIMITS.buttonsPerRow);
  return {
    embeds: [fitEmbed(embed)],
    components: rows([sourceButtons, relatedButtons]),
    ephemeral: false,
  };
}

function renderList(title: string, items: readonly BriefRef[], page?: Page): DiscordMessage {
  const lines = items.map((r, i) => `**${i + 1}.** ${inert(r.title)} · ${inert(r.date)}`);
  const buttons = items.slice(0, MAX_LIST_BUTTONS).flatMap((r, i) => briefButton(`${i + 1}. ${r.title}`, r.slug));
  const embed: APIEmbed = {
    title: inert(title),
    description: truncateLines(lines, LIMITS.description) || '\u200b',
    color: COLOURS.info,
  };
  if (page && page.of > 1) embed.footer = { text: `Page ${page.number} of ${page.of}` };
  return { embeds: [fitEmbed(embed)], components: rows(chunk(buttons, LIMITS.buttonsPerRow)), ephemeral: false };
}

function renderTopics(title: string, items: readonly TopicCount[], page?: Page): DiscordMessage {
  const lines = items.map((t) => `• ${inert(t.topic)} (${t.count})`);
  const embed: APIEmbed = {
    title: inert(title),
    description: truncateLines(lines, LIMITS.description) || '\u200b',
    color: COLOURS.info,
    footer: {
      text: [page && page.of > 1 ? `Page ${page.number} of ${page.of}` : '', 'Type /brief <topic> to read one.']
        .filter(Boolean)
        .join(' · '),
    },
  };
  const nav: APIButtonComponent[] = [];
  if (page && page.number > 1) nav.push(...actionButton('Previous', 'topics', 'page', String(page.number - 1)));
  if (page && page.number < page.of) nav.push(...actionButton('Next', 'topics', 'page', String(page.number + 1)));
  return { embeds: [fitEmbed(embed)], components: rows([nav]), ephemeral: false };
}

function renderNotFound(query: string, suggestions: readonly BriefRef[]): DiscordMessage {
  const shown = truncate(query.replace(/\s+/g, ' ').trim(), 80);
  const description =
    suggestions.length > 0
      ? ['Did you mean:', ...suggestions.map((s) => `• ${inert(s.title)}`)].join('\n')
      : 'Type /topics to see what there is, or /search <words> to look through every brief.';
  const buttons = suggestions.flatMap((s) => briefButton(s.title, s.slug)).slice(0, LIMITS.buttonsPerRow);
  return {
    embeds: [fitEmbed({ title: `No brief matches "${inert(shown)}"`, description, color: COLOURS.usage })],
    components: rows([buttons]),
    ephemeral: true,
  };
}

function footerOf(brief: Brief): string {
  const updated = brief.updated && brief.updated !== brief.published ? ` · updated ${brief.updated}` : '';
  return noMentions(`${brief.publisher} · published ${brief.published}${updated}`);
}

function sourceLine(source: Source, withUrl: boolean): string {
  const meta = [source.publisher, source.date].filter(Boolean).join(', ');
  const line = `• ${inert(source.title)}${meta ? ` (${inert(meta)})` : ''}`;
  return withUrl ? `${line}\n  <${source.url}>` : line;
}

/** Lines packed into as few fields as fit (1024 each); a line too long for one field is cut. */
function packLines(name: string, lines: readonly string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, LIMITS.fieldValue);
    if (current && current.length + 1 + line.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length === 0 ? name : `${name} (continued)`, value: current });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) fields.push({ name: fields.length === 0 ? name : `${name} (continued)`, value: current });
  return fields;
}

/** Whole lines up to `max` characters, with an ellipsis line when some had to go. */
function truncateLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const next = length + (kept.length > 0 ? 1 : 0) + line.length;
    if (next > max - 2) {
      if (kept.length === 0) return truncate(line, max);
      kept.push('…');
      break;
    }
    kept.push(line);
    length = next;
  }
  return kept.join('\n');
}

function linkButton(source: Source): APIButtonComponentWithURL[] {
  if (!isHttpUrl(source.url) || source.url.length > LIMITS.buttonUrl) return [];
  return [{ type: ComponentType.Button, style: ButtonStyle.Link, label: label(source.title), url: source.url }];
}

function briefButton(text: string, slug: string): APIButtonComponent[] {
  return actionButton(text, 'brief', 'topic', slug);
}

function actionButton(text: string, command: string, option: string, value: string): APIButtonComponent[] {
  const customId = encodeAction({ command, option, value });
  if (!customId) return [];
  return [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: label(text), custom_id: customId }];
}

/** Button labels show no Markdown, so they need no escaping; mentions are still broken up. */
const label = (text: string): string =>
  truncate(noMentions(text.replace(/\s+/g, ' ').trim()), LIMITS.buttonLabel) || 'Open';

function rows(groups: readonly APIButtonComponent[][]): ButtonRow[] {
  return groups
    .filter((g) => g.length > 0)
    .slice(0, LIMITS.rows)
    .map((g) => ({ type: ComponentType.ActionRow, components: g.slice(0, LIMITS.buttonsPerRow) }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

function isoTimestamp(date: string): string | undefined {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

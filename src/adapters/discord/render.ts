import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import {
  cardWords,
  inlineText,
  isLinkButton,
  pagingText,
  type Card,
  type CardButton,
  type CardItem,
} from '../../core/card.js';
import { isHttpUrl, toCard } from '../../core/to-card.js';
import type { Reply } from '../../core/types.js';
import { COLOURS, topicColour } from './colour.js';
import { encodeAction } from './custom-id.js';
import { fitEmbed } from './fit-embed.js';
import { inert, noMentions } from './inert.js';
import { LIMITS, truncate } from './limits.js';
import { overflowFields } from './overflow.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A Reply as Discord shows it: embeds, button rows, and whether only the caller sees it. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
  ephemeral: boolean;
  /** Embeds that did not fit the first message (a very long brief), each sent after it as its own message. */
  more?: APIEmbed[];
}

const BLANK = '\u200b';

/** Pure: the same Reply always gives the same message, within every Discord limit. */
export const render = (reply: Reply): DiscordMessage => discordMessage(toCard(reply));

/**
 * Card -> one embed and its buttons. A card with text shows it as the description and its lists
 * as fields; otherwise its lists are the description. Byline, paging and hints share the footer.
 */
export function discordMessage(card: Card): DiscordMessage {
  const t = cardWords(card);
  const buttons = card.buttons.map((row) => row.flatMap(button));
  // Stryker disable next-line ArrayDeclaration: a button that runs a command adds no URL, and nothing it added could equal an item's URL
  const linked = new Set(buttons.flat().flatMap((b) => ('url' in b ? b.url : [])));
  const text = card.blocks.find((b) => b.type === 'text');
  const lists = card.blocks.flatMap((b) => (b.type === 'list' ? [b] : []));
  const hint = card.blocks.find((b) => b.type === 'hint');
  const paging = card.blocks.find((b) => b.type === 'paging');
  const embed: APIEmbed = { color: card.accent ? topicColour(card.accent) : COLOURS[card.tone] };
  if (card.title !== undefined) embed.title = inert(card.title);
  let description: string;
  if (text) {
    description = inert(text.text) || BLANK;
    embed.fields = [
      ...lists
        .filter((list) => !list.offeredAsButtons)
        .flatMap((list) =>
          packLines(
            list.heading ?? '',
            list.items.map((item) => itemLine(item, '•', linked)),
          ),
        ),
      ...(card.topics && card.topics.length > 0
        ? [{ name: t('card.topics'), value: inert(card.topics.join(', ')), inline: true }]
        : []),
    ];
  } else {
    const lines = lists.flatMap((list) => [
      ...(list.heading ? [`${list.heading}:`] : []),
      ...list.items.map((item, i) => itemLine(item, list.numbered ? `**${i + 1}.**` : '•', linked)),
    ]);
    description =
      truncateLines(lines, LIMITS.description) || (hint && lists.length === 0 ? inlineText(hint.parts) : BLANK);
  }
  embed.description = description;
  const footer = [
    card.byline ? noMentions(card.byline) : '',
    paging ? pagingText(paging, t).page : '',
    hint && (text || lists.length > 0) ? inlineText(hint.parts) : '',
  ].filter(Boolean);
  // fitEmbed drops a footer left empty.
  embed.footer = { text: footer.join(' · ') };
  if (card.url && isHttpUrl(card.url)) embed.url = card.url;
  const timestamp = card.date ? isoTimestamp(card.date) : undefined;
  if (timestamp) embed.timestamp = timestamp;
  if (card.label)
    embed.author = { name: card.labelLong ?? t(card.label === 'New' ? 'card.newBrief' : 'card.updatedBrief') };
  const { first, more } = overflowFields(embed);
  const message: DiscordMessage = { embeds: [fitEmbed(first)], components: rows(buttons), ephemeral: card.private };
  return more.length > 0 ? { ...message, more: more.map(fitEmbed) } : message;
}

function itemLine(item: CardItem, marker: string, linked: ReadonlySet<string>): string {
  const line = `${marker} ${inert(item.text)}${item.detail ? ` (${inert(item.detail)})` : ''}`;
  return item.url && !linked.has(item.url) ? `${line}\n  <${item.url}>` : line;
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

/** A link button, or one that runs a command; none when Discord could not take it. */
function button(b: CardButton): APIButtonComponent[] {
  if (isLinkButton(b)) {
    if (!isHttpUrl(b.url) || b.url.length > LIMITS.buttonUrl) return [];
    return [{ type: ComponentType.Button, style: ButtonStyle.Link, label: label(b.label), url: b.url }];
  }
  const customId = encodeAction(b.action);
  if (!customId) return [];
  return [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: label(b.label), custom_id: customId }];
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

/** A card's `YYYY-MM-DD` as an ISO timestamp; a date-only form parses as UTC midnight. */
function isoTimestamp(date: string): string | undefined {
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

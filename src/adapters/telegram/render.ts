import type { Brief } from '../../content/brief.js';
import type { Translate } from '../../core/i18n/index.js';
import {
  actionText,
  cardWords,
  pagingText,
  type Card,
  type CardBlock,
  type CardItem,
  type Inline,
} from '../../core/card.js';
import { toCard } from '../../core/to-card.js';
import type { Reply } from '../../core/types.js';
import { briefButtonData } from './callback-data.js';
import { bold, code, expandableQuote, italic, link, toHtml, type Line, type Node } from './html.js';
import { pack, type Unit } from './pack.js';

export interface InlineButton {
  text: string;
  callback_data: string;
}

export type LinkPreview = { is_disabled: true } | { url: string; prefer_small_media: boolean };

/** One sendMessage payload, less the chat: HTML text, preview choice and buttons. */
export interface TelegramMessage {
  text: string;
  link_preview_options: LinkPreview;
  reply_markup?: { inline_keyboard: InlineButton[][] };
}

const NO_PREVIEW: LinkPreview = { is_disabled: true };
/** Facts and sources shown open; the rest fold into an expandable quote when the brief then fits one message. */
const SHOWN_OPEN = 3;
const FOLDABLE = new Set(['facts', 'sources']);
const BUTTON_TEXT = 60;

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const blank: Line = [];
const inline = (parts: readonly Inline[]): Node[] => parts.map((p) => (typeof p === 'string' ? p : code(p.command)));

/** Paragraphs of free text become units, a blank line apart; each line stays a line. */
const paragraphs = (text: string): Unit[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph, i) => [...(i > 0 ? [blank] : []), ...paragraph.split('\n').map((line): Line => [line])]);

/** A heading travels with its first item. */
function section(heading: string, items: Line[]): Unit[] {
  if (items.length === 0) return [];
  const [first, ...rest] = items;
  return [[blank, [bold(heading)], first!], ...rest.map((line) => [line])];
}

function itemLine(item: CardItem, marker: string, numbered: boolean): Line {
  const text: Node = item.url ? link(item.url, item.text) : numbered ? bold(item.text) : item.text;
  return [
    marker,
    text,
    ...(item.detail ? [` (${item.detail})`] : []),
    ...(item.action ? [' ', code(actionText(item.action))] : []),
  ];
}

interface Layout {
  units: Unit[];
  /** The line that links the article: its message previews the article. */
  article?: { line: Line; url: string };
  /** Fold long fact and source lists into expandable quotes. */
  fold?: boolean;
  /** The bot's words in the card's language. */
  t: Translate;
}

/** The first lines open, the rest one collapsed quote. */
function folded(lines: Line[]): Line[] {
  return lines.length > SHOWN_OPEN + 1
    ? [...lines.slice(0, SHOWN_OPEN), [expandableQuote(lines.slice(SHOWN_OPEN))]]
    : lines;
}

function blockUnits(block: CardBlock, first: boolean, layout: Layout): Unit[] {
  const lead = first ? [] : [blank];
  switch (block.type) {
    case 'text':
      return first ? paragraphs(block.text) : [[blank, [block.text]]];
    case 'list': {
      const all = block.items.map((item, i) => itemLine(item, block.numbered ? `${i + 1}. ` : '• ', !!block.numbered));
      const lines = layout.fold && FOLDABLE.has(block.name) ? folded(all) : all;
      return block.heading ? section(block.heading, lines) : lines.map((line) => [line]);
    }
    case 'article': {
      const line = [link(block.url, layout.t('card.readOriginal')), ` (${block.publisher})`];
      layout.article = { line, url: block.url };
      return [[blank, line]];
    }
    case 'paging': {
      const { page, next } = pagingText(block, layout.t);
      return [[blank, [page, ...(next ? [`. ${layout.t('card.next')}: `, code(next)] : ['.'])]]];
    }
    case 'hint':
      return [[...lead, inline(block.parts)]];
  }
}

function layoutOf(card: Card, fold = false): Layout {
  const head: Line[] = [
    ...(card.title !== undefined
      ? [[bold(card.label ? `[${card.labelText ?? card.label}] ${card.title}` : card.title)]]
      : []),
    ...(card.byline ? [[italic(card.byline)]] : []),
    ...(card.topics ? [[`${cardWords(card)('card.topics')}: ${card.topics.join(', ')}`]] : []),
  ];
  // An empty head is an empty unit, which packs to nothing.
  const layout: Layout = { units: [head], fold, t: cardWords(card) };
  // A bare title reads as the first line of what follows.
  const joined = head.length <= 1 && card.byline === undefined;
  for (const [i, block] of card.blocks.entries()) layout.units.push(...blockUnits(block, i === 0 && joined, layout));
  return layout;
}

function toMessages(lines: Line[][], article?: Layout['article']): TelegramMessage[] {
  return lines.map((message) => ({
    text: message.map(toHtml).join('\n'),
    link_preview_options:
      article && message.includes(article.line) ? { url: article.url, prefer_small_media: true } : NO_PREVIEW,
  }));
}

/** Buttons that open a brief, one per row; their data carries the slug. Sources are links in the text already. */
function keyboard(card: Card): InlineButton[][] {
  return card.buttons.flat().flatMap((button) =>
    'action' in button && button.action.command === 'brief'
      ? [
          [
            {
              text: shorten(button.label, BUTTON_TEXT) || button.action.value,
              callback_data: briefButtonData(button.action.value),
            },
          ],
        ]
      : [],
  );
}

function withKeyboard(messages: TelegramMessage[], rows: InlineButton[][]): TelegramMessage[] {
  const last = messages[messages.length - 1];
  if (!last || rows.length === 0) return messages;
  return [...messages.slice(0, -1), { ...last, reply_markup: { inline_keyboard: rows } }];
}

/** Card -> one or more HTML messages, each within Telegram's limits. Pure. */
export function telegramMessages(card: Card): TelegramMessage[] {
  const foldedLayout = layoutOf(card, true);
  const { units, article } = pack(foldedLayout.units).length === 1 ? foldedLayout : layoutOf(card);
  const messages = toMessages(pack(units), card.linkPreviews === false ? undefined : article);
  // Telegram refuses empty messages; a reply with nothing visible still answers the user.
  if (messages.length === 0) return toMessages([[[cardWords(card)('card.nothingToShow')]]]);
  return withKeyboard(messages, keyboard(card));
}

/** Reply -> one or more HTML messages, each within Telegram's limits. Pure. */
export const renderTelegram = (reply: Reply): TelegramMessage[] => telegramMessages(toCard(reply));

/** Always one message (inline results post exactly one): the brief without sources, related or buttons. */
export function renderBriefSingle(brief: Brief): TelegramMessage {
  // Stryker disable next-line ArrayDeclaration: this form shows neither the related list nor buttons, so their contents cannot show
  const card = toCard({ kind: 'brief', brief, related: [], lang: brief.lang });
  const withFacts = (count: number): Card => ({
    ...card,
    blocks: card.blocks.flatMap((b): CardBlock[] =>
      b.type !== 'list' ? [b] : b.name === 'facts' ? [{ ...b, items: b.items.slice(0, count) }] : [],
    ),
  });
  let count = brief.facts.length;
  let layout = layoutOf(withFacts(count));
  while (pack(layout.units).length > 1 && count > 0) layout = layoutOf(withFacts(--count));
  // The article line is always there, so the first message is never empty.
  return toMessages(pack(layout.units), layout.article)[0]!;
}

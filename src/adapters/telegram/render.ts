import type { Brief, BriefRef } from '../../content/brief.js';
import type { Page, Reply } from '../../core/types.js';
import { briefButtonData } from './callback-data.js';
import { bold, code, italic, link, toHtml, type Line, type Node } from './html.js';
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
const BUTTON_TEXT = 60;

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const bullet = (...nodes: Node[]): Line => ['• ', ...nodes];
const blank: Line = [];

function dateNote(brief: Brief): string {
  const updated = brief.updated && brief.updated !== brief.published ? `, updated ${brief.updated}` : '';
  return `${brief.publisher} · published ${brief.published}${updated}`;
}

/** Paragraphs of free text become units; each line stays a line. */
const paragraphs = (text: string): Unit[] =>
  text.split(/\n\s*\n/).map((paragraph) => paragraph.split('\n').map((line): Line => [line]));

/** A heading travels with its first item. */
function section(heading: string, items: Line[]): Unit[] {
  if (items.length === 0) return [];
  const [first, ...rest] = items;
  return [[blank, [bold(heading)], first!], ...rest.map((line) => [line])];
}

function pageUnits(command: string, page?: Page): Unit[] {
  if (!page || page.of <= 1) return [];
  const next = page.number < page.of ? ['. Next: ', code(`/${command} ${page.number + 1}`)] : ['.'];
  return [[blank, [`Page ${page.number} of ${page.of}`, ...next]]];
}

interface BriefParts {
  units: Unit[];
  articleLine: Line;
}

function briefParts(brief: Brief, related: readonly BriefRef[], label?: string, compact = false): BriefParts {
  const articleLine: Line = [link(brief.url, 'Read the original article'), ` (${brief.publisher})`];
  const title: Line = [bold(label ? `[${label}] ${brief.title}` : brief.title)];
  const head: Unit = [title, [italic(dateNote(brief))], [`Topics: ${brief.topics.join(', ')}`]];
  const sources = brief.sources.map((s) => {
    const meta = [s.publisher, s.date].filter(Boolean).join(', ');
    return bullet(link(s.url, s.title), ...(meta ? [` (${meta})`] : []));
  });
  const relatedLines = related.map((r) => bullet(`${r.title} `, code(`/brief ${r.slug}`)));
  const units: Unit[] = [
    head,
    [blank, [brief.summary]],
    ...section(
      'Key facts',
      brief.facts.map((fact) => bullet(fact)),
    ),
    ...(compact ? [] : section('Sources', sources)),
    [blank, articleLine],
    ...(compact ? [] : section('Related', relatedLines)),
  ];
  return { units, articleLine };
}

function toMessages(lines: Line[][], articleLine?: Line): TelegramMessage[] {
  return lines.map((message) => ({
    text: message.map(toHtml).join('\n'),
    link_preview_options: articleLine && message.includes(articleLine) ? articleUrlPreview(articleLine) : NO_PREVIEW,
  }));
}

function articleUrlPreview(articleLine: Line): LinkPreview {
  const anchor = articleLine[0];
  return typeof anchor === 'object' && anchor.href ? { url: anchor.href, prefer_small_media: true } : NO_PREVIEW;
}

function withKeyboard(messages: TelegramMessage[], rows: InlineButton[][]): TelegramMessage[] {
  const last = messages[messages.length - 1];
  if (!last || rows.length === 0) return messages;
  return [...messages.slice(0, -1), { ...last, reply_markup: { inline_keyboard: rows } }];
}

const briefButtons = (refs: readonly BriefRef[]): InlineButton[][] =>
  refs.map((ref) => [{ text: shorten(ref.title, BUTTON_TEXT) || ref.slug, callback_data: briefButtonData(ref.slug) }]);

function renderBrief(brief: Brief, related: readonly BriefRef[], label?: string): TelegramMessage[] {
  const { units, articleLine } = briefParts(brief, related, label);
  return toMessages(pack(units), articleLine);
}

/** Always one message (inline results post exactly one): the brief without sources and related. */
export function renderBriefSingle(brief: Brief): TelegramMessage {
  const { units, articleLine } = briefParts(brief, [], undefined, true);
  const facts = units.slice(2, -1);
  let kept = units;
  while (pack(kept).length > 1 && facts.length > 0) {
    facts.pop();
    kept = [...units.slice(0, 2), ...facts, ...units.slice(-1)];
  }
  const first = toMessages(pack(kept).slice(0, 1), articleLine)[0];
  return first ?? { text: toHtml([brief.slug]), link_preview_options: NO_PREVIEW };
}

/** Reply -> one or more HTML messages, each within Telegram's limits. Pure. */
export function renderTelegram(reply: Reply): TelegramMessage[] {
  const messages = renderReply(reply);
  // Telegram refuses empty messages; a reply with nothing visible still answers the user.
  return messages.length > 0 ? messages : toMessages([[['Nothing to show.']]]);
}

function renderReply(reply: Reply): TelegramMessage[] {
  switch (reply.kind) {
    case 'brief':
      return renderBrief(reply.brief, reply.related, reply.label);
    case 'list': {
      const items = reply.items.map((item, i): Unit => [
        [`${i + 1}. `, bold(item.title), ` (${item.date}) `, code(`/brief ${item.slug}`)],
      ]);
      return toMessages(pack([[[bold(reply.title)]], ...items, ...pageUnits('latest', reply.page)]));
    }
    case 'topics': {
      const items = reply.items.map((t): Unit => [bullet(`${t.topic} (${t.count})`)]);
      const hint: Unit = [blank, ['Type ', code('/brief <topic>'), ' to read one.']];
      return toMessages(pack([[[bold(reply.title)]], ...items, ...pageUnits('topics', reply.page), hint]));
    }
    case 'notFound': {
      const query = shorten(reply.query, 80);
      const hint: Unit =
        reply.suggestions.length > 0
          ? [['Did you mean one of these?']]
          : [['Type ', code('/topics'), ' to see what there is, or ', code('/search <words>'), ' to look everywhere.']];
      const messages = toMessages(pack([[[`No brief matches “${query}”.`]], hint]));
      return withKeyboard(messages, briefButtons(reply.suggestions));
    }
    case 'text':
      return toMessages(pack(paragraphs(reply.text)));
  }
}

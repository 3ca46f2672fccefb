import type { TelegramMessage } from '../../adapters/telegram/render.js';
import { escapeHtml } from '../html.js';

const TAGS = new Map([
  ['b', 'b'],
  ['strong', 'b'],
  ['i', 'i'],
  ['em', 'i'],
  ['u', 'u'],
  ['ins', 'u'],
  ['s', 's'],
  ['strike', 's'],
  ['del', 's'],
  ['code', 'code'],
  ['pre', 'pre'],
  ['blockquote', 'blockquote'],
  ['tg-spoiler', 'span'],
  ['a', 'a'],
]);
const TAG = /<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g;
const ENTITY = /&(amp|lt|gt|quot|#\d+);/g;

const decode = (s: string): string =>
  s.replace(ENTITY, (_, e: string) =>
    e === 'amp'
      ? '&'
      : e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'quot'
            ? '"'
            : String.fromCodePoint(Number(e.slice(1))),
  );

/**
 * Telegram's HTML as a browser shows it the way Telegram does: only Telegram's tags become
 * elements (links only to http(s) and tg:), text is decoded then escaped again, so nothing in
 * a brief can reach the console page as markup.
 */
export function telegramHtmlToPage(html: string): string {
  let out = '';
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    out += escapeHtml(decode(html.slice(last, match.index)));
    last = match.index + match[0].length;
    const [, closing, name = '', attributes = ''] = match;
    const tag = TAGS.get(name);
    if (!tag) {
      out += escapeHtml(decode(match[0]));
      continue;
    }
    if (closing) {
      out += `</${tag}>`;
    } else if (tag === 'a') {
      const href = decode(/href="([^"]*)"/.exec(attributes)?.[1] ?? '');
      out += /^(https?|tg):/i.test(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">` : '<a>';
    } else if (tag === 'blockquote' && /\bexpandable\b/.test(attributes)) {
      out += '<blockquote class="expandable">';
    } else {
      out += tag === 'span' ? '<span class="spoiler">' : `<${tag}>`;
    }
  }
  return out + escapeHtml(decode(html.slice(last)));
}

/** Telegram chat bubbles for the messages the bot would send, with their inline buttons. */
export function telegramPreview(messages: readonly TelegramMessage[]): string {
  return messages
    .map((message) => {
      const rows = (message.reply_markup?.inline_keyboard ?? [])
        .map(
          (row) =>
            `<div class="tg-row">${row.map((b) => `<span class="tg-button">${escapeHtml(b.text)}</span>`).join('')}</div>`,
        )
        .join('');
      return `<div class="tg-bubble"><div class="tg-text">${telegramHtmlToPage(message.text)}</div>${rows}</div>`;
    })
    .join('');
}

import { actionText, cardWords, inlineText, pagingText, type Card, type CardBlock, type CardItem } from './card.js';
import type { Translate } from './i18n/index.js';
import { toCard } from './to-card.js';
import type { Reply } from './types.js';

function itemLines(item: CardItem, marker: string): string[] {
  const detail = item.detail ? ` (${item.detail})` : '';
  const action = item.action ? ` - ${actionText(item.action)}` : '';
  const line = `${marker}${item.text}${detail}${action}`;
  return item.url ? [line, `    ${item.url}`] : [line];
}

function blockLines(block: CardBlock, t: Translate): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'list': {
      const items = block.items.flatMap((item, i) => itemLines(item, block.numbered ? `${i + 1}. ` : '  • '));
      return block.heading ? [`${block.heading}:`, ...items] : items;
    }
    case 'article':
      return [`${t('card.originalArticle')}: ${block.url}`];
    case 'paging': {
      const { page, next } = pagingText(block, t);
      return [`${page}.${next ? ` ${t('card.next')}: ${next}` : ''}`];
    }
    case 'hint':
      return [inlineText(block.parts)];
  }
}

/** Card -> plain text: the terminal's form and every platform's fallback. */
export function cardText(card: Card): string {
  const t = cardWords(card);
  const head = [
    ...(card.title !== undefined ? [card.label ? `[${card.labelText ?? card.label}] ${card.title}` : card.title] : []),
    ...(card.byline ? [card.byline] : []),
    ...(card.topics ? [`${t('card.topics')}: ${card.topics.join(', ')}`] : []),
  ];
  // A bare title reads as the first line of what follows; anything more gets a blank line after it.
  const lines = [...head];
  for (const [i, block] of card.blocks.entries()) {
    const joined = lines.length === 0 || (i === 0 && head.length === 1 && card.byline === undefined);
    lines.push(...(joined ? [] : ['']), ...blockLines(block, t));
  }
  return lines.join('\n');
}

/** The plain-text form of any reply. */
export const renderText = (reply: Reply): string => cardText(toCard(reply));

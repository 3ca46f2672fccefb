import { actionText, inlineText, pagingText, type Card, type CardBlock, type CardItem } from './card.js';
import { toCard } from './to-card.js';
import type { Reply } from './types.js';

function itemLines(item: CardItem, marker: string): string[] {
  const detail = item.detail ? ` (${item.detail})` : '';
  const action = item.action ? ` - ${actionText(item.action)}` : '';
  const line = `${marker}${item.text}${detail}${action}`;
  return item.url ? [line, `    ${item.url}`] : [line];
}

function blockLines(block: CardBlock): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'list': {
      const items = block.items.flatMap((item, i) => itemLines(item, block.numbered ? `${i + 1}. ` : '  • '));
      return block.heading ? [`${block.heading}:`, ...items] : items;
    }
    case 'article':
      return [`Original article: ${block.url}`];
    case 'paging': {
      const { page, next } = pagingText(block);
      return [`${page}.${next ? ` Next: ${next}` : ''}`];
    }
    case 'hint':
      return [inlineText(block.parts)];
  }
}

/** Card -> plain text: the terminal's form and every platform's fallback. */
export function cardText(card: Card): string {
  const head = [
    ...(card.title !== undefined ? [card.label ? `[${card.labelText ?? card.label}] ${card.title}` : card.title] : []),
    ...(card.byline ? [card.byline] : []),
    ...(card.topics ? [`Topics: ${card.topics.join(', ')}`] : []),
  ];
  // A bare title reads as the first line of what follows; anything more gets a blank line after it.
  const lines = [...head];
  for (const [i, block] of card.blocks.entries()) {
    const joined = lines.length === 0 || (i === 0 && head.length === 1 && card.byline === undefined);
    lines.push(...(joined ? [] : ['']), ...blockLines(block));
  }
  return lines.join('\n');
}

/** The plain-text form of any reply. */
export const renderText = (reply: Reply): string => cardText(toCard(reply));

import { escapeHtml } from '../html.js';

const LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

/**
 * The Markdown subset the bot writes into embeds (bold, italics, links, escapes), as Discord
 * shows it. Text is escaped first, so only these few forms become markup.
 */
export function discordMarkdownToPage(text: string): string {
  const escapes: string[] = [];
  const guarded = text.replace(/\\([\\*_~`|>[\]()#-])/g, (_, c: string) => `\u0000${escapes.push(c) - 1}\u0000`);
  const html = escapeHtml(guarded)
    .replace(LINK, (_, label: string, url: string) => `<a href="${url}" rel="noopener noreferrer">${label}</a>`)
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g, '<i>$1</i>')
    .replace(/(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)/g, '<i>$1</i>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
  return html.replace(/\u0000(\d+)\u0000/g, (_, i: string) => escapeHtml(escapes[Number(i)] ?? ''));
}

import type { DiscordMessage } from '../../adapters/discord/render.js';
import { escapeHtml } from '../html.js';
import { discordMarkdownToPage as md } from './discord-markdown.js';

const colour = (value: number | undefined): string => `#${(value ?? 0x4f545c).toString(16).padStart(6, '0')}`;

/** The embed and buttons laid out as Discord lays them out: colour bar, title, fields, footer, rows. */
export function discordPreview(message: DiscordMessage): string {
  const embeds = message.embeds.map((embed) => {
    const title = embed.title
      ? embed.url
        ? `<a class="dc-title" href="${escapeHtml(embed.url)}" rel="noopener noreferrer">${escapeHtml(embed.title)}</a>`
        : `<div class="dc-title">${escapeHtml(embed.title)}</div>`
      : '';
    const fields = (embed.fields ?? [])
      .map(
        (f) =>
          `<div class="dc-field${f.inline ? ' inline' : ''}"><div class="dc-name">${md(f.name)}</div><div>${md(f.value)}</div></div>`,
      )
      .join('');
    const footer = [embed.footer?.text, embed.timestamp?.slice(0, 10)]
      .filter(Boolean)
      .map((t) => escapeHtml(t!))
      .join(' • ');
    return [
      // An SVG fill is a presentation attribute, not an inline style, so the CSP allows it.
      `<div class="dc-embed"><svg class="dc-bar" viewBox="0 0 4 10" preserveAspectRatio="none" aria-hidden="true">`,
      `<rect width="4" height="10" fill="${colour(embed.color)}"/></svg><div class="dc-body">`,
      embed.author?.name ? `<div class="dc-author">${escapeHtml(embed.author.name)}</div>` : '',
      title,
      embed.description ? `<div class="dc-description">${md(embed.description)}</div>` : '',
      fields ? `<div class="dc-fields">${fields}</div>` : '',
      footer ? `<div class="dc-footer">${footer}</div>` : '',
      '</div></div>',
    ].join('');
  });
  const rows = message.components.map(
    (row) =>
      `<div class="dc-row">${row.components
        .map((b) => {
          const label = escapeHtml('label' in b && b.label ? b.label : '');
          return 'url' in b && b.url
            ? `<a class="dc-button link" href="${escapeHtml(b.url)}" rel="noopener noreferrer">${label} ↗</a>`
            : `<span class="dc-button">${label}</span>`;
        })
        .join('')}</div>`,
  );
  return `<div class="dc-message">${embeds.join('')}${rows.join('')}</div>`;
}

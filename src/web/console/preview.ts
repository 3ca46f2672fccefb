import { render as renderDiscord } from '../../adapters/discord/render.js';
import { renderTelegram } from '../../adapters/telegram/render.js';
import type { Brief } from '../../content/brief.js';
import type { Library } from '../../content/library.js';
import type { Reply } from '../../core/types.js';
import { escapeHtml } from '../html.js';
import { discordPreview } from '../preview/discord-preview.js';
import { telegramPreview } from '../preview/telegram-preview.js';

/** The reply `/brief <slug>` gives: the brief with its related briefs, as the command builds it. */
export function briefReply(library: Library, brief: Brief): Reply {
  const found = library.get(brief.slug) === brief ? library.lookup(brief.slug) : undefined;
  const related = found?.kind === 'found' && found.brief === brief ? found.related : [];
  return { kind: 'brief', brief, related };
}

/** Telegram and Discord side by side, from the renderers the bot sends with. */
export function previewPanels(reply: Reply): string {
  const telegram = renderTelegram(reply);
  const discord = renderDiscord(reply);
  const source = telegram.map((m) => m.text).join('\n\n— next message —\n\n');
  return `<div class="previews">
<section class="preview telegram" aria-label="Telegram preview"><h2>Telegram</h2>${telegramPreview(telegram)}
<details><summary>HTML sent to Telegram</summary><pre class="source">${escapeHtml(source)}</pre></details></section>
<section class="preview discord" aria-label="Discord preview"><h2>Discord</h2>${discordPreview(discord)}</section>
</div>`;
}

import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * Makes content text display literally: Markdown is escaped and anything that looks like a mention
 * (`@everyone`, `@here`, `<@id>`, `<@&role>`, `<#channel>`) is broken with a zero-width space, so it
 * neither formats nor pings even where allowed_mentions would not apply.
 */
export function inert(text: string): string {
  return noMentions(escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }));
}

/** For places that show text literally (footers): only the mentions need breaking. */
export function noMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#])/g, `<$1${ZWSP}`);
}

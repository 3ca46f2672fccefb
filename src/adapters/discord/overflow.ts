import type { APIEmbed, APIEmbedField } from 'discord.js';
import { embedLength } from './fit-embed.js';
import { LIMITS, truncate } from './limits.js';

/**
 * Discord counts 6,000 characters over all the embeds of one message, so fields that do not fit
 * beside the rest of the embed go on into further embeds, each sent as a message of its own:
 * no fact is dropped. The first embed keeps its title, summary and footer.
 */
export function overflowFields(embed: APIEmbed): { first: APIEmbed; more: APIEmbed[] } {
  const fields = embed.fields ?? [];
  const base: APIEmbed = { ...embed, fields: [] };
  if (base.description !== undefined) base.description = truncate(base.description, LIMITS.description);
  const kept = take(fields, embedLength(base));
  if (kept.length === fields.length) return { first: embed, more: [] };
  const more: APIEmbed[] = [];
  const continued: APIEmbed = {
    ...(embed.color === undefined ? {} : { color: embed.color }),
    ...(embed.title === undefined ? {} : { title: truncate(`${embed.title} (continued)`, LIMITS.title) }),
  };
  for (let rest = fields.slice(kept.length); rest.length > 0;) {
    const next = take(rest, embedLength(continued));
    // A field longer than an embed alone is cut by fitEmbed later; never loop on it.
    const page = next.length > 0 ? next : rest.slice(0, 1);
    more.push({ ...continued, fields: page });
    rest = rest.slice(page.length);
  }
  return { first: { ...embed, fields: kept }, more };
}

/** The leading fields that fit beside `used` characters, at most 25. */
function take(fields: readonly APIEmbedField[], used: number): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  let length = used;
  for (const field of fields) {
    const size = Math.min(field.name.length, LIMITS.fieldName) + Math.min(field.value.length, LIMITS.fieldValue);
    if (out.length >= LIMITS.fields || length + size > LIMITS.embedTotal) break;
    out.push(field);
    length += size;
  }
  return out;
}

import type { APIEmbed, APIEmbedField } from 'discord.js';
import { LIMITS, truncate } from './limits.js';

const BLANK = '\u200b';
const DESCRIPTION_FLOOR = 2000;
const FIELD_FLOOR = 100;

/** The characters Discord counts towards the 6000 limit of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

const shrink = (text: string, excess: number, floor: number): string =>
  excess <= 0 || text.length <= floor ? text : truncate(text, Math.max(floor, text.length - excess));

/**
 * Brings an embed within every limit by cutting text (with an ellipsis) and, as a last resort,
 * dropping trailing fields. The summary keeps priority over later fields down to a floor.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  const fields: APIEmbedField[] = (out.fields ?? []).slice(0, LIMITS.fields).map((f) => ({
    ...f,
    name: truncate(f.name, LIMITS.fieldName) || BLANK,
    value: truncate(f.value, LIMITS.fieldValue) || BLANK,
  }));
  out.fields = fields;

  const excess = () => embedLength(out) - LIMITS.embedTotal;
  if (out.description !== undefined) out.description = shrink(out.description, excess(), DESCRIPTION_FLOOR);
  for (let i = fields.length - 1; i >= 0 && excess() > 0; i--) {
    const field = fields[i]!;
    if (field.value.length - FIELD_FLOOR >= excess())
      field.value = truncate(field.value, field.value.length - excess());
    else fields.splice(i, 1);
  }
  if (out.description !== undefined) out.description = shrink(out.description, excess(), 0);
  if (out.footer) out.footer = { ...out.footer, text: shrink(out.footer.text, excess(), 0) };
  if (out.author) out.author = { ...out.author, name: shrink(out.author.name, excess(), 0) };
  if (out.title !== undefined) out.title = shrink(out.title, excess(), 0);
  if (out.description === '') delete out.description;
  if (out.title === '') delete out.title;
  if (out.footer?.text === '') delete out.footer;
  if (out.author?.name === '') delete out.author;
  if (fields.length === 0) delete out.fields;
  return out;
}

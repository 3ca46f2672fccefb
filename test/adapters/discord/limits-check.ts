import { expect } from 'vitest';
import type { APIEmbed } from 'discord.js';

/** Every Discord limit a message payload (raw JSON) must respect; fails the test naming the first breach. */
export function expectWithinDiscordLimits(message: { embeds?: APIEmbed[]; components?: unknown[] }): void {
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    if (embed.title !== undefined) expect(embed.title.length, 'title').toBeLessThanOrEqual(256);
    if (embed.description !== undefined) {
      expect(embed.description.length, 'description').toBeLessThanOrEqual(4096);
      expect(embed.description.length, 'empty description').toBeGreaterThan(0);
    }
    expect((embed.fields ?? []).length, 'fields').toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length, 'field name').toBeLessThanOrEqual(256);
      expect(field.name.length, 'empty field name').toBeGreaterThan(0);
      expect(field.value.length, 'field value').toBeLessThanOrEqual(1024);
      expect(field.value.length, 'empty field value').toBeGreaterThan(0);
      total += field.name.length + field.value.length;
    }
    if (embed.footer) {
      expect(embed.footer.text.length, 'footer').toBeLessThanOrEqual(2048);
      expect(embed.footer.text.length, 'empty footer').toBeGreaterThan(0);
    }
    if (embed.author) expect(embed.author.name.length, 'author').toBeLessThanOrEqual(256);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  }
  expect(total, 'characters over all embeds').toBeLessThanOrEqual(6000);

  const rows = (message.components ?? []) as { type: number; components: Record<string, unknown>[] }[];
  expect(rows.length, 'rows').toBeLessThanOrEqual(5);
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect(row.components.length, 'buttons per row').toBeGreaterThan(0);
    expect(row.components.length, 'buttons per row').toBeLessThanOrEqual(5);
    for (const button of row.components) {
      const label = String(button.label ?? '');
      expect(label.length, 'button label').toBeGreaterThan(0);
      expect(label.length, 'button label').toBeLessThanOrEqual(80);
      if (button.custom_id !== undefined) expect(String(button.custom_id).length, 'custom_id').toBeLessThanOrEqual(100);
      if (button.url !== undefined) expect(String(button.url).length, 'button url').toBeLessThanOrEqual(512);
      expect(button.custom_id === undefined, 'a button has either a url or a custom_id').toBe(button.url !== undefined);
    }
  }
}

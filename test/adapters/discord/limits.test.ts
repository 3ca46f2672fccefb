import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedLength, fitEmbed } from '../../../src/adapters/discord/fit-embed.js';
import { inert } from '../../../src/adapters/discord/inert.js';
import { truncate } from '../../../src/adapters/discord/limits.js';
import { expectWithinDiscordLimits } from './limits-check.js';

describe('truncate', () => {
  it('leaves short text alone and ends cut text with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a'.repeat(20), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('😀'.repeat(10), 6);
    expect(out).toBe('😀😀…');
    expect(out.length).toBeLessThanOrEqual(6);
  });

  it('drops a dangling escape so the ellipsis stays visible', () => {
    expect(truncate(inert('**********'), 4)).toBe('\\*…');
  });
});

describe('fitEmbed', () => {
  it('keeps the summary and drops trailing fields when over 6000 characters', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `F${i}`, value: 'v'.repeat(1024) }));
    const out = fitEmbed({ title: 't', description: 'd'.repeat(1500), fields });
    expect(embedLength(out)).toBeLessThanOrEqual(6000);
    expect(out.description).toBe('d'.repeat(1500));
    expect(out.fields?.[0]?.name).toBe('F0');
  });

  it('cuts the description last, down to nothing if it must', () => {
    const out = fitEmbed({ title: 't'.repeat(300), description: 'd'.repeat(9000), footer: { text: 'f'.repeat(3000) } });
    expect(out.title?.length).toBe(256);
    expect(out.footer?.text.length).toBe(2048);
    expect(embedLength(out)).toBeLessThanOrEqual(6000);
    expect(out.description?.endsWith('…')).toBe(true);
  });
});

describe('fitEmbed property', () => {
  const text = (max: number) => fc.string({ maxLength: max, unit: 'binary' });
  const embedArb = fc.record(
    {
      title: text(400),
      description: text(9000),
      footer: fc.record({ text: fc.string({ minLength: 1, maxLength: 3000 }) }),
      author: fc.record({ name: fc.string({ minLength: 1, maxLength: 400 }) }),
      fields: fc.array(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 300 }),
          value: fc.string({ minLength: 1, maxLength: 1500 }),
        }),
        {
          maxLength: 40,
        },
      ),
    },
    { requiredKeys: [] },
  );

  it('any embed comes out within every limit', () => {
    fc.assert(
      fc.property(embedArb, (embed) => {
        expectWithinDiscordLimits({ embeds: [fitEmbed(embed)] });
      }),
      { numRuns: 300 },
    );
  });
});

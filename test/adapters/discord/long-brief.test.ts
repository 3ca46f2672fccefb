import { describe, expect, it } from 'vitest';
import { render } from '../../../src/adapters/discord/render.js';
import { makeBrief } from '../../helpers/briefs.js';
import { expectWithinDiscordLimits } from './limits-check.js';

describe('a brief longer than one Discord message', () => {
  it('keeps every fact: what does not fit the first embed follows in more embeds, each within limits', () => {
    const facts = Array.from({ length: 30 }, (_, i) => `Fact ${i + 1}: ${'x'.repeat(280)}`);
    const message = render({ kind: 'brief', brief: makeBrief({ facts, summary: 'y'.repeat(1500) }), related: [] });
    expect(message.more?.length).toBeGreaterThan(0);
    const embeds = [...message.embeds, ...(message.more ?? [])];
    for (const embed of embeds) expectWithinDiscordLimits({ embeds: [embed] });
    const shown = JSON.stringify(embeds);
    for (const fact of facts) expect(shown).toContain(fact);
    expect(message.embeds[0]!.description).toBe('y'.repeat(1500));
    expect(message.more![0]!.title).toBe('A sample brief (continued)');
  });

  it('sends a brief that fits as one message, as before', () => {
    const message = render({ kind: 'brief', brief: makeBrief(), related: [] });
    expect(message.more).toBeUndefined();
    expect(message.embeds).toHaveLength(1);
  });
});

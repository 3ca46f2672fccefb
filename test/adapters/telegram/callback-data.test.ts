import { describe, expect, it } from 'vitest';
import { briefButtonData, buttonDigest, ButtonSlugs } from '../../../src/adapters/telegram/callback-data.js';
import { Library } from '../../../src/content/library.js';
import { makeBrief } from '../../helpers/briefs.js';

describe('ButtonSlugs', () => {
  const longSlug = (i: number) => `${'a-very-long-slug-that-does-not-fit-into-the-callback-data-of-a-button-'}${i}`;

  it('hashes each long slug once, not every slug on every press, and follows library changes', () => {
    const library = new Library(Array.from({ length: 500 }, (_, i) => makeBrief({ slug: longSlug(i) })));
    let hashed = 0;
    const buttons = new ButtonSlugs(library, (slug) => {
      hashed += 1;
      return buttonDigest(slug);
    });
    for (let i = 0; i < 200; i++) expect(buttons.slugOf(`h:forged${i}`)).toBeUndefined();
    expect(buttons.slugOf(briefButtonData(longSlug(7)))).toBe(longSlug(7));
    expect(hashed).toBe(500);

    library.upsert(makeBrief({ slug: longSlug(900) }));
    expect(buttons.slugOf(briefButtonData(longSlug(900)))).toBe(longSlug(900));
    library.remove(longSlug(7));
    expect(buttons.slugOf(briefButtonData(longSlug(7)))).toBeUndefined();
    expect(buttons.slugOf('b:short-slug')).toBe('short-slug');
    expect(buttons.slugOf('x:anything')).toBeUndefined();
  });
});

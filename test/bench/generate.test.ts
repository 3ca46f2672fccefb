import { describe, expect, it } from 'vitest';
import { briefFile, briefSpecs, translationFile } from '../../bench/generate.js';
import { parseBriefFile } from '../../src/content/parse.js';

describe('the benchmark corpus generator', () => {
  it('gives the same briefs for the same seed and other briefs for another', () => {
    const a = [...briefSpecs(300, 7)].map(briefFile);
    expect([...briefSpecs(300, 7)].map(briefFile)).toEqual(a);
    expect([...briefSpecs(300, 8)].map(briefFile)).not.toEqual(a);
  });

  it('writes files in the real content format, each valid, with unique slugs', () => {
    const slugs = new Set<string>();
    for (const spec of briefSpecs(2000, 20_180_911)) {
      const result = parseBriefFile(spec.file, briefFile(spec));
      expect(result.ok && [result.brief.slug, result.brief.topics]).toEqual([spec.slug, spec.topics]);
      slugs.add(spec.slug);
    }
    expect(slugs.size).toBe(2000);
  });

  it('writes Russian translations that are valid, point at their original and keep its facts', () => {
    for (const spec of [...briefSpecs(500, 20_180_911)]) {
      const result = parseBriefFile(`ru/${spec.file}`, translationFile(spec));
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.brief).toMatchObject({ lang: 'ru', translationOf: spec.slug, slug: `${spec.slug}-ru` });
      expect(result.brief.title).toMatch(/\p{Script=Cyrillic}/u);
      expect(result.brief.topics).toHaveLength(spec.topics.length);
      expect(result.brief.url).toBe(spec.url);
      expect(result.brief.facts.map((f) => f.length)).toEqual(spec.facts.map((f) => f.length));
    }
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readMetadata, type MetaDocument } from '../../src/ingest/html-metadata.js';

const meta = (head: string, body = '', url?: string) =>
  readMetadata(
    parseHTML(`<html lang="pt-BR"><head>${head}</head><body>${body}</body></html>`).document as unknown as MetaDocument,
    url,
  );

describe('readMetadata', () => {
  it('reads the date from article:published_time as written, not in UTC', () => {
    expect(meta('<meta property="article:published_time" content="2025-01-01T01:00:00+13:00">').published).toBe(
      '2025-01-01',
    );
  });

  it('reads the date from JSON-LD, inside an @graph and past a broken block', () => {
    const ld = `<script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":["NewsArticle"],"datePublished":"2024-07-09T10:00:00Z","publisher":{"@type":"Organization","name":"Coast Media"}}]}</script>`;
    expect(meta(ld)).toMatchObject({ published: '2024-07-09', publisher: 'Coast Media' });
  });

  it('reads the date from a <time> element, by datetime or by its text', () => {
    expect(meta('', '<article><time datetime="2023-11-05">5 Nov</time></article>').published).toBe('2023-11-05');
    expect(meta('', '<p>Posted <time>12 August 2022</time></p>').published).toBe('2022-08-12');
  });

  it("ignores the masthead's date and the footer's", () => {
    const body = `<header><time datetime="2026-11-27">Friday</time></header>
      <main><h1>Story</h1><p>Text.</p><p>Posted <time datetime="2024-03-02">2 March</time></p></main>
      <footer><time datetime="2026-01-01">2026</time></footer>`;
    expect(meta('', body).published).toBe('2024-03-02');
    expect(
      meta('', '<header><time datetime="2026-11-27">Friday</time></header><p>No date.</p>').published,
    ).toBeUndefined();
  });

  it('finds no date when the page has none', () => {
    expect(meta('<title>A page</title>', '<p>Text from 2019 and 2020.</p>').published).toBeUndefined();
  });

  it('takes the publisher from og:site_name, else from the host of the canonical URL', () => {
    expect(meta('<meta property="og:site_name" content="Harbour Weekly">').publisher).toBe('Harbour Weekly');
    expect(meta('<link rel="canonical" href="https://www.harbourweekly.example/a">').publisher).toBe(
      'harbourweekly.example',
    );
  });

  it('resolves a relative canonical link and refuses non-http ones', () => {
    expect(meta('<link rel="canonical" href="/news/a">', '', 'https://site.example/x?y=1').url).toBe(
      'https://site.example/news/a',
    );
    expect(meta('<link rel="canonical" href="javascript:alert(1)">').url).toBeUndefined();
  });

  it('drops the site name from the end of the title element', () => {
    expect(
      meta(
        '<title>Wharf approved after long debate | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly">',
      ).title,
    ).toBe('Wharf approved after long debate');
    expect(meta('<title>Wharf approved after long debate - Harbour Weekly</title>').title).toBe(
      'Wharf approved after long debate',
    );
  });

  it('prefers og:title, then the headline, then the first h1', () => {
    expect(meta('<meta property="og:title" content="From og">', '<h1>From h1</h1>').title).toBe('From og');
    expect(meta('<title>Short | X</title>', '<h1>From h1</h1>').title).toBe('From h1');
  });

  it('reads the language from the html element', () => {
    expect(meta('').lang).toBe('pt-BR');
  });
});

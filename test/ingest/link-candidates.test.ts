import { describe, expect, it } from 'vitest';
import { linkCandidates } from '../../src/ingest/link-candidates.js';

const PAGE = 'https://www.harbourweekly.example/news/wharf';
const own = new Set(['harbourweekly.example']);

describe('linkCandidates', () => {
  it('keeps outbound links with their anchor text and host as publisher', () => {
    expect(
      linkCandidates(
        [{ href: 'https://www.portboard.example/reports/wharf-2025', text: 'the board’s report' }],
        PAGE,
        own,
      ),
    ).toEqual([
      {
        title: 'the board’s report',
        url: 'https://www.portboard.example/reports/wharf-2025',
        publisher: 'portboard.example',
        // Three lower-case words lifted from the sentence: the editor is asked to name the page.
        bareTitle: true,
      },
    ]);
  });

  it("drops the site's own pages, relative links and other schemes", () => {
    const anchors = [
      { href: '/news/other', text: 'Other story' },
      { href: 'https://harbourweekly.example/sport', text: 'Sport' },
      { href: 'https://shop.harbourweekly.example/', text: 'Shop' },
      { href: 'mailto:desk@harbourweekly.example', text: 'Email us' },
      { href: 'javascript:void(0)', text: 'Menu' },
      { href: '#comments', text: 'Comments' },
      { href: 'ftp://files.example/a', text: 'Files' },
    ];
    expect(linkCandidates(anchors, PAGE, own)).toEqual([]);
  });

  it('drops share buttons and bare social profiles', () => {
    const anchors = [
      { href: 'https://twitter.com/intent/tweet?url=x', text: 'Tweet' },
      { href: 'https://www.facebook.com/sharer/sharer.php?u=x', text: 'Share' },
      { href: 'https://www.linkedin.com/shareArticle?url=x', text: 'Share' },
      { href: 'https://twitter.com/harbourweekly', text: 'Follow us' },
    ];
    expect(linkCandidates(anchors, PAGE, own)).toEqual([]);
  });

  it('keeps a cited post on a social site', () => {
    const [c] = linkCandidates([{ href: 'https://x.com/portboard/status/123', text: 'said on X' }], PAGE, own);
    expect(c?.publisher).toBe('x.com');
  });

  it('lists each page once, ignoring fragments, tracking parameters, www and trailing slashes', () => {
    const anchors = [
      { href: 'https://portboard.example/report/?utm_source=hw', text: 'report one' },
      { href: 'https://www.portboard.example/report#page=4', text: 'report two' },
      { href: 'https://portboard.example/report?id=2', text: 'another report' },
    ];
    expect(linkCandidates(anchors, PAGE, own).map((c) => c.url)).toEqual([
      'https://portboard.example/report/',
      'https://portboard.example/report?id=2',
    ]);
  });

  it('names a link with generic text after its address', () => {
    const [c] = linkCandidates(
      [{ href: 'https://portboard.example/files/annual-report_2024.pdf', text: 'here' }],
      PAGE,
      own,
    );
    expect(c?.title).toBe('annual report 2024');
  });

  it('keeps hostile anchor text within the schema limit', () => {
    const [c] = linkCandidates([{ href: 'https://a.example/', text: 'x'.repeat(10_000) }], PAGE, own);
    expect(c?.title.length).toBe(300);
  });
});

import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { ingest } from '../../src/ingest/ingest.js';
import { STORY, draftOf } from './page-rules-helpers.js';

describe('the date, when the page carries one', () => {
  it('reads a byline date in the text', () => {
    expect(
      draftOf('', `<div class="byline"><span class="datestamp">March 13, 2015</span></div>${STORY}`).article.published,
    ).toBe('2015-03-13');
  });

  it('reads <time datetime>, article:published_time and JSON-LD (also inside CDATA)', () => {
    expect(draftOf('', `<time datetime="2019-01-03T02:00:02-0500">3 Jan</time>${STORY}`).article.published).toBe(
      '2019-01-03',
    );
    expect(
      draftOf('<meta property="article:published_time" content="2017-11-16T14:15+0000">', STORY).article.published,
    ).toBe('2017-11-16');
    const ld =
      '<script type="application/ld+json">//<![CDATA[\n{"@type":"Article","datePublished":"2018-04-05T06:00"}\n//]]></script>';
    expect(draftOf(ld, STORY).article.published).toBe('2018-04-05');
  });

  it('takes the date in the address (canonical or og:url) when nothing else gives one', () => {
    const canonical =
      '<link rel="canonical" href="https://www.post.example/world/storm/2015/03/18/00202e76_story.html">';
    expect(draftOf(canonical, STORY).article.published).toBe('2015-03-18');
    expect(
      draftOf('<meta property="og:url" content="https://www.paper.example/env/2019/jan/03/whales">', STORY).article
        .published,
    ).toBe('2019-01-03');
  });

  it("prefers the story's own microdata date to an embedded video's", () => {
    const body = `<div itemscope itemtype="https://schema.org/VideoObject"><meta itemprop="datePublished" content="2015-03-12T13:11:07Z"></div>
      <div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2015-03-11T19:46:14Z">${STORY}</div>`;
    expect(draftOf('', body).article.published).toBe('2015-03-11');
  });
});

describe('the publisher, from the site name', () => {
  it('tidies og:site_name ("the Guardian", "Le Monde.fr")', () => {
    expect(draftOf('<meta property="og:site_name" content="the Guardian">', STORY).article.publisher).toBe(
      'The Guardian',
    );
    expect(draftOf('<meta property="og:site_name" content="Le Monde.fr">', STORY).article.publisher).toBe('Le Monde');
  });

  it('reads JSON-LD publisher.name, and application-name unless it is only the title', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Coast Media"}}</script>';
    expect(draftOf(ld, STORY).article.publisher).toBe('Coast Media');
    expect(draftOf('<meta name="application-name" content="BBC News">', STORY).article.publisher).toBe('BBC News');
    const titled =
      '<meta property="og:title" content="Wharf approved"><meta name="application-name" content="Wharf approved"><link rel="canonical" href="https://news.yahoo.example/wharf.html">';
    expect(draftOf(titled, STORY).article.publisher).toBe('news.yahoo.example');
  });

  it('takes the site name at the end of the title when it spells the host ("The New York Times", nytimes.com)', () => {
    const canonical = '<link rel="canonical" href="https://www.nytimes.com/2017/01/13/x.html">';
    expect(draftOf(canonical, STORY, 'Sudan Sanctions - The New York Times').article.publisher).toBe(
      'The New York Times',
    );
    expect(draftOf(canonical, STORY, 'Sudan Sanctions - Daily Planet').article.publisher).toBe('nytimes.com');
  });
});

describe('no photo captions or credits', () => {
  it('drops a caption set as a list under a figure, one that repeats an alt text, and credit lines', () => {
    const body = `${STORY}
      <figure><img src="a.jpg" alt="Dock workers at the old wharf in Port Calder, where 300 people work each day"></figure>
      <ul><li><p>12 cranes stood idle at the old wharf on the morning of the vote</p></li></ul>
      <p>Dock workers at the old wharf in Port Calder, where 300 people work each day.</p>
      <p>The old wharf in 2019. Photograph: Jane Doe/Getty Images</p>
      <p>Clockwise from top: the 12 cranes, the quay in 1990 and the board's 9 members.</p>`;
    const { summary, facts } = draftOf('', body);
    for (const text of [summary, ...facts]) expect(text).not.toMatch(/cranes stood|300 people|Photograph|Clockwise/);
  });
});

describe('quotations and facts', () => {
  it('keeps a quotation that runs over two sentences in one fact, never split', () => {
    const body = `${STORY}<p>"If you look at the number killed by terrorism since 2001, it's less than 100. If you look at the number killed by guns, it's in the tens of thousands," Mr Obama said.</p>`;
    const { facts } = draftOf('', body);
    expect(facts.some((f) => f.startsWith('"If you look') && f.endsWith('Mr Obama said.'))).toBe(true);
    for (const f of facts) expect((f.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('leaves out a quotation left open at the end of its paragraph, « » included', () => {
    const body = `${STORY}<p>« Nous avons voté 438 fois pour ce texte depuis 2014, dit-il.</p><p>“We spent $3 million in 2024 on it.</p>`;
    const { facts, summary } = draftOf('', body);
    for (const text of [summary, ...facts]) expect(text).not.toMatch(/438|\$3 million/);
  });

  it('keeps only whole facts that carry a number or a date, never one cut off with "…"', () => {
    const long = `The board said that ${'the wharf and its 12 cranes will serve the harbour, '.repeat(7)}for decades.`;
    const body = `${STORY}<p>${long}</p><p>Bosses, journalists and residents are up in arms over the measure and its effect on the harbour.</p>`;
    const { facts } = draftOf('', body);
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(f).toMatch(/\d|two|spring/);
      expect(f).not.toMatch(/…$/);
      expect(f).not.toContain('up in arms');
    }
  });

  it('repeats no summary sentence among the facts', () => {
    const { summary, facts } = draftOf('', STORY);
    for (const f of facts) expect(summary).not.toContain(f);
  });
});

describe('flags in the to-do list', () => {
  it('flags sentences that go stale out of context', () => {
    const body = STORY.replace('on Tuesday', 'later on Friday');
    const todo = draftOf('', body).draft.todo.join('\n');
    expect(todo).toMatch(/stale out of context: "later on Friday"/);
  });

  it('flags no stale phrase when there is none', () => {
    expect(draftOf('', STORY.replace(' on Tuesday', '')).draft.todo.join('\n')).not.toMatch(/stale/);
  });

  it('flags an opinion piece, by its address or by a writer who speaks as "I"', () => {
    const flag = 'this is an opinion piece: summarise it in the third person';
    const filed = '<link rel="canonical" href="https://www.sun.example/news/opinion/wharf-folly/story-1">';
    expect(draftOf(filed, STORY).draft.todo.join('\n')).toContain(flag);
    const mine = [1, 2, 3, 4, 5]
      .map((n) => `<p>I have walked past the old wharf ${n} times this year and I still think it works.</p>`)
      .join('');
    expect(draftOf('', `${STORY}${mine}`).draft.todo.join('\n')).toContain(flag);
    expect(draftOf('', STORY).draft.todo.join('\n')).not.toContain(flag);
  });
});

describe('sources titled with a bare link text', () => {
  const cite = (anchor: string, elsewhere = '') =>
    draftOf('', `${STORY}<p>At least 200 people were ${anchor} in 1998, the board said.</p>${elsewhere}`);

  it("takes the linked page's title from a title attribute", () => {
    const { article } = cite(
      '<a href="https://ngo.example/2017/report" title="Casualties of the 1998 wharf fire">killed</a>',
    );
    expect(article.links[0]).toMatchObject({ title: 'Casualties of the 1998 wharf fire' });
    expect(article.links[0]?.bareTitle).toBeUndefined();
  });

  it('takes the fuller text of another link to the same page', () => {
    const { article } = cite(
      '<a href="https://ngo.example/2017/report">killed</a>',
      '<footer><a href="https://ngo.example/2017/report">Casualties of the wharf fire, a report</a></footer>',
    );
    expect(article.links[0]?.title).toBe('Casualties of the wharf fire, a report');
  });

  it('flags the source when the page gives no better title', () => {
    const { article, draft } = cite('<a href="https://ngo.example/2017/report">killed</a>');
    expect(article.links[0]).toMatchObject({ title: 'killed', bareTitle: true });
    expect(draft.todo.join('\n')).toContain('"killed" is only link text');
  });
});

describe('a page whose article cannot be found', () => {
  const refusal = (head: string, body: string): string => {
    const text = `<html><head>${head}</head><body>${body}</body></html>`;
    try {
      ingest({ text, kind: 'html', name: 'page.html' });
    } catch (err) {
      expect(err).toBeInstanceOf(IngestError);
      return (err as Error).message;
    }
    throw new Error('the page was drafted');
  };
  const headlines = Array.from(
    { length: 20 },
    (_, i) => `<h3><a href="/news/story-${i}">Headline number ${i} about the harbour</a></h3>`,
  ).join('');

  it('says it looks like a home page or section front', () => {
    const head = '<meta property="og:type" content="website"><link rel="canonical" href="https://news.example/news/">';
    expect(refusal(head, `${headlines}${STORY}`)).toMatch(/looks like a home page or section front/);
    expect(refusal('', headlines)).toMatch(/looks like a home page or section front/);
  });

  it('says it looks like a video page, a gallery, a login page or an error page', () => {
    expect(refusal('<meta property="og:type" content="video.other">', '<p>Watch the wharf vote.</p>')).toMatch(
      /video page/,
    );
    expect(
      refusal(
        '<link rel="canonical" href="https://x.example/in-pictures/wharf">',
        '<img src="a.jpg"><img src="b.jpg">',
      ),
    ).toMatch(/photo gallery/);
    expect(refusal('', '<form><input type="password"></form><p>Subscribe to continue reading.</p>')).toMatch(
      /login or subscription page/,
    );
    expect(refusal('<title>Page not found</title>', '<h1>404</h1><p>Sorry.</p>')).toMatch(/error page/);
  });
});

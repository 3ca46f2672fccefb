import { describe, expect, it } from 'vitest';
import { parseBriefFile } from '../../src/content/parse.js';
import { IngestError } from '../../src/ingest/errors.js';
import { ingest } from '../../src/ingest/ingest.js';
import { PLACEHOLDER } from '../../src/ingest/placeholders.js';
import { fixture } from './helpers.js';

/** Every sentence of the story that carries a figure, as written in the fixtures. */
const HARBOUR_NUMBER_SENTENCES = [
  "Port Calder's city council approved a $412 million seawater desalination plant early on Wednesday, ending a three-year fight over how the drought-hit harbour city should secure its water.",
  'Councillors voted 9-4 for the plant after a six-hour debate.',
  "Once running, the plant will produce up to 60 million litres of drinking water a day, about 18% of the city's peak summer demand, according to the Coastal Water Authority.",
  'Construction is due to start in early 2026 and the first water should flow by mid-2029.',
  'The authority estimates that average water bills will rise by 3.5% a year for five years to repay the debt.',
  'The Calder Examiner reports that the project drew more than 1,200 written comments during public consultation, most of them from residents of the Gull Point neighbourhood.',
  'The plant will be built and run by Brightwater Utilities, a subsidiary of the U.S. engineering firm Halvorsen & Pike, under a 25-year contract.',
  'Councillor Ana Ruiz, who voted against the plan, said the city should have invested first in fixing leaking pipes, which lose an estimated 14 per cent of treated water.',
];

/** Page chrome in the Harbour Ledger fixtures: none of it may reach the summary or the facts. */
const HARBOUR_CHROME = [
  'cookies',
  'Accept all',
  'Advertisement',
  'Save 50%',
  '$300',
  'Subscribe',
  'Sign up',
  'newsletter',
  'Photo:',
  'Jon Reyes',
  'Read more',
  'Summer water limits return',
  'Related',
  'Ferry terminal sale',
  '$2 million repairs',
  'rise 4%',
  'Most read',
  '3,000 homes',
  '©',
  'All rights reserved',
  'Quay Street',
  'Mara Ellison',
  'Share',
  'Donate',
  'Learn more',
];

const NORTHFIELD_NUMBER_SENTENCES = [
  'The Northfield tram extension, a 7.4-kilometre line meant to link the railway station with the new hospital, will open two years later than planned, the regional transport board has confirmed.',
  'The budget has grown from £180 million to £236 million, an increase of roughly 31%.',
  'The extra money comes from a regional loan that the city will repay over 20 years.',
  'The board now expects the first trams to carry passengers in the spring of 2028, with a service every six minutes at peak times.',
];

const NORTHFIELD_CHROME = [
  'What went wrong',
  'cookies',
  'Photograph',
  'Lena Ortiz',
  'Share',
  'Facebook',
  'Priya Natarajan',
  '©',
];

function expectCleanSummary(summary: string, body: string[], chrome: string[]): void {
  expect(summary.length).toBeGreaterThan(0);
  expect(summary.length).toBeLessThanOrEqual(600);
  for (const bit of chrome) expect(summary).not.toContain(bit);
  // Extractive and in source order: each sentence is in the body, later than the one before.
  const joined = body.join(' ');
  let from = 0;
  const sentences = summary.match(/[^.!?]+[.!?]+["”’]?(\s|$)/g) ?? [];
  expect(sentences.length).toBeGreaterThanOrEqual(2);
  expect(sentences.length).toBeLessThanOrEqual(4);
  for (const s of sentences) {
    const at = joined.indexOf(s.trim(), from);
    expect(at, s).toBeGreaterThanOrEqual(from);
    from = at + s.trim().length;
  }
}

/** Every sentence with a figure is a fact, unless the summary already says it: facts never repeat it. */
function expectFacts(facts: string[], numberSentences: string[], chrome: string[], summary: string): void {
  expect(facts.length).toBeLessThanOrEqual(8);
  for (const f of facts) expect(f.length).toBeLessThanOrEqual(300);
  for (const f of facts) expect(summary).not.toContain(f);
  const notInSummary = numberSentences.filter((s) => !summary.includes(s));
  for (const s of notInSummary.slice(0, 8)) expect(facts).toContain(s);
  for (const f of facts) for (const bit of chrome) expect(f).not.toContain(bit);
}

function expectValidDraft(text: string, slug: string) {
  const parsed = parseBriefFile(`${slug}.md`, text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  expect(parsed.brief.draft).toBe(true);
  return parsed.brief;
}

describe('a news page in HTML with navigation, ads, related links and a cookie banner', async () => {
  const result = ingest(await fixture('news-article.html'), { today: '2025-03-20' });

  it('reads the title, date, publisher and canonical URL from the page', () => {
    expect(result.article.title).toBe('Port Calder approves $412 million desalination plant after late-night vote');
    // The calendar date as published (+11:00), not shifted to UTC.
    expect(result.article.published).toBe('2025-03-14');
    expect(result.article.publisher).toBe('The Harbour Ledger');
    expect(result.article.url).toBe(
      'https://www.harbourledger.example/news/2025/03/14/port-calder-approves-desalination-plant',
    );
  });

  it('keeps chrome, captions and promos out of the body, the summary and the facts', () => {
    expect(result.article.paragraphs).toHaveLength(10);
    for (const p of result.article.paragraphs) for (const bit of HARBOUR_CHROME) expect(p).not.toContain(bit);
    expectCleanSummary(result.summary, result.article.paragraphs, HARBOUR_CHROME);
  });

  it('lists every sentence that carries a figure among the facts', () => {
    expectFacts(result.facts, HARBOUR_NUMBER_SENTENCES, HARBOUR_CHROME, result.summary);
  });

  it("turns the article's outbound links into sources, without the site's own links, share buttons or duplicates", () => {
    expect(result.article.links).toEqual([
      {
        title: 'Coastal Water Authority',
        url: 'https://www.coastalwater.example/desalination/gull-point-plan',
        publisher: 'coastalwater.example',
      },
      {
        title: 'The Calder Examiner',
        url: 'https://calderexaminer.example/news/gull-point-consultation',
        publisher: 'calderexaminer.example',
      },
      {
        title: 'request for a review',
        url: 'https://www.marinetrust.example/news/brine-permit-review',
        publisher: 'marinetrust.example',
      },
    ]);
  });

  it('writes a draft that validates and needs no placeholder', () => {
    const brief = expectValidDraft(result.draft.text, result.draft.slug);
    expect(brief.published).toBe('2025-03-14');
    expect(brief.sources).toHaveLength(3);
    expect(result.draft.text).not.toContain('FILL IN');
    expect(result.draft.todo.join('\n')).not.toMatch(/^(title|published|publisher|url):/m);
  });
});

describe('the same story as a text scrape with page chrome', async () => {
  const result = ingest(await fixture('news-article.txt'), { today: '2025-03-20' });

  it('finds the title, standfirst, date and publisher among the chrome', () => {
    expect(result.article.title).toBe('Port Calder approves $412 million desalination plant after late-night vote');
    expect(result.article.standfirst).toBe(
      'The council backed the seawater plant 9-4, betting it will end summer water limits; opponents warn bills will rise.',
    );
    expect(result.article.published).toBe('2025-03-14');
    expect(result.article.publisher).toBe('The Harbour Ledger');
  });

  it('keeps the same body as the HTML page, and nothing of the chrome', async () => {
    const html = ingest(await fixture('news-article.html'));
    expect(result.article.paragraphs).toEqual(html.article.paragraphs);
    expectCleanSummary(result.summary, result.article.paragraphs, HARBOUR_CHROME);
    expect(result.summary).toBe(html.summary);
  });

  it('lists every sentence that carries a figure among the facts', () => {
    expectFacts(result.facts, HARBOUR_NUMBER_SENTENCES, HARBOUR_CHROME, result.summary);
  });

  it('lists attributions without links for the editor', () => {
    expect(result.draft.text).toContain('# Named in the text without a link');
    expect(result.draft.todo).toContain(
      'sources: add links for Coastal Water Authority, The Calder Examiner (named in the text)',
    );
  });

  it('writes a valid draft with a placeholder URL the editor is told to replace', () => {
    const brief = expectValidDraft(result.draft.text, result.draft.slug);
    expect(brief.url).toBe(PLACEHOLDER.url);
    expect(brief.sources).toEqual([]);
    expect(result.draft.todo.some((t) => t.startsWith('url:'))).toBe(true);
  });

  it('takes the URL from --url when the editor knows it', async () => {
    const withUrl = ingest(await fixture('news-article.txt'), { url: 'https://www.harbourledger.example/news/x' });
    expect(expectValidDraft(withUrl.draft.text, withUrl.draft.slug).url).toBe(
      'https://www.harbourledger.example/news/x',
    );
    expect(withUrl.draft.todo.some((t) => t.startsWith('url:'))).toBe(false);
  });
});

describe('a page with no date', async () => {
  const result = ingest(await fixture('no-date.html'), { today: '2025-03-20' });

  it("reads the title, takes the publisher from the title's site name and finds no date", () => {
    expect(result.article.title).toBe('Why the Northfield tram extension is running two years late');
    expect(result.article.published).toBeUndefined();
    expect(result.article.publisher).toBe('Northfield Post');
  });

  it('decodes the declared windows-1252 text, curly quotes and pound signs included', () => {
    expect(result.article.paragraphs.join(' ')).toContain('“Nobody wanted this');
    expect(result.article.paragraphs.join(' ')).toContain('£236 million');
  });

  it('opens the summary with reporting, not the question or the quotation', () => {
    expectCleanSummary(result.summary, result.article.paragraphs, NORTHFIELD_CHROME);
    expect(result.summary.startsWith('The Northfield tram extension')).toBe(true);
    expect(result.summary).not.toContain('“');
  });

  it('lists every sentence that carries a figure among the facts', () => {
    expectFacts(result.facts, NORTHFIELD_NUMBER_SENTENCES, NORTHFIELD_CHROME, result.summary);
  });

  it('marks the date as a placeholder that still validates as a draft', () => {
    const brief = expectValidDraft(result.draft.text, result.draft.slug);
    expect(brief.published).toBe(PLACEHOLDER.published);
    expect(result.draft.text).toMatch(/^published: 1970-01-01 # FILL IN/m);
    expect(result.draft.todo).toContain('published: no date found on the page; 1970-01-01 is a placeholder');
  });
});

describe('a page that is not an article', () => {
  it('a list of links yields "no article found"', async () => {
    const input = await fixture('links-page.html');
    expect(() => ingest(input)).toThrow(IngestError);
    expect(() => ingest(input)).toThrow(/no article found/);
  });
});

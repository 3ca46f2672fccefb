import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrief } from '../helpers/briefs.js';
import { startPublicServer } from './public-server.js';

const hostile = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';

describe('public brief page', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await startPublicServer([
      makeBrief({ slug: 'camps', title: hostile, lang: 'en', published: '2018-09-11', updated: '2018-09-12' }),
      makeBrief({ slug: 'secret-draft', draft: true }),
    ]));
  });
  afterAll(() => app.close());

  it('carries NewsArticle JSON-LD with headline, abstract, dates, publisher, language, citations and the original', async () => {
    const res = await fetch(`${url}/briefs/camps`);
    expect(res.status).toBe(200);
    const { document } = parseHTML(await res.text());
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<
      string,
      unknown
    >;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: hostile,
      abstract: 'Something happened somewhere, and this is what it means.',
      datePublished: '2018-09-11',
      dateModified: '2018-09-12',
      publisher: { '@type': 'Organization', name: 'Example News' },
      inLanguage: 'en',
      isBasedOn: 'https://example.org/story',
      citation: [{ '@type': 'CreativeWork', name: 'Original report', url: 'https://example.org/report' }],
    });
  });

  it('shows a hostile title as text: no element, no script besides the JSON-LD', async () => {
    const html = await (await fetch(`${url}/briefs/camps`)).text();
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')!.textContent).toBe(hostile);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect([...document.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual([
      'application/ld+json',
    ]);
  });

  it('forbids inline script with a Content-Security-Policy and exposes no draft', async () => {
    const res = await fetch(`${url}/briefs/camps`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect((await fetch(`${url}/briefs/secret-draft`)).status).toBe(404);
    const feed = await (await fetch(`${url}/feeds/briefs.json`)).text();
    expect(feed).not.toContain('secret-draft');
  });
});

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrief } from '../helpers/briefs.js';
import { startPublicServer } from './public-server.js';

const hostile = '<img src=x onerror=alert(1)>';
const briefs = [
  makeBrief({ slug: 'older', title: 'Older brief', topics: ['xinjiang'], published: '2020-01-01' }),
  makeBrief({
    slug: 'newer',
    title: `Newer ${hostile} & more`,
    topics: ['xinjiang', 'kazakhstan'],
    published: '2021-05-01',
    updated: '2022-02-03',
  }),
  makeBrief({ slug: 'other', title: 'Other topic', topics: ['water'], published: '2019-07-07' }),
];

describe('public feeds', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => ({ app, url } = await startPublicServer(briefs)));
  afterAll(() => app.close());

  it('serves JSON Feed 1.1 with every required field, newest first, with facts, sources and the original', async () => {
    const res = await fetch(`${url}/feeds/briefs.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const feed = (await res.json()) as { version: string; title: string; items: Record<string, unknown>[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBeTruthy();
    expect(feed.items.map((i) => i.id)).toEqual([`${url}/briefs/newer`, `${url}/briefs/older`, `${url}/briefs/other`]);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html ?? item.content_text).toBeTruthy();
    }
    const newer = feed.items[0]!;
    expect(newer.date_modified).toBe('2022-02-03T00:00:00Z');
    expect(newer.external_url).toBe('https://example.org/story');
    expect(newer.content_html).toContain('It happened on 15 January 2024.');
    expect(newer.content_html).toContain('href="https://example.org/report"');
    expect(newer.title).toBe(`Newer ${hostile} & more`);
    expect(newer.content_html).not.toContain('<img');
  });

  it('serves Atom that a real XML parser accepts, with updated per version and the hostile title as text', async () => {
    const res = await fetch(`${url}/feeds/briefs.atom`);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(xml) as {
      feed: { id: string; updated: string; entry: { title: string; updated: string; content: { '#text': string } }[] };
    };
    expect(doc.feed.updated).toBe('2022-02-03T00:00:00Z');
    expect(doc.feed.entry.map((e) => e.updated)).toEqual([
      '2022-02-03T00:00:00Z',
      '2020-01-01T00:00:00Z',
      '2019-07-07T00:00:00Z',
    ]);
    expect(doc.feed.entry[0]!.title).toBe(`Newer ${hostile} & more`);
    expect(xml).not.toContain('<img');
  });

  it('serves a feed per topic and 404 for an unknown topic or format', async () => {
    const feed = (await (await fetch(`${url}/feeds/topics/xinjiang.json`)).json()) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual([`${url}/briefs/newer`, `${url}/briefs/older`]);
    expect(XMLValidator.validate(await (await fetch(`${url}/feeds/topics/water.atom`)).text())).toBe(true);
    expect((await fetch(`${url}/feeds/topics/nothing.json`)).status).toBe(404);
    expect((await fetch(`${url}/feeds/topics/xinjiang.rss`)).status).toBe(404);
    expect((await fetch(`${url}/feeds/briefs.xml`)).status).toBe(404);
  });

  it('answers 304 to a matching ETag or a Last-Modified not older than the content', async () => {
    const first = await fetch(`${url}/feeds/briefs.json`);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('last-modified')).toBe(new Date('2022-02-03T00:00:00Z').toUTCString());
    expect((await fetch(`${url}/feeds/briefs.json`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${url}/feeds/briefs.json`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const since = { 'if-modified-since': new Date('2022-02-04T00:00:00Z').toUTCString() };
    expect((await fetch(`${url}/feeds/briefs.json`, { headers: since })).status).toBe(304);
    const before = { 'if-modified-since': new Date('2022-02-02T00:00:00Z').toUTCString() };
    expect((await fetch(`${url}/feeds/briefs.json`, { headers: before })).status).toBe(200);
  });
});

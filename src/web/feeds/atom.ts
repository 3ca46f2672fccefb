import { lastChanged } from '../../content/brief.js';
import { escapeXml, isoInstant } from '../html.js';
import type { FeedSelection } from './feed-source.js';
import { briefHtml } from './json-feed.js';

/** An Atom feed (RFC 4287); each entry's `updated` is the date of its latest version. */
export function atomFeed(feed: FeedSelection, origin: string): string {
  const updated = isoInstant(feed.updated ?? '1970-01-01');
  const entries = feed.briefs.map((brief) => {
    const page = `${origin}/briefs/${brief.slug}`;
    const categories = brief.topics.map((t) => `<category term="${escapeXml(t)}"/>`).join('');
    return [
      '<entry>',
      `<id>${escapeXml(page)}</id>`,
      `<title>${escapeXml(brief.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
      `<link rel="related" href="${escapeXml(brief.url)}"/>`,
      `<published>${isoInstant(brief.published)}</published>`,
      `<updated>${isoInstant(lastChanged(brief))}</updated>`,
      `<author><name>${escapeXml(brief.publisher)}</name></author>`,
      categories,
      `<summary>${escapeXml(brief.summary)}</summary>`,
      `<content type="html">${escapeXml(briefHtml(brief))}</content>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(`${origin}${feed.path}.atom`)}</id>`,
    `<title>${escapeXml(feed.title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${feed.path}.atom`)}"/>`,
    `<link rel="alternate" type="application/feed+json" href="${escapeXml(`${origin}${feed.path}.json`)}"/>`,
    '<author><name>briefbot</name></author>',
    ...entries,
    '</feed>',
  ].join('\n');
}

import { lastChanged, type Brief } from '../../content/brief.js';
import { escapeHtml, isoInstant } from '../html.js';
import type { FeedSelection } from './feed-source.js';

/** The body of a brief as feeds carry it: summary, key facts, sources and the original. */
export function briefHtml(brief: Brief): string {
  const facts = brief.facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('');
  const sources = brief.sources
    .map((s) => {
      const by = [s.publisher, s.date].filter(Boolean).join(', ');
      return `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>${by ? ` (${escapeHtml(by)})` : ''}</li>`;
    })
    .join('');
  return [
    `<p>${escapeHtml(brief.summary)}</p>`,
    facts && `<h3>Key facts</h3><ul>${facts}</ul>`,
    sources && `<h3>Sources</h3><ul>${sources}</ul>`,
    `<p>Original: <a href="${escapeHtml(brief.url)}">${escapeHtml(brief.publisher)}</a></p>`,
  ]
    .filter(Boolean)
    .join('');
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(feed: FeedSelection, origin: string): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: `${origin}/`,
    feed_url: `${origin}${feed.path}.json`,
    items: feed.briefs.map((brief) => ({
      id: `${origin}/briefs/${brief.slug}`,
      url: `${origin}/briefs/${brief.slug}`,
      external_url: brief.url,
      title: brief.title,
      summary: brief.summary,
      content_html: briefHtml(brief),
      date_published: isoInstant(brief.published),
      date_modified: isoInstant(lastChanged(brief)),
      tags: brief.topics,
      language: brief.lang,
      authors: [{ name: brief.publisher }],
    })),
  };
}

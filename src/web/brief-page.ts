import { lastChanged, type Brief } from '../content/brief.js';
import { briefHtml } from './feeds/json-feed.js';
import { escapeHtml, jsonForScript } from './html.js';

/** schema.org NewsArticle for a brief: the original is what it is based on, sources are citations. */
export function newsArticle(brief: Brief, pageUrl: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': pageUrl,
    url: pageUrl,
    headline: brief.title.slice(0, 110),
    abstract: brief.summary,
    datePublished: brief.published,
    dateModified: lastChanged(brief),
    inLanguage: brief.lang,
    keywords: brief.topics,
    publisher: { '@type': 'Organization', name: brief.publisher },
    isBasedOn: brief.url,
    citation: brief.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      url: s.url,
      ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
      ...(s.date ? { datePublished: s.date } : {}),
    })),
  };
}

/** A readable page of one brief, with its NewsArticle JSON-LD; no script runs on it. */
export function briefPage(brief: Brief, pageUrl: string): string {
  const topics = brief.topics
    .map((t) => `<a href="/feeds/topics/${encodeURIComponent(t)}.atom">${escapeHtml(t)}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="${escapeHtml(brief.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(brief.title)}</title>
<link rel="canonical" href="${escapeHtml(pageUrl)}">
<link rel="alternate" type="application/atom+xml" href="/feeds/briefs.atom">
<link rel="stylesheet" href="/assets/page.css">
<script type="application/ld+json">${jsonForScript(newsArticle(brief, pageUrl))}</script>
</head>
<body>
<article>
<h1>${escapeHtml(brief.title)}</h1>
<p class="byline">${escapeHtml(brief.publisher)}, ${escapeHtml(brief.published)}${brief.updated ? `, updated ${escapeHtml(brief.updated)}` : ''}</p>
${briefHtml(brief)}
<p class="topics">Topics: ${topics}</p>
</article>
</body>
</html>
`;
}

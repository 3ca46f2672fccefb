/**
 * Values a draft carries where the page gave nothing. Each passes the content
 * schema, so the draft validates, and each is plainly not real, so an editor
 * (or a grep for "fill-in") finds it before publishing.
 */
export const PLACEHOLDER = {
  title: 'FILL IN: the article title',
  publisher: 'FILL IN: the publisher',
  url: 'https://fill-in.invalid/the-article-url',
  /** The Unix epoch: a valid date that no current article carries. */
  published: '1970-01-01',
  topic: 'fill-in',
  fact: 'FILL IN: one checkable fact with its number or date.',
} as const;

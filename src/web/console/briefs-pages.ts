import type { Brief } from '../../content/brief.js';
import { formatContentError, type ContentError } from '../../content/parse.js';
import { escapeHtml } from '../html.js';
import type { ConsoleContent } from './content-view.js';
import { pager, table } from './layout.js';

export const BRIEFS_PER_PAGE = 100;
import { briefReply, previewPanels } from './preview.js';

const briefLink = (brief: Brief): string =>
  `<a href="/console/briefs/${encodeURIComponent(brief.slug)}">${escapeHtml(brief.title)}</a>`;
const draftLink = (file: string, label: string): string =>
  `<a href="/console/drafts/${encodeURIComponent(file)}">${escapeHtml(label)}</a>`;

function errorList(errors: readonly ContentError[], content: ConsoleContent): string {
  if (errors.length === 0) return '<p class="empty">No content errors.</p>';
  const slugOf = new Map([...content.library.all()].map((b) => [b.file, b.slug]));
  const drafts = new Set(content.draftFiles());
  const items = errors.map((e) => {
    const slug = slugOf.get(e.file);
    const where = slug
      ? `<a href="/console/briefs/${encodeURIComponent(slug)}">${escapeHtml(e.file)}</a>`
      : drafts.has(e.file)
        ? draftLink(e.file, e.file)
        : escapeHtml(e.file);
    return `<li><span class="file">${where}${e.line ? `:${e.line}` : ''}</span> ${escapeHtml(formatContentError(e))}</li>`;
  });
  return `<ul class="errors">${items.join('')}</ul>`;
}

/** One page of the briefs, newest first: a walk over the library, no copy of it. */
function pageOfBriefs(content: ConsoleContent, page: number): { briefs: Brief[]; hasNext: boolean } {
  const skip = (page - 1) * BRIEFS_PER_PAGE;
  const briefs = content.library.latest(skip + BRIEFS_PER_PAGE + 1).slice(skip);
  return { briefs: briefs.slice(0, BRIEFS_PER_PAGE), hasNext: briefs.length > BRIEFS_PER_PAGE };
}

/**
 * Every brief with its languages, topics, dates and errors, a page at a time (drafts on the
 * first page); then the content errors.
 */
export function briefsListBody(content: ConsoleContent, query: URLSearchParams): string {
  const errors = content.errors();
  const errorsByFile = new Map<string, number>();
  for (const e of errors) errorsByFile.set(e.file, (errorsByFile.get(e.file) ?? 0) + 1);
  const page = Math.max(1, Math.min(100_000, Number(query.get('page')) || 1));
  const { briefs, hasNext } = pageOfBriefs(content, page);
  const rows = briefs.map((b) => [
    briefLink(b),
    escapeHtml(b.lang),
    escapeHtml(b.topics.join(', ')),
    escapeHtml(b.published),
    escapeHtml(b.updated ?? ''),
    'no',
    String(errorsByFile.get(b.file) ?? 0),
  ]);
  const drafts = (page === 1 ? content.draftFiles() : []).map((file) => {
    const draft = content.readDraft(file);
    return [
      draftLink(file, draft?.title ?? file),
      escapeHtml(draft?.lang ?? ''),
      escapeHtml(draft?.topics.join(', ') ?? ''),
      escapeHtml(draft?.published ?? ''),
      escapeHtml(draft?.updated ?? ''),
      'yes',
      String(errorsByFile.get(file) ?? 0),
    ];
  });
  const headers = ['Title', 'Language', 'Topics', 'Published', 'Updated', 'Draft', 'Errors'];
  return [
    `<p>${content.library.size} briefs, ${content.draftFiles().length} drafts, ${errors.length} content errors.</p>`,
    table(headers, [...drafts, ...rows], 'The content folder has no briefs yet.'),
    pager('/console/briefs', query, page, hasNext),
    '<h2 id="errors">Content errors</h2>',
    errorList(errors, content),
  ].join('\n');
}

/** One brief (or draft): facts about it and the live previews. */
export function briefBody(content: ConsoleContent, brief: Brief, liveUrl: string, previewUrl: string): string {
  const errors = content.errors().filter((e) => e.file === brief.file);
  return `<p class="meta">${escapeHtml(brief.file)} · ${escapeHtml(brief.lang)} · topics ${escapeHtml(brief.topics.join(', '))} · published ${escapeHtml(brief.published)}${brief.updated ? ` · updated ${escapeHtml(brief.updated)}` : ''}${brief.draft ? ' · <strong>draft</strong>' : ''}</p>
${errors.length ? `<h2>Content errors</h2>${errorList(errors, content)}` : ''}
<div id="live" data-events="${escapeHtml(liveUrl)}" data-preview="${escapeHtml(previewUrl)}">${previewPanels(briefReply(content.library, brief))}</div>`;
}

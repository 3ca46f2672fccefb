import type { Article } from './article.js';

export type PageKind = 'article' | 'index' | 'video' | 'gallery' | 'login' | 'error';

export const PAGE_KIND_WORDS: Record<Exclude<PageKind, 'article'>, string> = {
  index: 'a home page or section front (a list of headlines)',
  video: 'a video page',
  gallery: 'a photo gallery',
  login: 'a login or subscription page (paywall)',
  error: 'an error page ("not found")',
};

const ERROR_HEADING =
  /\b(?:404|410|500|page not found|not found|page (?:does not|doesn't|cannot|can't) be found|no longer available|error)\b/i;
const PAYWALL_TEXT =
  /\b(?:subscribe|log ?in|sign ?in|register)\b[^.]{0,40}\b(?:to (?:continue|read|keep reading|access)|for full access)\b/i;
const GALLERY_PATH = /\/(?:galler(?:y|ies)|in-pictures|pictures|photos|slideshows?)(?:\/|$)/i;
const VIDEO_PATH = /\/(?:videos?|watch|av)(?:\/|$)/i;

/** An address that names a section rather than a story: "/", "/news/", "/world/africa/". */
function sectionAddress(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  return parts.length <= 2 && parts.every((p) => !/\d{3,}|\.\w+$/.test(p) && p.split('-').length <= 2);
}

/**
 * What a page that is not (only) an article looks like, judged from its
 * markup and how much prose it has. `prose` is the body's length in
 * characters of running text. Metadata that calls the page an article wins.
 */
export function pageKind(article: Article, prose: number): PageKind {
  const hints = article.hints;
  if (!hints) return 'article';
  const path = article.url && URL.canParse(article.url) ? new URL(article.url).pathname : '';
  const saysArticle = hints.ogType === 'article' || hints.ldTypes.some((t) => /Article|BlogPosting|Report/.test(t));
  const little = prose < 1500;
  if (hints.heading && ERROR_HEADING.test(hints.heading) && little) return 'error';
  if (hints.passwordField && little) return 'login';
  if (little && article.paragraphs.some((p) => PAYWALL_TEXT.test(p))) return 'login';
  if (saysArticle) return 'article';
  if (hints.ogType?.startsWith('video') || hints.ldTypes.includes('VideoObject') || VIDEO_PATH.test(path))
    if (little) return 'video';
  if (hints.ldTypes.includes('ImageGallery') || GALLERY_PATH.test(path)) if (little) return 'gallery';
  if (hints.ogType === 'website' && sectionAddress(article.url)) return 'index';
  if (hints.headlineLinks >= 15 && hints.headlineLinks * 80 > prose) return 'index';
  return 'article';
}

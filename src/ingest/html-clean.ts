/** Elements that are never the story: navigation, forms, embeds, dialogs, scripts. */
const NEVER_ARTICLE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'nav',
  'aside',
  'form',
  'dialog',
  'button',
  'select',
  'figcaption',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  '[hidden]',
  '[aria-hidden="true"]',
].join(',');

/** Class and id words that mark page chrome: banners, ads, promos, share bars, captions. */
const CHROME_WORDS =
  /^(cookies?|consent|gdpr|cmp|banner|newsletter|subscribe|subscription|signup|paywall|promo|promos|promotion|ad|ads|advert|adverts|advertisement|sponsor|sponsored|outbrain|taboola|related|recommended|more|share|sharing|social|follow|popup|modal|overlay|caption|credit|credits|breadcrumbs?|pagination|comments?|tags|donate|donation)$/i;

interface CleanElement {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<unknown>;
  remove(): void;
}
interface CleanDocument {
  querySelectorAll(selector: string): Iterable<CleanElement>;
}

function isChrome(el: CleanElement): boolean {
  // A class such as "share-enabled" on the story itself must not take the story with it.
  if (/^(article|main|body)$/i.test(el.tagName) || el.querySelectorAll('article, main').length > 0) return false;
  if (el.querySelectorAll('p').length >= 3) return false;
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/[\s_-]+/);
  return words.some((w) => CHROME_WORDS.test(w));
}

/**
 * Removes page chrome before Readability scores the page, so a cookie banner or
 * a block of related-article links can never be mistaken for the story.
 */
export function removePageChrome(doc: CleanDocument): void {
  for (const el of [...doc.querySelectorAll(NEVER_ARTICLE)]) el.remove();
  for (const el of [...doc.querySelectorAll('body [class], body [id]')]) {
    if (isChrome(el)) el.remove();
  }
}

/**
 * Lines and sentences that belong to the page around an article, not to the
 * article: banners, share bars, credits, footers, promos. Shared by the
 * plain-text cleaner and by the summary and facts, which must never quote them.
 */
const CHROME: RegExp[] = [
  // donation and membership appeals
  /\bdonate\b|\bsupport (our|independent|quality)\b.*\bjournalism\b|\bbecome a (member|supporter|subscriber)\b/i,
  // newsletters and subscriptions
  /\b(sign up|subscribe)\b.*\b(newsletter|updates|free|today|now|here)\b|\bnewsletter\b|\bsubscribe (now|today|here)\b/i,
  // cookie and consent banners
  /\bcookies?\b.*\b(use|accept|consent|settings|policy|preferences)\b|\b(accept|reject) all\b|\bprivacy (policy|settings)\b/i,
  /^(×|x)\s|^(no,? thanks|learn more|accept|ok(ay)?|got it|close|dismiss)\b[.!]?$/i,
  // back | print, share and follow lines
  /^(back|print|share|email|tweet|bookmark)(\s*[|·•]\s*|\s+)(print|share|email|tweet|bookmark|and share)/i,
  /\bbookmark and share\b|^share (this|on)\b|^(follow us|share)\b|\bshare (this )?(article|story|on (facebook|twitter|x))\b/i,
  /^(facebook|twitter|linkedin|whatsapp|email|reddit|copy link)(\s*[|·•]?\s*(facebook|twitter|linkedin|whatsapp|email|reddit|copy link|x))+$/i,
  // photo credits and captions
  /\b(photo(graph)?|image|picture|illustration|video|graphic)s?\s*(by|:|credit)|\bcredit\s*:|\((photo|image)\b|\b(getty images|shutterstock|afp photo|ap photo|reuters\/|\/flickr|\/reuters|\/ap)\b/i,
  // copyright and address footers
  /©|\(c\)\s*\d{4}|^copyright\b|\bcopyright (©\s*)?\d{4}|\ball rights reserved\b|\bissn\b|\bpublished by\b.*\b\d{3}\b|\bp\.?\s?o\.? box\b/i,
  // promos, related pieces, reading prompts: headings alone, or prompts followed by a colon
  /^(related( articles| stories| coverage| content)?|more from( [\p{L} ]{1,30})?|more on this( story)?|recommended( for you)?|you (may|might) also like|most (read|popular)|trending( now)?|advertisement|sponsored( content)?|continue reading|listen to this article)\s*:?$/iu,
  /^(read more|read also|also read|see also|related|more on this|watch|listen)\s*:/i,
  /^click here\b/i,
  /\b(read|see|watch|listen to) (the )?(full|whole|our|more)\b.*\b(here|story|coverage|report)\b:?$/i,
  // bylines and compilation credits: the prefix, then only names
  /^(?:[Bb]y|[Cc]ompiled by|[Rr]eporting by|[Ww]ritten by|[Ee]dited by|[Ee]diting by|[Aa]dditional reporting by|[Tt]ranslated by)\s+\p{Lu}[\p{L}.'’-]*(?:[\s,;&]+(?:and|in|by|\p{Lu}[\p{L}.'’-]*))*\.?$/u,
  /^(tags|topics|filed under|categories)\s*:/i,
  // "First published February 1, 2016: 1:28 AM ET", "Updated 3:46 PM"
  /\b(first published|last updated|updated)\b.{0,30}\b\d{1,2}:\d{2}\b/i,
];

/** "Home | News | Sport | Opinion": three or more short items between separators. */
function isMenu(t: string): boolean {
  const items = t.split(/\s*[|·•]\s*/).filter(Boolean);
  return items.length >= 3 && items.every((item) => item.length <= 25);
}

/** Whether a line or sentence is page chrome rather than reporting. */
export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (isMenu(t)) return true;
  if (/^[\W_]+$/u.test(t)) return true;
  if (/\S+@\S+\.\w{2,}/.test(t) && t.length < 120) return true;
  if (/^https?:\/\/\S+$/.test(t)) return true;
  return CHROME.some((re) => re.test(t));
}

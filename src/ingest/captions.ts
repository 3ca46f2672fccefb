/**
 * Photo captions and credits that reach the text: "Photograph: Jane Doe/Getty
 * Images", "(AP Photo)", "Credit: ...", "In this photo dated ...", "Clockwise
 * from top: ...". Figure captions themselves are removed with the markup.
 */
const CAPTION_TEXT = [
  /\b(?:photo(?:graph)?|picture|image|illustration|video|graphic)s?\s*(?:by\b|:|credit)/i,
  /\bcredit\s*:/i,
  /\((?:[\p{L} .'-]+\/)?(?:getty images|ap photo|afp|reuters|epa|shutterstock|pa|ap)(?:\/[\p{L} .'-]+)?\)/iu,
  /\b(?:getty images|ap photo|afp via getty|afp photo|reuters\/|shutterstock|epa-efe)\b/i,
  /^(?:clockwise from|(?:top|above|below|left|right|main|inset|pictured)(?: (?:left|right))?\s*:|pictured\b|in this (?:photo|image|picture|file photo)|file photo\b)/i,
];

export const isCaptionText = (text: string): boolean => CAPTION_TEXT.some((re) => re.test(text.trim()));

const wordSet = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

/**
 * Whether a block repeats an image's alt text (captions written twice, once
 * under the picture): most of its words are among the alt text's.
 */
export function repeatsAltText(text: string, alts: readonly Set<string>[]): boolean {
  const words = wordSet(text);
  if (words.size < 4) return false;
  return alts.some((alt) => {
    let shared = 0;
    for (const w of words) if (alt.has(w)) shared++;
    return shared / words.size >= 0.6;
  });
}

export const altWordSets = (alts: readonly string[]): Set<string>[] => alts.filter((a) => a.length >= 20).map(wordSet);

/** Discord's message limits that our payloads must respect (counted in UTF-16 units, which is stricter). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  buttonUrl: 512,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  optionDescription: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` UTF-16 units, ending with an ellipsis when it had to cut. Never splits a
 * surrogate pair and never leaves a dangling Markdown escape that would swallow the ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, '').trimEnd();
  return cut + ELLIPSIS;
}

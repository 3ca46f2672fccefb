/**
 * Cyrillic -> Latin as Russian passports and the BGN/PCGN system write it (`синьцзян` ->
 * `sintszyan`, `казахстан` -> `kazakhstan`), with the Kazakh letters folded to their nearest
 * Latin ones. Applied to normalised text, so a query in one script meets keys in the other.
 */
const TABLE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
  ў: 'u',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const CYRILLIC_LETTERS = /\p{Script=Cyrillic}/gu;

export const hasCyrillic = (text: string): boolean => CYRILLIC.test(text);

/** Lower-case Cyrillic in, Latin out; other characters pass through. */
export function transliterate(text: string): string {
  return text.replace(CYRILLIC_LETTERS, (letter) => TABLE[letter] ?? letter);
}

import type { Random } from './random.js';

const ONSETS = [
  'b',
  'br',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  'sh',
  't',
  'tr',
  'v',
  'z',
  'zh',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ia', 'ou', 'ye'];
const CODAS = ['', '', 'n', 'r', 'st', 'l', 'ng', 'k', 'm', 'sh', 'z'];

const COMMON = (
  'the of in and on for to after with over under from amid as new old says report court ' +
  'government protest election border trade camp camps rights police army talks deal crisis ' +
  'minister leaders region city villages workers farmers students press law vote reform'
).split(' ');

/** Made-up but pronounceable words, like place and people names in foreign news. */
export function makeWords(random: Random, count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const syllables = random.int(2, 4);
    let word = '';
    for (let i = 0; i < syllables; i++)
      word += random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 ? random.pick(CODAS) : '');
    if (word.length >= 4 && word.length <= 14) seen.add(word);
  }
  return [...seen];
}

export function sentence(random: Random, names: readonly string[], minWords: number, maxWords: number): string {
  const n = random.int(minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(random.chance(0.35) ? capital(random.pick(names)) : random.pick(COMMON));
  if (random.chance(0.5)) words.splice(random.int(1, words.length - 1), 0, `in ${random.int(1990, 2025)}`);
  if (random.chance(0.3))
    words.push(`about ${random.int(2, 990)} ${random.pick(['people', 'km', 'million', 'cases', 'votes'])}`);
  return `${capital(words.join(' '))}.`;
}

export const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

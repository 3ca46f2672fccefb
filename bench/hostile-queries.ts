import { performance } from 'node:perf_hooks';
import { warmCorpus } from './warm-corpus.js';

/**
 * The worst cost of crafted queries at a large store, each run several times:
 *   npx tsx bench/hostile-queries.ts [size]
 * (default 100,000 briefs). A normal lookup takes well under a millisecond; none of these
 * should take more than a few.
 */
const size = Number(process.argv[2] ?? 100_000);
const REPEAT = 5;

const letters = 'abcdefghijklmnopqrstuvwxyz';
const oneLetterWords = Array.from({ length: 100 }, (_, i) => letters[(i * 7) % 26]).join(' ');
const vowels = Array.from({ length: 40 }, (_, i) => 'aeiou'[i % 5]).join(' ');
const longWord = Array.from({ length: 2_000 }, (_, i) => letters[(i * 11) % 26]).join('');
const longWords = Array.from({ length: 20 }, (_, i) => longWord.slice(i * 50, i * 50 + 60)).join(' ');
const typoWords = 'kazakstan xinjang uighur camsp detention reeducation surveilance labour polictics protest';

const { store } = await warmCorpus(size);
const library = store.library;
const cases: [string, () => unknown][] = [
  ['/brief 100 one-letter words', () => library.lookup(oneLetterWords)],
  ['/brief a a a ... (100 times)', () => library.lookup(Array(100).fill('a').join(' '))],
  ['/brief 10 long typo words', () => library.lookup(typoWords)],
  ['/brief one 2,000-letter word', () => library.lookup(longWord)],
  ['/brief twenty 60-letter words', () => library.lookup(longWords)],
  ['/search vowels only', () => library.searchText(vowels, 10)],
  ['/search 100 one-letter words', () => library.searchText(oneLetterWords, 10)],
  ['/search one 2,000-letter word', () => library.searchText(longWord, 10)],
  ['did-you-mean, 100 one-letter words', () => library.suggest(oneLetterWords, 3)],
  ['autocomplete, 100 one-letter words', () => library.complete(oneLetterWords, 25)],
  ['autocomplete, one 2,000-letter word', () => library.complete(longWord, 25)],
];

process.stdout.write(`hostile queries at ${library.size} briefs, worst of ${REPEAT} runs each\n`);
let worst = 0;
for (const [name, run] of cases) {
  let max = 0;
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    run();
    max = Math.max(max, performance.now() - started);
  }
  worst = Math.max(worst, max);
  process.stdout.write(`${name.padEnd(40)} ${max.toFixed(2).padStart(9)} ms\n`);
}
process.stdout.write(`${'worst'.padEnd(40)} ${worst.toFixed(2).padStart(9)} ms\n`);

import { distance } from 'fastest-levenshtein';
import type { Library } from '../src/content/library.js';
import { normalize } from '../src/core/normalize.js';
import { Random } from './random.js';

export type QueryClass = 'slug' | 'topic' | 'typo' | 'prefix' | 'miss';

export interface QuerySet {
  brief: Record<QueryClass, string[]>;
  /** Each entry is what a user has typed so far, letter by letter towards a brief. */
  autocomplete: string[];
  /** `/search` with two words taken from one brief's summary. */
  search: string[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit: substitute, delete, insert or swap two neighbours. */
function edit(random: Random, word: string): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0: {
      let letter = random.pick([...LETTERS]);
      while (letter === word[at]) letter = random.pick([...LETTERS]);
      return word.slice(0, at) + letter + word.slice(at + 1);
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + random.pick([...LETTERS]) + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

/** The typo budget users get: 1 edit from 4 letters, 2 from 8 (Levenshtein, so a swap is 2). */
const typoBudget = (q: string): number => (q.length < 4 ? 0 : q.length < 8 ? 1 : 2);

/**
 * Queries drawn from the loaded corpus itself, seeded: real slugs and topic keys, typos of
 * them within the typo budget (1 edit under 8 letters, 2 from 8), prefixes of 3-6 letters,
 * and misses three edits from a topic: beyond what /brief accepts, within "did you mean".
 */
export function pickQueries(library: Library, seed: number, count = 400): QuerySet {
  const random = new Random(seed);
  const briefs = [...library.all()];
  const topics = library.topics().map((t) => t.topic);
  const words = new Set<string>();
  for (const t of topics) for (const w of t.split('-')) words.add(w);
  for (const b of briefs.slice(0, 5000)) for (const w of normalize(b.title).split(' ')) words.add(w);
  const known = (q: string) => words.has(q) || library.get(q) !== undefined;
  const singleTopics = topics.filter((t) => !t.includes('-') && t.length >= 5);

  const slug = Array.from({ length: count }, () => random.pick(briefs).slug);
  const topic = Array.from({ length: count }, () => random.pick(topics));
  const typo: string[] = [];
  const prefix: string[] = [];
  const miss: string[] = [];
  for (let guard = 0; typo.length < count && guard < count * 20; guard++) {
    const word = random.pick(singleTopics);
    const q = word.length >= 8 && random.chance(0.5) ? edit(random, edit(random, word)) : edit(random, word);
    const edits = distance(q, word);
    if (edits > 0 && edits <= typoBudget(q) && !known(q)) typo.push(q);
  }
  for (let guard = 0; prefix.length < count && guard < count * 20; guard++) {
    const word = random.pick(singleTopics.filter((t) => t.length >= 7));
    const q = word.slice(0, random.int(3, 6));
    if (!known(q)) prefix.push(q);
  }
  for (let guard = 0; miss.length < count && guard < count * 20; guard++) {
    const word = random.pick(singleTopics.filter((t) => t.length >= 9));
    const q = edit(random, edit(random, edit(random, word)));
    if (q.length >= 8 && distance(q, word) === 3 && !known(q)) miss.push(q);
  }

  const autocomplete: string[] = [];
  for (let i = 0; i < Math.ceil(count / 8); i++) {
    const target = random.chance(0.5) ? random.pick(topics).replace(/-/g, ' ') : normalize(random.pick(briefs).title);
    for (let n = 1; n <= Math.min(target.length, 14); n++) autocomplete.push(target.slice(0, n));
  }
  const search = Array.from({ length: count }, () => {
    const summaryWords = normalize(random.pick(briefs).summary)
      .split(' ')
      .filter((w) => w.length >= 4);
    return summaryWords.length < 2 ? 'border talks' : `${random.pick(summaryWords)} ${random.pick(summaryWords)}`;
  });
  return { brief: { slug, topic, typo, prefix, miss }, autocomplete, search };
}

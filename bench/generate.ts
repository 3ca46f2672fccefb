import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from './random.js';
import { capital, makeWords, sentence } from './words.js';

/** Bumped whenever the output changes, so that stale corpora are never reused. */
const GENERATOR_VERSION = 2;
const DONE = '.complete.json';

export interface BriefSpec {
  file: string;
  slug: string;
  title: string;
  topics: string[];
  published: string;
  updated?: string;
  publisher: string;
  url: string;
  summary: string;
  facts: string[];
  sources: { title: string; publisher: string; url: string; date?: string }[];
  body: string;
  explicitSlug: boolean;
}

export interface Corpus {
  dir: string;
  size: number;
  seed: number;
  /** True when the files were already there from an earlier run. */
  reused: boolean;
  generateMs: number;
}

const PUBLISHERS = [
  'Transitions Online',
  'Eurasianet',
  'The Diplomat',
  'RFE/RL',
  'Reuters',
  'Human Rights Watch',
  'BIRN',
];

const pad = (n: number): string => String(n).padStart(2, '0');
const dateFrom = (day: number): string => new Date(Date.UTC(2008, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Every brief of a corpus, in order; the same size and seed always give the same briefs. */
export function* briefSpecs(size: number, seed: number): Generator<BriefSpec> {
  const random = new Random(seed);
  const names = makeWords(random, Math.min(30_000, 1_000 + Math.ceil(size / 4)));
  const topicCount = Math.max(40, Math.ceil(size / 25));
  const topicSet = new Set<string>();
  while (topicSet.size < topicCount) {
    topicSet.add(random.chance(0.75) ? random.pick(names) : `${random.pick(names)}-${random.pick(names)}`);
  }
  const topicPool = [...topicSet];
  const slugs = new Set<string>();
  for (let i = 0; i < size; i++) {
    const topics = new Set<string>();
    const wanted = random.int(1, 5);
    while (topics.size < wanted) topics.add(topicPool[random.skewed(topicPool.length)]!);
    const topicList = [...topics];
    const main = topicList[0]!.split('-');
    const titleWords = [...main.map(capital), ...sentence(random, names, 3, 9).replace(/\.$/, '').split(' ')];
    const title = titleWords.join(' ').slice(0, 180);
    const base = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .split('-')
      .filter(Boolean)
      .slice(0, 6)
      .join('-');
    // Like editors do: the title's words, and a number only when that slug is taken.
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const publishedDay = random.int(0, 6500);
    const published = dateFrom(publishedDay);
    const year = published.slice(0, 4);
    const summary = Array.from({ length: random.int(2, 5) }, () => sentence(random, names, 8, 22)).join(' ');
    const facts = Array.from({ length: random.int(3, 8) }, () => sentence(random, names, 6, 24));
    const sources = Array.from({ length: random.int(1, 5) }, (_, s) => ({
      title: sentence(random, names, 4, 10).replace(/\.$/, ''),
      publisher: random.pick(PUBLISHERS),
      url: `https://news.example.org/${year}/${pad(random.int(1, 12))}/${slug}-${s}`,
      ...(random.chance(0.7) ? { date: dateFrom(Math.max(0, publishedDay - random.int(0, 30))) } : {}),
    }));
    const body = random.chance(0.4)
      ? Array.from({ length: random.int(1, 3) }, () => sentence(random, names, 10, 30)).join('\n\n')
      : '';
    yield {
      file: `${year}/${slug}.md`,
      slug,
      title,
      topics: topicList,
      published,
      ...(random.chance(0.25) ? { updated: dateFrom(publishedDay + random.int(1, 400)) } : {}),
      publisher: random.pick(PUBLISHERS),
      url: `https://news.example.org/${year}/${slug}`,
      summary,
      facts,
      sources,
      body,
      explicitSlug: random.chance(0.2),
    };
  }
}

/** The Markdown file an editor would write for this brief. */
export function briefFile(spec: BriefSpec): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(spec.title)}`,
    ...(spec.explicitSlug ? [`slug: ${spec.slug}`] : []),
    `topics: [${spec.topics.join(', ')}]`,
    `published: ${spec.published}`,
    ...(spec.updated ? [`updated: ${spec.updated}`] : []),
    'lang: en',
    `publisher: ${spec.publisher}`,
    `url: ${spec.url}`,
    'summary: >',
    ...wrap(spec.summary, 88).map((l) => `  ${l}`),
    'facts:',
    ...spec.facts.map((f) => `  - ${f}`),
    'sources:',
    ...spec.sources.flatMap((s) => [
      `  - title: ${JSON.stringify(s.title)}`,
      `    publisher: ${s.publisher}`,
      `    url: ${s.url}`,
      ...(s.date ? [`    date: ${s.date}`] : []),
    ]),
    '---',
    spec.body,
  ];
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** The share of briefs that also get a Russian translation (0: none), as a folder suffix: `-ru25`. */
const translatedSuffix = (translated: number): string => (translated > 0 ? `-ru${Math.round(translated * 100)}` : '');

export const corpusDir = (size: number, seed: number, translated = 0): string =>
  join(tmpdir(), 'briefbot-bench', `${size}-${seed}-v${GENERATOR_VERSION}${translatedSuffix(translated)}`);

/** Whether brief `i` of the corpus gets a translation: evenly spread, `translated` of them in all. */
const isTranslated = (i: number, translated: number): boolean =>
  Math.floor((i + 1) * translated) > Math.floor(i * translated);

const CYRILLIC: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyz'].map((latin, i) => [latin, 'абцдефгхийклмнопкрстуввхыз'[i]!]),
);
/** The same text in Cyrillic letters, one for one, so that every length limit still holds. */
const cyrillic = (text: string): string =>
  text.replace(/[a-z]/gi, (c) => {
    const ru = CYRILLIC[c.toLowerCase()]!;
    return c === c.toLowerCase() ? ru : ru.toUpperCase();
  });

/**
 * The Russian translation of a brief, as an editor would file it under `ru/`: the original's
 * facts, dates and links, its words in Cyrillic, its topics in the same order (they reach the
 * original's topics), and the default slug `<original>-ru`.
 */
export function translationFile(spec: BriefSpec): string {
  const text = briefFile({
    ...spec,
    title: cyrillic(spec.title),
    topics: spec.topics.map(cyrillic),
    summary: cyrillic(spec.summary),
    facts: spec.facts.map(cyrillic),
    body: cyrillic(spec.body),
    explicitSlug: false,
  });
  return text.replace('lang: en\n', `lang: ru\ntranslationOf: ${spec.slug}\n`);
}

/**
 * Writes the corpus unless an earlier run already left a complete copy. With `translated`
 * (0 to 1), that share of the briefs also gets a Russian translation under `ru/`.
 */
export function ensureCorpus(size: number, seed: number, translated = 0): Corpus {
  const dir = corpusDir(size, seed, translated);
  const started = performance.now();
  if (existsSync(join(dir, DONE))) {
    const done = JSON.parse(readFileSync(join(dir, DONE), 'utf8')) as { size: number };
    if (done.size === size) return { dir, size, seed, reused: true, generateMs: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  const write = (file: string, text: string) => {
    const folder = join(dir, file.slice(0, file.lastIndexOf('/')));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(dir, file), text);
  };
  let i = 0;
  for (const spec of briefSpecs(size, seed)) {
    write(spec.file, briefFile(spec));
    if (isTranslated(i++, translated)) write(`ru/${spec.file}`, translationFile(spec));
  }
  writeFileSync(join(dir, DONE), JSON.stringify({ size, seed, translated, version: GENERATOR_VERSION }));
  return { dir, size, seed, reused: false, generateMs: performance.now() - started };
}

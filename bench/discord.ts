/**
 * Discord speed: autocomplete in-process over a large library, and /brief from INTERACTION_CREATE on
 * the gateway to the callback arriving at the fake Discord, over loopback with the real client.
 * Standalone: `npx tsx bench/discord.ts [briefs]`.
 */
import { pathToFileURL } from 'node:url';
import { autocompleteChoices } from '../src/adapters/discord/autocomplete.js';
import type { Brief } from '../src/content/brief.js';
import { Library } from '../src/content/library.js';
import { GUILD_ID, interactAndWait, slash, someone, startDiscordHarness } from '../test/e2e/discord-harness.js';

export interface DiscordBenchOptions {
  /** Briefs in the autocomplete library (default 100,000). */
  briefs?: number;
  autocompleteQueries?: number;
  interactions?: number;
  log?: (line: string) => void;
}

export interface DiscordBenchResult {
  autocompleteP50Ms: number;
  autocompleteP99Ms: number;
  interactionP50Ms: number;
  interactionP99Ms: number;
}

const SYLLABLES = 'ka ri to men sha lu vo ne zi pa gor an el tur bek sin qa yu da mir ol han ste ur'.split(' ');

/** A deterministic pseudo-random generator, so runs compare. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** Made-up words of 2-4 syllables: a vocabulary as varied as names of places and people. */
function makeWords(rnd: () => number, n: number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const length = 2 + Math.floor(rnd() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]!).join(''));
  }
  return [...words];
}

/**
 * Synthetic briefs shaped like real ones: 1-3 topics from a pool of n/25, titles of 4-9 words drawn
 * with a skew (some words are common, most are rare) from a vocabulary that grows with the store.
 */
export function generateBriefs(n: number, seed = 42): Brief[] {
  const rnd = random(seed);
  const words = makeWords(rnd, Math.min(30_000, 1_000 + Math.ceil(n / 4)));
  const pick = () => words[Math.floor(rnd() ** 2 * words.length)]!;
  const topicPool = Array.from({ length: Math.max(40, Math.ceil(n / 25)) }, () =>
    rnd() < 0.75 ? pick() : `${pick()}-${pick()}`,
  );
  const briefs: Brief[] = [];
  for (let i = 0; i < n; i++) {
    const title = Array.from({ length: 4 + Math.floor(rnd() * 6) }, pick).join(' ');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    briefs.push({
      slug: `${title.split(' ').slice(0, 3).join('-')}-${i}`,
      title: `${title[0]!.toUpperCase()}${title.slice(1)}`,
      topics: [
        ...new Set(
          Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => topicPool[Math.floor(rnd() * topicPool.length)]!),
        ),
      ],
      published: `20${10 + (i % 15)}-${month}-${day}`,
      lang: 'en',
      publisher: 'Bench Press',
      url: `https://example.org/${i}`,
      summary: Array.from({ length: 40 }, pick).join(' '),
      facts: [Array.from({ length: 15 }, pick).join(' ')],
      sources: [],
      body: '',
      draft: false,
      file: `${i}.md`,
    });
  }
  return briefs;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** What people type: 1-12 letters of real titles and topics, some with a typo. */
function typedQueries(briefs: readonly Brief[], n: number): string[] {
  const rnd = random(7);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const brief = briefs[Math.floor(rnd() * briefs.length)]!;
    const source = rnd() < 0.5 ? brief.title : brief.topics[0]!;
    let typed = source.slice(0, 1 + Math.floor(rnd() * 12));
    if (rnd() < 0.2 && typed.length > 4) typed = typed.slice(0, 2) + typed[3] + typed[2] + typed.slice(4);
    out.push(typed);
  }
  return out;
}

export async function benchAutocomplete(briefCount: number, queries: number, log: (line: string) => void) {
  const briefs = generateBriefs(briefCount);
  const built = performance.now();
  const library = new Library(briefs);
  log(`library of ${library.size} briefs built in ${Math.round(performance.now() - built)} ms`);
  const typed = typedQueries(briefs, queries);
  for (const q of typed.slice(0, 200)) autocompleteChoices(library, q);
  const times: number[] = [];
  let empty = 0;
  for (const q of typed) {
    const start = performance.now();
    const choices = autocompleteChoices(library, q);
    times.push(performance.now() - start);
    if (choices.length === 0) empty++;
  }
  times.sort((a, b) => a - b);
  log(`autocomplete: ${queries} queries, ${empty} with no choice`);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

export async function benchInteractions(count: number, log: (line: string) => void) {
  const harness = await startDiscordHarness({ env: { LOG_LEVEL: 'silent' } });
  try {
    const times: number[] = [];
    const topics = ['xinjiang', 'kazakh-connection', 'hostile', 'un-rights-chief'];
    for (let i = 0; i < count + 20; i++) {
      const payload = harness.fake.interaction({
        type: 2,
        guildId: GUILD_ID,
        user: someone(),
        data: slash('brief', [{ name: 'topic', type: 3, value: topics[i % topics.length]! }]),
      });
      const start = performance.now();
      const callback = await interactAndWait(harness.fake, payload);
      if (i >= 20) times.push(callback.at - start);
    }
    times.sort((a, b) => a - b);
    log(`interactions: ${count} /brief calls over loopback`);
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    await harness.stop();
  }
}

export async function benchDiscord(options: DiscordBenchOptions = {}): Promise<DiscordBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Interactions first: the large library built next would otherwise leave its garbage to collect.
  const interactions = await benchInteractions(options.interactions ?? 500, log);
  const autocomplete = await benchAutocomplete(options.briefs ?? 100_000, options.autocompleteQueries ?? 5000, log);
  return {
    autocompleteP50Ms: round(autocomplete.p50),
    autocompleteP99Ms: round(autocomplete.p99),
    interactionP50Ms: round(interactions.p50),
    interactionP99Ms: round(interactions.p99),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const briefs = process.argv[2] ? Number(process.argv[2]) : undefined;
  const result = await benchDiscord(briefs ? { briefs } : {});
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

import type { EndToEndResults } from './end-to-end.js';
import type { Timing } from './measure.js';
import type { QueryClass } from './queries.js';
import type { ColdResult, LoadResult } from './one-size.js';

export interface SizeResult {
  size: number;
  generateMs: number;
  reused: boolean;
  /** No cold load: `cold` holds a load from the existing store, with the queries measured after it. */
  storeReused: boolean;
  cold: ColdResult;
  warm: LoadResult;
}

type Row = [label: string, cells: (r: SizeResult) => string, target: string];

const CLASS_LABEL: Record<QueryClass, string> = {
  slug: 'exact slug',
  topic: 'topic key',
  typo: 'typo (1-2 edits)',
  prefix: 'prefix',
  miss: 'miss + suggestions',
};

const ms = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v)
    ? '-'
    : v >= 100
      ? v.toFixed(0)
      : v >= 10
        ? v.toFixed(1)
        : v >= 1
          ? v.toFixed(2)
          : v.toFixed(3);
const pair = (t: Timing | undefined): string => (t ? `${ms(t.p50)} / ${ms(t.p99)}` : '-');
const ratio = (ours: number | undefined, theirs: number | undefined): string =>
  ours === undefined || theirs === undefined || !theirs ? '-' : (ours / theirs).toPrecision(2);
const ratioPair = (ours: Timing | undefined, theirs: Timing | undefined): string =>
  ours && theirs ? `${ratio(ours.p50, theirs.p50)} / ${ratio(ours.p99, theirs.p99)}` : '-';
const seconds = (v: number): string => `${(v / 1000).toFixed(2)} s`;
const mb = (v: number): string => `${v.toFixed(0)} MB`;
const count = (n: number): string => n.toLocaleString('en-US');

const FUZZY: QueryClass[] = ['typo', 'prefix', 'miss'];

function rows(): Row[] {
  const classes = Object.keys(CLASS_LABEL) as QueryClass[];
  return [
    ['cold load + index (nothing cached)', (r) => (r.storeReused ? 'not run' : seconds(r.cold.loadMs)), '< 30 s'],
    ['warm start (parse cache)', (r) => seconds(r.warm.loadMs), '< 3 s'],
    [
      '  full-text index ready (cold / warm)',
      (r) => `${seconds(r.cold.textReadyMs)} / ${seconds(r.warm.textReadyMs)}`,
      '',
    ],
    ['  folder checked in the background (warm)', (r) => seconds(r.warm.folderCheckedMs), ''],
    ['heap after GC (cold / warm)', (r) => `${mb(r.cold.heapMb)} / ${mb(r.warm.heapMb)}`, '< 500 MB'],
    ['RSS (cold / warm)', (r) => `${mb(r.cold.rssMb)} / ${mb(r.warm.rssMb)}`, ''],
    ...classes.map((c): Row => [
      `/brief ${CLASS_LABEL[c]}, p50 / p99 ms`,
      (r) => pair(r.cold.brief[c]),
      c === 'slug' || c === 'topic' ? 'p99 < 0.1' : c === 'miss' ? '' : 'p99 < 5',
    ]),
    ['autocomplete (25 choices), p50 / p99 ms', (r) => pair(r.cold.autocomplete), 'p99 < 2'],
    [
      'hot reload of one file, p50 / max ms',
      (r) => (r.cold.hotReload ? `${ms(r.cold.hotReload.p50)} / ${ms(r.cold.hotReload.p99)}` : '-'),
      '< 1000',
    ],
    ['  (watcher start-up)', (r) => (r.cold.hotReload ? seconds(r.cold.hotReload.watcherReadyMs) : '-'), ''],
    ['Fuse.js index build', (r) => (r.cold.fuse ? seconds(r.cold.fuse.buildMs) : '-'), ''],
    ...classes.map((c): Row => [`Fuse.js ${CLASS_LABEL[c]}, p50 / p99 ms`, (r) => pair(r.cold.fuse?.brief[c]), '']),
    ['Fuse.js autocomplete, p50 / p99 ms', (r) => pair(r.cold.fuse?.autocomplete), ''],
    ...classes.map((c): Row => [
      `ours/Fuse ${CLASS_LABEL[c]}, p50 / p99`,
      (r) => ratioPair(r.cold.brief[c], r.cold.fuse?.brief[c]),
      FUZZY.includes(c) ? '< 1' : '',
    ]),
    ['ours/Fuse autocomplete, p50 / p99', (r) => ratioPair(r.cold.autocomplete, r.cold.fuse?.autocomplete), '< 1'],
  ];
}

export function markdown(header: string[], lines: string[][]): string {
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => (row[i] ?? '').length)));
  const fmt = (row: string[]) =>
    `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [fmt(header), rule, ...lines.map(fmt)].join('\n');
}

/** The Markdown table printed by `npm run bench` and pasted into the README. */
export function formatTable(results: readonly SizeResult[]): string {
  const header = ['', ...results.map((r) => `${count(r.size)} briefs`), 'target'];
  return markdown(
    header,
    rows().map(([label, cell, target]) => [label, ...results.map(cell), target]),
  );
}

type EndToEndRow<K extends keyof EndToEndResults> = [
  key: K,
  label: string,
  cell: (r: Exclude<EndToEndResults[K], string | undefined>) => string,
  target: string,
];

const END_TO_END_ROWS: [
  EndToEndRow<'telegram'>,
  EndToEndRow<'webhook'>,
  EndToEndRow<'discord'>,
  EndToEndRow<'fanout'>,
  EndToEndRow<'fanoutTopics'>,
  EndToEndRow<'fleet'>,
] = [
  [
    'telegram',
    'Telegram /brief, 5,000 commands over 500 chats (telegraf, fake Bot API)',
    (r) => `${count(r.repliesPerSecond)} replies/s, p50 ${ms(r.p50Ms)} ms, p99 ${ms(r.p99Ms)} ms`,
    '',
  ],
  [
    'webhook',
    'Telegram webhook /brief, 5,000 updates over 500 chats, 40 connections (HTTP listener)',
    (r) =>
      `${count(r.repliesPerSecond)} replies/s, p50 ${ms(r.p50Ms)} ms, p99 ${ms(r.p99Ms)} ms, ` +
      `webhook answered p99 ${ms(r.answerP99Ms)} ms`,
    'p99 < 20 ms',
  ],
  [
    'discord',
    'Discord /brief, INTERACTION_CREATE to callback (discord.js, fake gateway)',
    (r) => `p50 ${ms(r.p50Ms)} ms, p99 ${ms(r.p99Ms)} ms (${count(r.interactions)} interactions)`,
    'p99 < 20 ms',
  ],
  [
    'fanout',
    'Telegram fan-out of one brief to 1,000 chats, fake Bot API allowing 30 messages/s',
    (r) =>
      `${r.messagesPerSecond.toFixed(1)} messages/s, ${count(r.rateLimited)} 429s, ${count(r.duplicates)} duplicates, ` +
      `${count(r.chatsServed)}/${count(r.chats)} chats served, ${seconds(r.durationMs)}`,
    '>= 27 messages/s, no 429, no duplicate, every chat',
  ],
  [
    'fanoutTopics',
    'The same fan-out, half the 1,000 targets forum topics (two per supergroup)',
    (r) =>
      `${r.messagesPerSecond.toFixed(1)} messages/s, ${count(r.rateLimited)} 429s, ${count(r.duplicates)} duplicates, ` +
      `${count(r.chatsServed)}/${count(r.chats)} targets served, ${seconds(r.durationMs)}`,
    '>= 27 messages/s, no 429, no duplicate, every target',
  ],
  [
    'fleet',
    'Fleet of 3 on PostgreSQL behind a round-robin proxy: webhook /brief; then 1,000 chats, leader killed half way, 30/s enforced',
    ({ webhook: w, broadcast: b }) =>
      `${count(w.repliesPerSecond)} replies/s, ${count(w.repliesPerCpuSecond)} per CPU second, p99 ${ms(w.p99Ms)} ms; ` +
      `broadcast ${b.messagesPerSecond.toFixed(1)} messages/s, ${count(b.rateLimited)} 429s, ${count(b.lost)} lost, ` +
      `${count(b.duplicates)} duplicates (crash window ${count(b.crashWindow)}), failover ${seconds(b.failoverMs)}`,
    'p99 < 20 ms; >= 25 messages/s, no 429, none lost',
  ],
];

/** The end-to-end rows: real clients over loopback, independent of the corpus size. */
export function formatEndToEnd(results: EndToEndResults): string {
  const lines = END_TO_END_ROWS.flatMap(([key, label, cell, target]): string[][] => {
    const result = results[key];
    if (result === undefined) return [];
    // The tuple type ties each key to its cell; TypeScript cannot follow it through the union.
    const text = typeof result === 'string' ? result : (cell as (r: typeof result) => string)(result);
    return [[label, text, target]];
  });
  return markdown(['end to end', 'result', 'target'], lines);
}

export function formatOutcomes(results: readonly SizeResult[]): string {
  return results
    .map((r) => {
      const parts = Object.entries(r.cold.outcomes).map(
        ([cls, counts]) =>
          `${cls}: ${Object.entries(counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      );
      return `${count(r.size)}: ${parts.join('; ')}`;
    })
    .join('\n');
}

import type { Timing } from './measure.js';
import { markdown, type SizeResult } from './table.js';

/** A goal of the scale issue: the limit at 100,000 and at 1,000,000 briefs, in ms or MB. */
interface Goal {
  label: string;
  unit: 'ms' | 's' | 'MB';
  at100k: number;
  at1m: number;
  value: (r: SizeResult) => number | undefined;
}

const worst = (...timings: (Timing | undefined)[]): number | undefined => {
  const p99s = timings.filter((t): t is Timing => t !== undefined).map((t) => t.p99);
  return p99s.length === 0 ? undefined : Math.max(...p99s);
};

const GOALS: Goal[] = [
  {
    label: 'warm start (process start to first answer)',
    unit: 's',
    at100k: 1000,
    at1m: 3000,
    value: (r) => r.warm.firstAnswerMs,
  },
  {
    label: '  the same, CPU time of all threads',
    unit: 's',
    at100k: 1000,
    at1m: 3000,
    value: (r) => r.warm.firstAnswerCpuMs,
  },
  {
    label: 'cold load (nothing cached)',
    unit: 's',
    at100k: 15_000,
    at1m: 120_000,
    value: (r) => (r.storeReused ? undefined : r.cold.loadMs),
  },
  { label: 'heap after GC (warm, serving)', unit: 'MB', at100k: 200, at1m: 1200, value: (r) => r.warm.heapMb },
  {
    label: '/brief exact slug and topic, p99',
    unit: 'ms',
    at100k: 0.1,
    at1m: 0.1,
    value: (r) => worst(r.cold.brief.slug, r.cold.brief.topic),
  },
  {
    label: '/brief typo and prefix, p99',
    unit: 'ms',
    at100k: 5,
    at1m: 5,
    value: (r) => worst(r.cold.brief.typo, r.cold.brief.prefix),
  },
  { label: 'autocomplete, p99', unit: 'ms', at100k: 2, at1m: 2, value: (r) => r.cold.autocomplete.p99 },
  {
    label: '/brief miss with "did you mean", p99',
    unit: 'ms',
    at100k: 5,
    at1m: 5,
    value: (r) => r.cold.brief.miss.p99,
  },
  { label: '/search two words, p99', unit: 'ms', at100k: 10, at1m: 20, value: (r) => r.cold.search?.p99 },
  {
    label: 'full-text index complete after start (warm)',
    unit: 's',
    at100k: 2000,
    at1m: 10_000,
    value: (r) => r.warm.textReadyMs,
  },
  {
    label: 'hot reload of one file, edit to served (max)',
    unit: 'ms',
    at100k: 1000,
    at1m: 1000,
    value: (r) => r.cold.hotReload?.p99,
  },
  {
    label: 'watcher ready after start',
    unit: 's',
    at100k: 2000,
    at1m: 5000,
    value: (r) => r.cold.hotReload?.watcherReadyMs,
  },
];

function show(value: number, unit: Goal['unit']): string {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (unit === 's') return `${(value / 1000).toFixed(2)} s`;
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(3)} ms`;
}

/** Each figure of the scale issue at each size, against its goal (the 100,000 goal up to 100,000, else the 1,000,000 one). */
export function formatGoals(results: readonly SizeResult[]): string {
  const header = ['figure', ...results.map((r) => `${r.size.toLocaleString('en-US')} briefs`)];
  const lines = GOALS.map((goal) => [
    goal.label,
    ...results.map((r) => {
      const limit = r.size <= 100_000 ? goal.at100k : goal.at1m;
      const value = goal.value(r);
      if (value === undefined) return `- (goal < ${show(limit, goal.unit)})`;
      return `${show(value, goal.unit)} ${value < limit ? 'met' : 'MISSED'} (goal < ${show(limit, goal.unit)})`;
    }),
  ]);
  return markdown(header, lines);
}

import { describe, expect, it } from 'vitest';
import { formatGoals } from '../../bench/goals.js';
import type { SizeResult } from '../../bench/table.js';

const timing = (p99: number) => ({ p50: p99 / 2, p99, n: 100 });

function result(size: number, warmStartMs: number, heapMb: number, storeReused = false): SizeResult {
  const load = {
    loadMs: 900,
    firstAnswerMs: warmStartMs,
    firstAnswerCpuMs: warmStartMs,
    textReadyMs: 1500,
    folderCheckedMs: 2000,
    briefs: size,
    errors: 0,
    heapMb,
    rssMb: heapMb * 2,
  };
  return {
    size,
    generateMs: 0,
    reused: true,
    storeReused,
    warm: load,
    cold: {
      ...load,
      loadMs: 12_000,
      brief: { slug: timing(0.05), topic: timing(0.2), typo: timing(1), prefix: timing(2), miss: timing(4) },
      outcomes: { slug: {}, topic: {}, typo: {}, prefix: {}, miss: {} },
      autocomplete: timing(1),
      search: timing(8),
      hotReload: { ...timing(700), watcherReadyMs: 3000 },
    },
  };
}

describe('the goal table', () => {
  it('judges each figure against the goal of its size', () => {
    const table = formatGoals([result(100_000, 800, 250), result(1_000_000, 2500, 1000)]);
    const row = (label: string) => table.split('\n').find((line) => line.startsWith(`| ${label}`));
    expect(row('warm start')).toMatch(/0\.80 s met \(goal < 1\.00 s\) \|\s+2\.50 s met \(goal < 3\.00 s\)/);
    expect(row('heap after GC')).toMatch(/250 MB MISSED \(goal < 200 MB\) \|\s+1000 MB met \(goal < 1200 MB\)/);
    // The worse of slug and topic counts.
    expect(row('/brief exact slug and topic')).toMatch(/0\.200 ms MISSED/);
    expect(row('watcher ready')).toMatch(/3\.00 s MISSED \(goal < 2\.00 s\) \|\s+3\.00 s met \(goal < 5\.00 s\)/);
    expect(row('cold load')).toMatch(/12\.00 s met \(goal < 15\.00 s\)/);
  });

  it('shows no cold load when the run reused the store', () => {
    const table = formatGoals([result(100_000, 800, 150, true)]);
    const row = (label: string) => table.split('\n').find((line) => line.startsWith(`| ${label}`));
    expect(row('cold load')).toMatch(/\| +- \(goal < 15\.00 s\) \|/);
    expect(row('warm start')).toMatch(/0\.80 s met/);
  });
});

export interface Timing {
  p50: number;
  p99: number;
  /** How many calls were timed. */
  n: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

export interface TimeOptions {
  /** Stop after this many calls... */
  max: number;
  /** ...or once this much time has gone, whichever comes first (after `min` calls). */
  budgetMs: number;
  min?: number;
  /** Untimed calls first, so that the JIT has seen the code. */
  warmup?: number;
}

/** Times `run` once per input, cycling through the inputs; milliseconds per call. */
export async function timeEach<T>(
  inputs: readonly T[],
  run: (input: T) => unknown,
  options: TimeOptions,
): Promise<Timing> {
  if (inputs.length === 0) return { p50: Number.NaN, p99: Number.NaN, n: 0 };
  for (let i = 0; i < (options.warmup ?? 0); i++) await run(inputs[i % inputs.length]!);
  const samples: number[] = [];
  const started = performance.now();
  const min = options.min ?? 1;
  for (let i = 0; i < options.max; i++) {
    if (samples.length >= min && performance.now() - started > options.budgetMs) break;
    const input = inputs[i % inputs.length]!;
    const t0 = performance.now();
    await run(input);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Heap and RSS in MB after a full collection (needs --expose-gc). */
export function memoryAfterGc(): { heapMb: number; rssMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
}

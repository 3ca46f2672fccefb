/** mulberry32: a small, fast, seeded generator; the same seed always gives the same corpus. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index into `n` items, skewed so that low indexes are common (news topics are uneven). */
  skewed(n: number): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** 3));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

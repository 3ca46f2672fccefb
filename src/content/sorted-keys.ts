import { MultiMap } from './multi-map.js';

/** Sorted normalised keys, each pointing at one or more targets, for prefix scans. */
export class SortedKeys {
  private keys: string[] = [];
  private readonly targets = new MultiMap();

  static build(entries: Iterable<[key: string, target: string]>): SortedKeys {
    const index = new SortedKeys();
    for (const [key, target] of entries) index.targets.add(key, target);
    index.keys = [...index.targets.keys()].sort();
    return index;
  }

  add(key: string, target: string): void {
    if (this.targets.add(key, target)) this.keys.splice(this.lowerBound(key), 0, key);
  }

  delete(key: string, target: string): void {
    if (!this.targets.delete(key, target)) return;
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  get(key: string): readonly string[] {
    return this.targets.get(key);
  }

  /** Keys starting with `prefix`, in alphabetical order, with their targets. */
  *withPrefix(prefix: string): Generator<[string, readonly string[]]> {
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if (!key.startsWith(prefix)) return;
      yield [key, this.targets.get(key)];
    }
  }

  get size(): number {
    return this.keys.length;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

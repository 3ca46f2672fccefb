/** Sorted normalised keys, each pointing at a set of targets, for prefix scans. */
export class SortedKeys {
  private keys: string[] = [];
  private targets = new Map<string, Set<string>>();

  static build(entries: Iterable<[key: string, target: string]>): SortedKeys {
    const index = new SortedKeys();
    for (const [key, target] of entries) {
      let set = index.targets.get(key);
      if (!set) index.targets.set(key, (set = new Set()));
      set.add(target);
    }
    index.keys = [...index.targets.keys()].sort();
    return index;
  }

  add(key: string, target: string): void {
    const set = this.targets.get(key);
    if (set) {
      set.add(target);
      return;
    }
    this.targets.set(key, new Set([target]));
    this.keys.splice(this.lowerBound(key), 0, key);
  }

  delete(key: string, target: string): void {
    const set = this.targets.get(key);
    if (!set?.delete(target) || set.size > 0) return;
    this.targets.delete(key);
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  get(key: string): ReadonlySet<string> | undefined {
    return this.targets.get(key);
  }

  /** Keys starting with `prefix`, shortest-first within alphabetical order. */
  *withPrefix(prefix: string): Generator<[string, ReadonlySet<string>]> {
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if (!key.startsWith(prefix)) return;
      yield [key, this.targets.get(key)!];
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

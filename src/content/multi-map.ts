/**
 * A key to one or more strings. Nearly every key has exactly one value, so a lone value
 * is stored as itself and a Set appears only for the second one: at 100,000 briefs that
 * is hundreds of thousands of Sets, tens of megabytes, not allocated.
 */
export class MultiMap {
  private readonly map = new Map<string, string | Set<string>>();

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** The values of a key; empty when it has none. */
  get(key: string): readonly string[] {
    const value = this.map.get(key);
    return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
  }

  /** Adds a value; true when the key is new. */
  add(key: string, value: string): boolean {
    const had = this.map.get(key);
    if (had === undefined) this.map.set(key, value);
    else if (typeof had === 'string') {
      if (had !== value) this.map.set(key, new Set([had, value]));
    } else had.add(value);
    return had === undefined;
  }

  /** Removes a value; true when the key has no values left. */
  delete(key: string, value: string): boolean {
    const had = this.map.get(key);
    if (had === undefined) return false;
    if (typeof had === 'string') {
      if (had !== value) return false;
      this.map.delete(key);
      return true;
    }
    had.delete(value);
    if (had.size === 1) this.map.set(key, had.values().next().value!);
    return false;
  }

  clear(): void {
    this.map.clear();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

/**
 * The documents one term occurs in: document numbers and weighted term counts in
 * typed arrays, a few bytes per occurrence instead of a Map entry per document.
 */
export class Postings {
  docs: Uint32Array;
  /** Twice the weighted count (boosts are multiples of 0.5), capped at 255. */
  counts: Uint8Array;
  length = 0;

  constructor(capacity = 4) {
    this.docs = new Uint32Array(capacity);
    this.counts = new Uint8Array(capacity);
  }

  /** Postings over saved arrays (views into one buffer); the first push copies them out. */
  static over(docs: Uint32Array, counts: Uint8Array): Postings {
    const postings = new Postings(0);
    postings.docs = docs;
    postings.counts = counts;
    postings.length = docs.length;
    return postings;
  }

  push(doc: number, count: number): void {
    if (this.length === this.docs.length) this.grow(this.length * 2);
    this.docs[this.length] = doc;
    this.counts[this.length] = count;
    this.length++;
  }

  /** Drops documents that are no longer live; returns how many remain. */
  retain(live: (doc: number) => boolean): number {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const doc = this.docs[i]!;
      if (!live(doc)) continue;
      this.docs[kept] = doc;
      this.counts[kept] = this.counts[i]!;
      kept++;
    }
    this.length = kept;
    return kept;
  }

  /** Releases spare capacity once bulk loading is over. */
  trim(): void {
    if (this.docs.length > this.length) this.grow(this.length);
  }

  private grow(capacity: number): void {
    const docs = new Uint32Array(Math.max(1, capacity));
    const counts = new Uint8Array(Math.max(1, capacity));
    docs.set(this.docs.subarray(0, this.length));
    counts.set(this.counts.subarray(0, this.length));
    this.docs = docs;
    this.counts = counts;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertSorted, lowerBound, removeSorted } from '../../src/content/sorted-list.js';

const byNumber = (a: { n: number }, b: { n: number }) => a.n - b.n;

describe('sorted lists', () => {
  it('inserts and removes in place, keeping the order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 })), fc.nat(), (numbers, pick) => {
        const list: { n: number }[] = [];
        const items = numbers.map((n) => ({ n }));
        for (const item of items) insertSorted(list, item, byNumber);
        expect(list.map((i) => i.n)).toEqual([...numbers].sort((a, b) => a - b));
        if (items.length === 0) return;
        const gone = items[pick % items.length]!;
        expect(removeSorted(list, gone, byNumber)).toBe(true);
        expect(list).not.toContain(gone);
        expect(list).toHaveLength(items.length - 1);
      }),
    );
  });

  it('removes an equal item that is a different object, and reports absent ones', () => {
    const list = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(removeSorted(list, { n: 2 }, byNumber)).toBe(true);
    expect(list.map((i) => i.n)).toEqual([1, 3]);
    expect(removeSorted(list, { n: 7 }, byNumber)).toBe(false);
    expect(lowerBound(list, { n: 2 }, byNumber)).toBe(1);
  });
});

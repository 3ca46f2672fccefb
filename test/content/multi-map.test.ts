import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MultiMap } from '../../src/content/multi-map.js';

describe('MultiMap', () => {
  it('behaves like a map of sets', () => {
    const op = fc.tuple(fc.boolean(), fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x', 'y', 'z'));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const multi = new MultiMap();
        const model = new Map<string, Set<string>>();
        for (const [adding, key, value] of ops) {
          const set = model.get(key) ?? new Set<string>();
          if (adding) {
            expect(multi.add(key, value)).toBe(!model.has(key));
            model.set(key, set.add(value));
          } else {
            set.delete(value);
            const emptied = model.has(key) && set.size === 0;
            if (emptied) model.delete(key);
            expect(multi.delete(key, value)).toBe(emptied);
          }
        }
        expect(multi.size).toBe(model.size);
        for (const key of ['a', 'b', 'c']) {
          expect(new Set(multi.get(key))).toEqual(model.get(key) ?? new Set());
          expect(multi.has(key)).toBe(model.has(key));
        }
      }),
    );
  });
});

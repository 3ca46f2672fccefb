export type Compare<T> = (a: T, b: T) => number;

/** First position whose item does not sort before `item`. */
export function lowerBound<T>(list: readonly T[], item: T, compare: Compare<T>): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts keeping `list` sorted by `compare`. */
export function insertSorted<T>(list: T[], item: T, compare: Compare<T>): void {
  list.splice(lowerBound(list, item, compare), 0, item);
}

/** Removes `item`, or the item that sorts equal to it, from a list sorted by `compare`; false when absent. */
export function removeSorted<T>(list: T[], item: T, compare: Compare<T>): boolean {
  let at = lowerBound(list, item, compare);
  if (at >= list.length || (list[at] !== item && compare(list[at]!, item) !== 0)) at = list.indexOf(item);
  if (at < 0) return false;
  list.splice(at, 1);
  return true;
}

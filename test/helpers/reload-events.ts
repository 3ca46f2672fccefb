import type { ContentStore, ReloadReport } from '../../src/content/store.js';

/** Resolves with the first reload report from now on that satisfies `check`, or fails after `ms`. */
export function reloadWhere(
  store: ContentStore,
  check: (r: ReloadReport) => boolean,
  ms = 10_000,
): Promise<ReloadReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      store.off('reload', listener);
      reject(new Error(`no matching reload within ${ms} ms`));
    }, ms);
    const listener = (report: ReloadReport) => {
      if (!check(report)) return;
      clearTimeout(timer);
      store.off('reload', listener);
      resolve(report);
    };
    store.on('reload', listener);
  });
}

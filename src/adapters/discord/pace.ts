/**
 * Runs tasks one after another, at least `intervalMs` apart. Bulk deliveries go through it so that
 * they stay well under Discord's global 50 requests/s and leave room for answers to users.
 */
export function createPacer(intervalMs: number): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  let last = 0;
  return (task) => {
    const run = tail.then(async () => {
      const wait = last + intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      last = Date.now();
      return task();
    });
    tail = run.catch(() => undefined);
    return run;
  };
}

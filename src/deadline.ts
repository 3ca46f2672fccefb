/**
 * Runs `stop` but waits at most `ms` for it: true when it finished (or failed) in time, false
 * when the deadline passed first. Shutdown must end even when something under it hangs.
 */
export async function stopWithin(stop: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = stop().then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

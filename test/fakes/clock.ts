/** Time as a fake platform sees it, in milliseconds. */
export interface Clock {
  now(): number;
}

/**
 * Time that moves only when a test moves it: deadlines (an interaction's 3 s, a query's
 * expiry) then depend on what the test did, never on how loaded the machine is.
 */
export class ManualClock implements Clock {
  private at = 0;

  now(): number {
    return this.at;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** Monotonic real time, for limits the bot itself paces against in real time. */
export const realClock: Clock = { now: () => performance.now() };

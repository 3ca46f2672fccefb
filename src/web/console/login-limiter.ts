/** Failed logins allowed per address in a window before it must wait. */
export const MAX_FAILED_LOGINS = 5;
const WINDOW_MS = 60_000;

/** Counts failed logins per address over a sliding minute. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds the address must still wait, or 0 when it may try. */
  waitSeconds(address: string): number {
    const recent = this.recent(address);
    if (recent.length < MAX_FAILED_LOGINS) return 0;
    return Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - this.now()) / 1000));
  }

  fail(address: string): void {
    this.failures.set(address, [...this.recent(address), this.now()]);
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  private recent(address: string): number[] {
    const since = this.now() - WINDOW_MS;
    const recent = (this.failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(address);
    return recent;
  }
}

import type { Clock } from './clock.js';
import { badRequest } from './telegram-errors.js';

/** How long Telegram waits for an answer to a button press or an inline query. */
export const CALLBACK_QUERY_TTL_MS = 15_000;
export const INLINE_QUERY_TTL_MS = 10_000;

/** Query ids that can be answered once, within their window on the fake's clock. */
export class QueryIds {
  private readonly born = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  issue(id: string): string {
    this.born.set(id, this.clock.now());
    return id;
  }

  /** Uses the id up, or throws Telegram's "query is too old" answer. */
  answer(id: string): void {
    const born = this.born.get(id);
    this.born.delete(id);
    if (born === undefined || this.clock.now() - born > this.ttlMs)
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
}

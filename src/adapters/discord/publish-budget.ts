import type { AdapterNote } from '../../core/services.js';
import type { PublishNote } from '../../core/types.js';

/** Discord lets one announcement channel publish (crosspost) 10 messages an hour. */
export const PUBLISHES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

interface ChannelState {
  /** When the publishes of the last hour were made, oldest first. */
  recent: number[];
  /** Discord said to wait until then (a 429 on a publish). */
  blockedUntil: number;
  /** Messages left unpublished since the last publish that went through. */
  skipped: number;
  /** Why the last publish failed, until one goes through. */
  problem?: PublishNote;
}

/**
 * Counts publishes per announcement channel so that the bot never asks for an 11th in an hour
 * (Discord would answer 429 and keep refusing), and keeps what /status tells about it. Time comes
 * from `now`, so that tests move the hour on without waiting for it.
 */
export class PublishBudget {
  private readonly channels = new Map<string, ChannelState>();

  constructor(private readonly now: () => number = Date.now) {}

  private state(channelId: string): ChannelState {
    let state = this.channels.get(channelId);
    if (!state) this.channels.set(channelId, (state = { recent: [], blockedUntil: 0, skipped: 0 }));
    const since = this.now() - HOUR_MS;
    while (state.recent.length > 0 && state.recent[0]! <= since) state.recent.shift();
    return state;
  }

  /** Takes one publish; false when the channel's hour is used up (nothing is counted then). */
  take(channelId: string): boolean {
    const state = this.state(channelId);
    if (state.recent.length >= PUBLISHES_PER_HOUR || state.blockedUntil > this.now()) return false;
    state.recent.push(this.now());
    return true;
  }

  /** The publish went through: earlier trouble is over. */
  succeeded(channelId: string): void {
    const state = this.state(channelId);
    state.skipped = 0;
    delete state.problem;
  }

  /** A message stays unpublished for lack of budget; true for the first of a run (to log once). */
  skipped(channelId: string): boolean {
    const state = this.state(channelId);
    state.skipped += 1;
    return state.skipped === 1;
  }

  /** Discord answered 429: no publish into this channel for `retryAfterMs`. */
  blockFor(channelId: string, retryAfterMs: number): void {
    const state = this.state(channelId);
    state.blockedUntil = Math.max(state.blockedUntil, this.now() + retryAfterMs);
  }

  /** A publish failed for another reason; true when it is news (to log once per kind of trouble). */
  failed(channelId: string, problem: PublishNote): boolean {
    const state = this.state(channelId);
    const news = JSON.stringify(state.problem) !== JSON.stringify(problem);
    state.problem = problem;
    return news;
  }

  /** The trouble of each channel that has some, for /status to say in the reader's language. */
  notes(): AdapterNote[] {
    const notes: AdapterNote[] = [];
    for (const [channelId, state] of this.channels) {
      if (state.skipped > 0)
        notes.push({ kind: 'unpublished', channelId, count: state.skipped, perHour: PUBLISHES_PER_HOUR });
      if (state.problem) notes.push({ kind: 'publishFailed', channelId, problem: state.problem });
    }
    return notes;
  }
}

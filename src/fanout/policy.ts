import type { DeliveryResult } from '../core/types.js';

export interface PolicySettings {
  /** Attempts of one delivery before it is given up. */
  maxAttempts: number;
  /** Consecutive "cannot reach this chat" answers that deactivate its subscriptions. */
  unreachableLimit: number;
}

type Failure = Exclude<DeliveryResult, { ok: true }>;

/** What to do with a delivery after a failed send; the fan-out carries it out and drives the timers. */
export type DeliveryAction =
  | { kind: 'retry'; error: string; wait: 'now' | 'backoff' }
  | { kind: 'giveUp'; error: string }
  /** The chat no longer follows the topic (its unreachable streak had been reset by unsubscribing). */
  | { kind: 'drop' }
  | { kind: 'deactivate'; reason: string }
  /** Move the chat's subscriptions, then do `then` with the delivery. */
  | { kind: 'migrate'; toChatId: string; then: Extract<DeliveryAction, { kind: 'retry' | 'giveUp' }> };

function retryOrGiveUp(
  attempts: number,
  error: string,
  wait: 'now' | 'backoff',
  settings: PolicySettings,
): Extract<DeliveryAction, { kind: 'retry' | 'giveUp' }> {
  return attempts >= settings.maxAttempts ? { kind: 'giveUp', error } : { kind: 'retry', error, wait };
}

/**
 * The retry and deactivation policy, as a pure function: `attempts` counts this one, `streak` is
 * the chat's run of unreachable answers including this one (only for `gone` and `forbidden`).
 */
export function nextStep(result: Failure, attempts: number, streak: number, settings: PolicySettings): DeliveryAction {
  switch (result.reason) {
    case 'gone':
    case 'forbidden': {
      const error = `${result.reason}: ${result.detail}`;
      if (streak === 0) return { kind: 'drop' };
      if (streak >= settings.unreachableLimit) return { kind: 'deactivate', reason: error };
      return retryOrGiveUp(attempts, error, 'backoff', settings);
    }
    case 'migrated':
      return {
        kind: 'migrate',
        toChatId: result.newChatId,
        then: retryOrGiveUp(attempts, `migrated to ${result.newChatId}`, 'now', settings),
      };
    case 'failed':
      return retryOrGiveUp(attempts, result.detail, 'backoff', settings);
  }
}

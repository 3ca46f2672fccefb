import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/fanout/policy.js';

const settings = { maxAttempts: 3, unreachableLimit: 2 };

describe('nextStep: the retry and deactivation policy', () => {
  it('retries a passing failure with backoff until the last attempt, then gives up', () => {
    const failed = { ok: false, reason: 'failed', detail: '502' } as const;
    expect(nextStep(failed, 1, 0, settings)).toEqual({ kind: 'retry', error: '502', wait: 'backoff' });
    expect(nextStep(failed, 2, 0, settings)).toEqual({ kind: 'retry', error: '502', wait: 'backoff' });
    expect(nextStep(failed, 3, 0, settings)).toEqual({ kind: 'giveUp', error: '502' });
    expect(nextStep(failed, 4, 0, settings)).toEqual({ kind: 'giveUp', error: '502' });
  });

  it('retries an unreachable chat below the streak limit and deactivates it at the limit', () => {
    const gone = { ok: false, reason: 'gone', detail: 'blocked' } as const;
    expect(nextStep(gone, 1, 1, settings)).toEqual({ kind: 'retry', error: 'gone: blocked', wait: 'backoff' });
    expect(nextStep(gone, 1, 2, settings)).toEqual({ kind: 'deactivate', reason: 'gone: blocked' });
    expect(nextStep(gone, 1, 5, settings)).toEqual({ kind: 'deactivate', reason: 'gone: blocked' });
    const forbidden = { ok: false, reason: 'forbidden', detail: 'missing Send Messages' } as const;
    expect(nextStep(forbidden, 1, 2, settings)).toEqual({
      kind: 'deactivate',
      reason: 'forbidden: missing Send Messages',
    });
  });

  it('gives up on an unreachable chat that used its attempts before reaching the streak limit', () => {
    const gone = { ok: false, reason: 'gone', detail: 'kicked' } as const;
    expect(nextStep(gone, 3, 1, { maxAttempts: 3, unreachableLimit: 5 })).toEqual({
      kind: 'giveUp',
      error: 'gone: kicked',
    });
  });

  it('drops the delivery when the chat no longer follows anything (a streak of 0)', () => {
    expect(nextStep({ ok: false, reason: 'forbidden', detail: 'x' }, 1, 0, settings)).toEqual({ kind: 'drop' });
  });

  it('moves a migrated chat and retries at once, or gives up after the last attempt', () => {
    const migrated = { ok: false, reason: 'migrated', newChatId: '-100200' } as const;
    expect(nextStep(migrated, 1, 0, settings)).toEqual({
      kind: 'migrate',
      toChatId: '-100200',
      then: { kind: 'retry', error: 'migrated to -100200', wait: 'now' },
    });
    expect(nextStep(migrated, 3, 0, settings)).toEqual({
      kind: 'migrate',
      toChatId: '-100200',
      then: { kind: 'giveUp', error: 'migrated to -100200' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { Metrics } from '../../src/core/metrics.js';
import type { DeliveryResult } from '../../src/core/types.js';
import { AdapterDirectory } from '../../src/fanout/adapter-directory.js';

const reply = { kind: 'text', text: 'hello', tone: 'info' } as const;

function adapterAnswering(results: DeliveryResult[]): Adapter {
  return {
    platform: 'telegram',
    start: async () => undefined,
    stop: async () => undefined,
    deliver: async () => results.shift() ?? { ok: true, messageIds: [] },
  };
}

describe('AdapterDirectory counts how bulk deliveries end', () => {
  it('sent and failed bulk deliveries are counted; replies and posts (not bulk) are not', async () => {
    const seen: string[] = [];
    const metrics: Metrics = {
      commandAnswered: () => undefined,
      rateLimited: () => undefined,
      deliveryEnded: (platform, outcome) => void seen.push(`${platform}:${outcome}`),
    };
    const directory = new AdapterDirectory(metrics);
    directory.register(
      adapterAnswering([
        { ok: true, messageIds: ['1'] },
        { ok: false, reason: 'failed', detail: '502' },
        { ok: false, reason: 'gone', detail: 'blocked' },
        { ok: true, messageIds: ['2'] },
      ]),
    );
    expect(directory.deliverer('telegram')).toBeUndefined();
    directory.markUp('telegram');
    const deliver = directory.deliverer('telegram')!;
    expect(await deliver('1', reply, { bulk: true })).toMatchObject({ ok: true });
    expect(await deliver('2', reply, { bulk: true })).toMatchObject({ ok: false, reason: 'failed' });
    expect(await deliver('3', reply, { bulk: true })).toMatchObject({ ok: false, reason: 'gone' });
    expect(await deliver('4', reply, { bulk: false })).toMatchObject({ ok: true });
    expect(seen).toEqual(['telegram:sent', 'telegram:failed', 'telegram:failed']);
  });
});

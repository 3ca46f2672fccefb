import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { Metrics } from '../../src/core/metrics.js';
import type { AdapterNote } from '../../src/core/services.js';
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

describe('AdapterDirectory tells which adapters are up', () => {
  const terminal: Adapter = { platform: 'console', start: async () => undefined, stop: async () => undefined };

  it('an adapter registers down; up and down are recorded with their time', () => {
    const directory = new AdapterDirectory();
    directory.register(adapterAnswering([]));
    directory.register(terminal);
    expect(directory.states()).toEqual([
      { platform: 'telegram', up: false, canDeliver: true },
      { platform: 'console', up: false, canDeliver: false },
    ]);
    const up = new Date('2026-01-01T10:00:00Z');
    const down = new Date('2026-01-01T11:00:00Z');
    directory.markUp('telegram', up);
    directory.markUp('console', up);
    expect(directory.states()[0]).toEqual({ platform: 'telegram', up: true, since: up, canDeliver: true });
    expect(directory.deliveringPlatforms()).toEqual(['telegram']);
    directory.markDown('telegram', down);
    expect(directory.states()[0]).toEqual({ platform: 'telegram', up: false, since: down, canDeliver: true });
    expect(directory.deliverer('telegram')).toBeUndefined();
    expect(directory.deliveringPlatforms()).toEqual([]);
  });

  it('marking a platform that never registered changes nothing', () => {
    const directory = new AdapterDirectory();
    directory.markUp('discord');
    directory.markDown('discord');
    expect(directory.states()).toEqual([]);
    expect(directory.deliverer('discord')).toBeUndefined();
  });
});

describe('AdapterDirectory passes on what adapters know about chats and trouble', () => {
  const inspecting = (notes: AdapterNote[]): Adapter => ({
    ...adapterAnswering([]),
    inspect: async (chatId) => ({ ok: true, kind: chatId.startsWith('@') ? 'announcement' : 'chat' }),
    notes: () => notes,
  });

  it("shows an adapter's notes in its state, and none when it has none", () => {
    const directory = new AdapterDirectory();
    const unpublished: AdapterNote = { kind: 'unpublished', channelId: '42', count: 2, perHour: 10 };
    directory.register(inspecting([unpublished]));
    expect(directory.states()[0]).toMatchObject({ notes: [unpublished] });
    const quiet = new AdapterDirectory();
    quiet.register(inspecting([]));
    expect(quiet.states()[0]).not.toHaveProperty('notes');
  });

  it('offers the check of a named chat only while the adapter is up and has one', async () => {
    const directory = new AdapterDirectory();
    directory.register(inspecting([]));
    expect(directory.inspector('telegram')).toBeUndefined();
    directory.markUp('telegram');
    expect(await directory.inspector('telegram')!('@news')).toEqual({ ok: true, kind: 'announcement' });
    const plain = new AdapterDirectory();
    plain.register(adapterAnswering([]));
    plain.markUp('telegram');
    expect(plain.inspector('telegram')).toBeUndefined();
  });
});

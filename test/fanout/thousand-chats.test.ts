import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { MemoryAdapter } from './helpers/memory-adapter.js';
import { startTestApp, tempPlace, waitFor, writeBrief, type TestPlace, removePlace } from './helpers/test-app.js';

describe('fan-out to many chats', () => {
  let place: TestPlace | undefined;
  let app: App | undefined;

  afterEach(async () => {
    await app?.stop();
    await removePlace(place);
  });

  it('serves 1,000 chats exactly once each', async () => {
    place = await tempPlace();
    await writeBrief(place, 'aral', { topics: ['water'] });
    const telegram = new MemoryAdapter('telegram');
    app = await startTestApp(place, { adapters: [telegram] });
    const chats = Array.from({ length: 1_000 }, (_, i) => `-100${i}`);
    for (const chatId of chats) await app.data.subscribe({ platform: 'telegram', chatId }, 'water', 'u1');

    const started = performance.now();
    await writeBrief(place, 'dams', { topics: ['water'] });
    await waitFor(() => telegram.sent.length === chats.length, 30_000, '1,000 deliveries');
    await app.fanout.idle();
    const seconds = (performance.now() - started) / 1000;
    console.log(`fan-out: 1,000 deliveries in ${seconds.toFixed(2)} s (${Math.round(1000 / seconds)}/s)`);

    const perChat = new Map<string, number>();
    for (const s of telegram.sent) perChat.set(s.chatId, (perChat.get(s.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(chats.length);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(await app.data.countPending(['telegram'])).toBe(0);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { benchFanoutTelegram } from '../../bench/fanout-telegram.js';

describe('fan-out to Telegram under its 30 messages/s limit', () => {
  it('serves 60 chats once each, within the limit', async () => {
    const result = await benchFanoutTelegram({ chats: 60 });
    // How many 429s the pacing avoids depends on the machine's timing: `npm run bench` reports it.
    expect(result).toMatchObject({ chats: 60, chatsServed: 60, duplicates: 0 });
    // 60 messages under 30/s take at least a second; the pace must not fall far below the limit.
    expect(result.durationMs).toBeGreaterThan(1000);
    expect(result.messagesPerSecond).toBeLessThanOrEqual(31);
  }, 60_000);
});

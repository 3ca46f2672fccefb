import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  EPHEMERAL,
  GUILD_ID,
  CHANNEL_ID,
  interactAndWait,
  slash,
  someone,
  startDiscordHarness,
  type Harness,
} from './discord-harness.js';

const STRING = 3;

describe('Discord: every interaction is answered, the rate-limited ones too', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startDiscordHarness({ env: { RATE_LIMIT_COMMANDS: '5', RATE_LIMIT_WINDOW_SECONDS: '600' } });
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('answers the 7th and 8th command of a window with a private "slow down", within 3 s', async () => {
    const user = someone();
    const bodies = [];
    for (let i = 0; i < 8; i++) {
      const payload = h.fake.interaction({
        type: 2,
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        user,
        data: slash('help'),
      });
      const since = h.fake.requests.length;
      h.fake.interact(payload);
      const callback = await h.fake.waitForRequest(
        'POST',
        new RegExp(`^/interactions/${String(payload.id)}/[^/]+/callback$`),
        { since, timeoutMs: 3000 },
      );
      bodies.push(bodyOf(callback));
    }
    for (const body of bodies.slice(5)) {
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(EPHEMERAL);
      expect(JSON.stringify(body.data)).toMatch(/too fast|Slow down/);
    }
  });

  it('limits autocomplete per user with room for typing, answering an empty list beyond it', async () => {
    const user = someone();
    const sizes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const payload = h.fake.interaction({
        type: 4,
        guildId: GUILD_ID,
        user,
        data: slash('brief', [{ name: 'topic', type: STRING, value: 'kaz', focused: true }]),
      });
      const body = bodyOf(await interactAndWait(h.fake, payload));
      expect(body.type).toBe(8);
      sizes.push(body.data.choices?.length ?? 0);
    }
    expect(sizes.slice(0, 30).every((n) => n > 0)).toBe(true);
    expect(sizes.slice(30)).toEqual([0, 0]);
    // Typing does not use up the user's commands.
    const command = h.fake.interaction({
      type: 2,
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user,
      data: slash('help'),
    });
    expect(bodyOf(await interactAndWait(h.fake, command)).data.flags ?? 0).toBe(0);
  });
});

import type { APIInteraction } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { toInvocation } from '../../../src/adapters/discord/invocation.js';
import { FakeDiscord, PERMISSIONS } from '../../fakes/discord-api.js';

// Payloads come from the fake's builder, the same ones the gateway and HTTP interactions carry.
const fake = await FakeDiscord.start({ token: 'a.b.c', applicationId: '300000000000000001' });
afterAll(async () => {
  await fake.close();
});

const GUILD = '400000000000000001';
const slashIn = (guildId: string | undefined, permissions?: bigint) => {
  const data = fake.interaction({
    type: 2,
    ...(guildId ? { guildId } : {}),
    ...(permissions !== undefined ? { permissions } : {}),
    user: { id: '200000000000000009', username: 'mod', global_name: 'Moderator Mo' },
    data: { id: '1', name: 'brief', type: 1 },
  });
  return data as unknown as APIInteraction & { channel_id: string };
};

describe('toInvocation', () => {
  it('reads user, locale and channel from a guild interaction', () => {
    const interaction = slashIn(GUILD);
    const invocation = toInvocation(interaction, 'brief', { topic: 'xinjiang' });
    expect(invocation).toEqual({
      command: 'brief',
      args: { topic: 'xinjiang' },
      user: { id: '200000000000000009', name: 'Moderator Mo', locale: 'en-US', isModerator: false },
      chat: { id: interaction.channel_id, kind: 'group', platform: 'discord' },
    });
  });

  it('counts Manage Messages or Manage Server in the channel as moderator', () => {
    const base = PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages;
    expect(toInvocation(slashIn(GUILD, base), 'x', {}).user.isModerator).toBe(false);
    expect(toInvocation(slashIn(GUILD, base | PERMISSIONS.ManageMessages), 'x', {}).user.isModerator).toBe(true);
    expect(toInvocation(slashIn(GUILD, base | PERMISSIONS.ManageGuild), 'x', {}).user.isModerator).toBe(true);
  });

  it('treats a DM as a private chat where the user is in charge', () => {
    const invocation = toInvocation(slashIn(undefined), 'x', {});
    expect(invocation.chat.kind).toBe('private');
    expect(invocation.user.isModerator).toBe(true);
  });
});

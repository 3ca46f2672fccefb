import { Client, GatewayIntentBits, PermissionFlagsBits as P } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusePostFor } from '../../../src/adapters/discord/post-rights.js';
import { FakeDiscord, type FakeGuildSpec } from '../../fakes/discord-api.js';
import { guildPayload } from '../../fakes/discord-payloads.js';

const TOKEN = 'post-rights-test-token';
const NEWS = '500000000000000001';
const LOCKED = '500000000000000002';
const CHAT = '500000000000000003';
const ELSEWHERE = '500000000000000009';
const DM = '500000000000000099';
const MODS = '600000000000000001';
const ADMINS = '600000000000000002';
const people = {
  mod: { id: '700000000000000001', username: 'mod' },
  admin: { id: '700000000000000002', username: 'admin' },
  member: { id: '700000000000000003', username: 'member' },
  overwritten: { id: '700000000000000004', username: 'overwritten' },
  owner: { id: '100000000000000001', username: 'owner' },
};

const home: FakeGuildSpec = {
  id: '400000000000000001',
  channels: [
    { id: NEWS },
    // Moderators lose Manage Messages here; one member is given it by a member overwrite.
    {
      id: LOCKED,
      overwrites: [
        { id: MODS, type: 0, deny: P.ManageMessages },
        { id: people.overwritten.id, type: 1, allow: P.ManageMessages },
      ],
    },
    { id: CHAT },
  ],
  roles: [
    { id: MODS, permissions: P.ManageMessages },
    { id: ADMINS, permissions: P.ManageGuild },
  ],
  members: [
    { user: people.mod, roles: [MODS] },
    { user: people.admin, roles: [ADMINS] },
    { user: people.member, roles: [] },
    { user: people.overwritten, roles: [] },
    { user: people.owner, roles: [] },
  ],
};
const other: FakeGuildSpec = { id: '400000000000000002', channels: [{ id: ELSEWHERE }], members: [] };

describe('Discord: who may have the bot post into a channel (real discord.js client, fake REST)', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, applicationId: '300000000000000001', guilds: [home, other] });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl, retries: 0 } });
    client.rest.setToken(TOKEN);
    // What the gateway's GUILD_CREATE would have put in the cache.
    for (const guild of [home, other]) (client.guilds as never as Adder)._add(guildPayload(guild, fake.botUser));
    (client.channels as never as Adder)._add({ id: DM, type: 1, recipients: [people.mod] });
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  const ask = (channelId: string, userId: string, fromChatId = CHAT) =>
    refusePostFor(client, channelId, { userId, fromChatId });

  it('lets Manage Messages or Manage Server post, and the owner; refuses a plain member', async () => {
    expect(await ask(NEWS, people.mod.id)).toBeUndefined();
    expect(await ask(NEWS, people.admin.id)).toBeUndefined();
    expect(await ask(NEWS, people.owner.id)).toBeUndefined();
    expect(await ask(NEWS, people.member.id)).toEqual({
      ok: false,
      reason: 'forbidden',
      detail: 'you need Manage Messages or Manage Server in that channel',
      user: true,
      why: 'needManageMessages',
    });
  });

  it("counts the channel's own overwrites, for roles and for the member", async () => {
    expect(await ask(LOCKED, people.mod.id)).toMatchObject({ reason: 'forbidden', user: true });
    expect(await ask(LOCKED, people.admin.id)).toBeUndefined();
    expect(await ask(LOCKED, people.overwritten.id)).toBeUndefined();
    expect(await ask(NEWS, people.overwritten.id)).toMatchObject({ reason: 'forbidden' });
  });

  it('asks Discord each time, so a role taken away counts at once', async () => {
    const before = fake.requests.filter((r) => r.path.endsWith(`/members/${people.mod.id}`)).length;
    await ask(NEWS, people.mod.id);
    await ask(NEWS, people.mod.id);
    expect(fake.requests.filter((r) => r.path.endsWith(`/members/${people.mod.id}`)).length).toBe(before + 2);
  });

  it('refuses a channel of another server, or when asked from a DM, without asking Discord', async () => {
    const before = fake.requests.length;
    const elsewhere = {
      ok: false,
      reason: 'forbidden',
      detail: 'that channel is in another server',
      user: true,
      why: 'otherServer',
    };
    expect(await ask(ELSEWHERE, people.mod.id)).toEqual(elsewhere);
    expect(await ask(NEWS, people.mod.id, DM)).toEqual(elsewhere);
    expect(await ask(NEWS, people.mod.id, '500000000000000404')).toEqual(elsewhere);
    expect(fake.requests.length).toBe(before);
  });

  it('calls an unknown channel or a DM gone, not forbidden', async () => {
    const gone = { ok: false, reason: 'gone', detail: 'unknown channel' };
    expect(await ask('500000000000000404', people.mod.id)).toEqual(gone);
    expect(await ask(DM, people.mod.id)).toEqual(gone);
  });

  it('tells someone who is not in the server so, and reports other failures as failures', async () => {
    expect(await ask(NEWS, '700000000000000404')).toEqual({
      ok: false,
      reason: 'forbidden',
      detail: 'you are not a member of this server',
      user: true,
      why: 'notServerMember',
    });
    fake.fail({ path: /\/members\//, status: 403, body: { message: 'Missing Access', code: 50001 } });
    const failed = await ask(NEWS, people.mod.id);
    expect(failed).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'could not check your permissions there: Missing Access',
    });
  });
});

interface Adder {
  _add(data: unknown): unknown;
}

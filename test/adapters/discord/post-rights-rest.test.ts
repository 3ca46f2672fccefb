import { PermissionFlagsBits as P } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { channelPermissions } from '../../../src/adapters/discord/post-rights-rest.js';

const GUILD = '400000000000000001';
const MODS = '600000000000000001';
const guild = {
  id: GUILD,
  owner_id: '100000000000000001',
  roles: [
    { id: GUILD, permissions: String(P.ViewChannel | P.SendMessages) },
    { id: MODS, permissions: String(P.ManageMessages) },
    { id: '600000000000000002', permissions: String(P.Administrator) },
  ],
} as never;
const member = (roles: string[], userId = '700000000000000001') => ({ userId, roles });
const has = (bits: bigint, flag: bigint) => (bits & flag) !== 0n;

describe('channelPermissions (Discord: base permissions, then @everyone, role and member overwrites)', () => {
  it('adds up @everyone and the member roles', () => {
    expect(has(channelPermissions(guild, [], member([])), P.ManageMessages)).toBe(false);
    expect(has(channelPermissions(guild, [], member([MODS])), P.ManageMessages)).toBe(true);
  });

  it('the owner and administrators may do everything, overwrites notwithstanding', () => {
    const deny = [{ id: GUILD, type: 0, allow: '0', deny: String(P.ManageMessages) }] as never;
    expect(has(channelPermissions(guild, deny, member([], '100000000000000001')), P.ManageMessages)).toBe(true);
    expect(has(channelPermissions(guild, deny, member(['600000000000000002'])), P.ManageMessages)).toBe(true);
  });

  it('applies overwrites in order: @everyone, roles together, then the member', () => {
    const roleDenied = [{ id: MODS, type: 0, allow: '0', deny: String(P.ManageMessages) }] as never;
    expect(has(channelPermissions(guild, roleDenied, member([MODS])), P.ManageMessages)).toBe(false);
    const memberAllowed = [
      { id: MODS, type: 0, allow: '0', deny: String(P.ManageMessages) },
      { id: '700000000000000001', type: 1, allow: String(P.ManageMessages), deny: '0' },
    ] as never;
    expect(has(channelPermissions(guild, memberAllowed, member([MODS])), P.ManageMessages)).toBe(true);
    const everyoneAllowedRoleDenied = [
      { id: GUILD, type: 0, allow: String(P.ManageMessages), deny: '0' },
      { id: MODS, type: 0, allow: '0', deny: String(P.ManageMessages) },
    ] as never;
    expect(has(channelPermissions(guild, everyoneAllowedRoleDenied, member([MODS])), P.ManageMessages)).toBe(false);
    expect(has(channelPermissions(guild, everyoneAllowedRoleDenied, member([])), P.ManageMessages)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Caller, Chat, Reply } from '../../src/core/types.js';
import { makeBrief } from '../helpers/briefs.js';
import { testBot } from '../helpers/test-bot.js';

const group: Chat = { id: 'g1', kind: 'group', platform: 'telegram' };
const dm: Chat = { id: 'u1', kind: 'private', platform: 'telegram' };

/** A caller whose moderator check counts how often the core asked it. */
function caller(isModerator: boolean): Caller & { asked: number } {
  const who = {
    id: 'u1',
    name: 'Ann',
    asked: 0,
    isModerator: async () => {
      who.asked += 1;
      return isModerator;
    },
  };
  return who;
}

const textOf = (reply: Reply | null | undefined): string => (reply?.kind === 'text' ? reply.text : '');

describe('the core decides who is a moderator, and asks only when it matters', () => {
  it('does not ask for commands open to everyone', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const ann = caller(false);
    expect(await t.bot.handleText('/brief sample-brief', ann, group)).toMatchObject({ kind: 'brief' });
    expect(await t.bot.handleText('/subscriptions', ann, group)).toMatchObject({ kind: 'text' });
    expect(ann.asked).toBe(0);
  });

  it('asks once for a moderator command and refuses a member', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const ann = caller(false);
    expect(await t.bot.handleText('/status', ann, group)).toMatchObject({ code: 'not_moderator' });
    expect(ann.asked).toBe(1);
  });

  it('lets a moderator run moderator commands, and asks nobody in a private chat where anyone may subscribe', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const mod = caller(true);
    expect(await t.bot.handleText('/status', mod, group)).not.toMatchObject({ code: 'not_moderator' });
    expect(await t.bot.handleText('/subscribe sample', mod, group)).not.toMatchObject({ code: 'not_moderator' });
    expect(mod.asked).toBe(2);
    const member = caller(false);
    expect(await t.bot.handleText('/subscribe sample', member, dm)).not.toMatchObject({ code: 'not_moderator' });
    expect(member.asked).toBe(0);
  });

  it('counts a failing check as "not a moderator"', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const broken: Caller = { id: 'u1', name: 'Ann', isModerator: () => Promise.reject(new Error('getChatMember 500')) };
    expect(await t.bot.handleText('/status', broken, group)).toMatchObject({ code: 'not_moderator' });
  });

  it('/help lists moderator commands to moderators only, and group-only commands only in groups', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const member = textOf(await t.bot.handleText('/help', caller(false), group));
    const admin = textOf(await t.bot.handleText('/help', caller(true), group));
    const privately = textOf(await t.bot.handleText('/help', caller(true), dm));
    expect(member).toContain('/brief <topic>');
    expect(member).not.toMatch(/\/(status|post|subscribe)\b/);
    expect(admin).toMatch(/\/status\b/);
    expect(admin).toMatch(/\/post\b/);
    expect(admin).toMatch(/\/subscribe\b/);
    expect(privately).toMatch(/\/subscribe\b/);
    // Anyone may subscribe their own private chat.
    expect(textOf(await t.bot.handleText('/help', caller(false), dm))).toMatch(/\/subscribe\b/);
    expect(privately).not.toMatch(/\/post\b/);
  });
});

import { describe, expect, it } from 'vitest';
import { Operators } from '../../src/core/operators.js';
import type { Chat, User } from '../../src/core/types.js';

const ann: User = { id: 'u1', name: 'Ann', isModerator: false };
const annModerating: User = { ...ann, isModerator: true };
const bob: User = { id: 'u2', name: 'Bob', isModerator: true };
const chat = (platform: Chat['platform'], id = 'c1', kind: Chat['kind'] = 'group'): Chat => ({ id, kind, platform });

describe('Operators: who may see what only operators see', () => {
  const operators = new Operators({ users: { telegram: ['u1'], discord: ['d1'] }, homeChats: { telegram: 'home' } });

  it('counts a configured user on their platform, anywhere, moderator or not', () => {
    expect(operators.isOperator(ann, chat('telegram'))).toBe(true);
    expect(operators.isOperator(ann, chat('telegram', 'u1', 'private'))).toBe(true);
    // Ids are per platform: the same id on Discord is someone else.
    expect(operators.isOperator(ann, chat('discord'))).toBe(false);
  });

  it("counts a moderator of the home chat there, and nowhere else; members of it don't count", () => {
    expect(operators.isOperator(bob, chat('telegram', 'home'))).toBe(true);
    expect(operators.isOperator(bob, chat('telegram', 'elsewhere'))).toBe(false);
    expect(operators.isOperator({ ...bob, isModerator: false }, chat('telegram', 'home'))).toBe(false);
    // Discord has no home chat configured: a moderator anywhere there is no operator.
    expect(operators.isOperator(bob, chat('discord', 'home'))).toBe(false);
  });

  it('is not fooled by a private chat, where everyone moderates their own chat', () => {
    expect(operators.isOperator(bob, chat('telegram', 'u2', 'private'))).toBe(false);
  });

  it('knows no operators on a platform it has no settings for', () => {
    expect(operators.isOperator(bob, chat('slack', 'home'))).toBe(false);
  });

  it('counts whoever has the terminal', () => {
    expect(operators.isOperator({ ...ann, id: 'nobody' }, chat('console'))).toBe(true);
  });

  it('knows no operator but the terminal when nothing is configured', () => {
    const none = new Operators();
    expect(none.isOperator(annModerating, chat('telegram'))).toBe(false);
    expect(none.isOperator(annModerating, chat('console'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { coreCommands } from '../../../commands/index.js';
import { commandMenus } from '../../../src/adapters/telegram/menu.js';
import type { Command } from '../../../src/core/command.js';

const command = (name: string, extra: Partial<Command> = {}): Command => ({
  name,
  description: `${name} things`,
  options: [],
  examples: () => [],
  run: () => ({ kind: 'text', text: name, tone: 'info' }),
  ...extra,
});

describe('commandMenus', () => {
  it("builds every scope from the core's commands, within Telegram's limits", () => {
    const menus = commandMenus(coreCommands);
    expect(menus.default.map((c) => c.command)).toEqual(
      coreCommands.filter((c) => !c.moderatorOnly).map((c) => c.name),
    );
    expect(menus.all_chat_administrators.map((c) => c.command)).toEqual(coreCommands.map((c) => c.name));
    for (const entry of Object.values(menus).flat()) {
      expect(entry.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(entry.description.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeLessThanOrEqual(256);
    }
  });

  it('shows moderator commands only in the administrators scope', () => {
    const menus = commandMenus([
      command('brief'),
      command('post', { moderatorOnly: true }),
      command('subscribe', { moderatorInGroups: true }),
    ]);
    expect(menus.default.map((c) => c.command)).toEqual(['brief', 'subscribe']);
    expect(menus.all_group_chats.map((c) => c.command)).toEqual(['brief']);
    expect(menus.all_chat_administrators.map((c) => c.command)).toEqual(['brief', 'post', 'subscribe']);
  });
});

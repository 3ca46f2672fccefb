import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coreCommands } from '../../../commands/index.js';
import { commandDefinitions } from '../../../src/adapters/discord/commands.js';
import { sameCommands } from '../../../src/adapters/discord/sync-commands.js';
import { defineCommand } from '../../../src/core/command.js';

const byName = (name: string) => commandDefinitions(coreCommands).find((c) => c.name === name)!;

describe('command registration JSON', () => {
  it('registers every core command with its description', () => {
    expect(commandDefinitions(coreCommands).map((c) => c.name)).toEqual(coreCommands.map((c) => c.name));
    for (const definition of commandDefinitions(coreCommands)) {
      expect(definition.description.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('/brief has a required topic option with autocomplete, usable in guilds, DMs and through a user install', () => {
    expect(byName('brief')).toEqual({
      name: 'brief',
      description: 'Show the brief on a topic: summary, key facts and sources.',
      name_localizations: { ru: 'справка' },
      description_localizations: { ru: 'Справка по теме: кратко, главные факты и источники.' },
      type: 1,
      contexts: [0, 1, 2],
      integration_types: [0, 1],
      options: [
        {
          type: 3,
          name: 'topic',
          description: 'A topic, title or slug, e.g. xinjiang',
          name_localizations: { ru: 'тема' },
          description_localizations: { ru: 'Тема, название или slug, например синьцзян' },
          required: true,
          autocomplete: true,
          max_length: 200,
        },
      ],
    });
    expect(byName('brief').default_member_permissions).toBeUndefined();
  });

  it('integer options carry their range', () => {
    expect(byName('latest').options?.[0]).toMatchObject({
      type: 4,
      name: 'count',
      required: false,
      min_value: 1,
      max_value: 20,
    });
  });

  it('moderator commands need Manage Messages by default, work in guilds only, and take text, announcement and forum channels and threads', () => {
    const post = defineCommand({
      name: 'post',
      description: 'Post a brief into a channel.',
      options: [
        { name: 'channel', description: 'Where to post', type: 'channel', required: false },
        {
          name: 'topic',
          description: 'Which brief',
          type: 'string',
          required: true,
          autocomplete: true,
          schema: z.string(),
        },
      ],
      examples: () => [],
      moderatorInGroups: true,
      run: () => ({ kind: 'text', text: 'ok', tone: 'info' }),
    });
    const [definition] = commandDefinitions([post]);
    expect(definition?.default_member_permissions).toBe('8192');
    expect(definition?.contexts).toEqual([0]);
    expect(definition?.options?.map((o) => o.name)).toEqual(['topic', 'channel']);
    expect(definition?.options?.[1]).toMatchObject({ type: 7, channel_types: [0, 5, 15, 11, 12, 10] });
  });

  it('compares what Discord returns (ids, defaults, other order) with what we would send', () => {
    const local = commandDefinitions(coreCommands);
    const remote = [...local].reverse().map((c) => ({
      ...c,
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: c.default_member_permissions ?? null,
      nsfw: false,
      options: (c.options ?? []).map((o) => {
        const copy: Record<string, unknown> = { ...o };
        if (copy.required === false) delete copy.required;
        return copy;
      }),
    }));
    expect(sameCommands(remote, local)).toBe(true);
    expect(sameCommands(remote.slice(1), local)).toBe(false);
    const changed = remote.map((c) => (c.name === 'brief' ? { ...c, description: 'Old text' } : c));
    expect(sameCommands(changed, local)).toBe(false);
  });
});

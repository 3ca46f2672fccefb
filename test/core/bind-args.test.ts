import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { bindArgs } from '../../src/core/bind-args.js';
import { defineCommand, type CommandOption } from '../../src/core/command.js';
import { validateArgs } from '../../src/core/validate-args.js';

const option = (name: string, type: CommandOption['type'], extra: Partial<CommandOption> = {}): CommandOption => ({
  name,
  description: name,
  type,
  required: false,
  ...extra,
});
const command = (...options: CommandOption[]) =>
  defineCommand({
    name: 'test',
    description: 'test',
    options,
    examples: () => [],
    run: () => ({ kind: 'text', tone: 'info', text: '' }),
  });

describe('bindArgs: the words after a command, option by option', () => {
  it('gives each option but the last one word, and the last the rest of the line', () => {
    const cmd = command(option('n', 'integer'), option('text', 'string'));
    expect(bindArgs(cmd, '3 hello   world')).toEqual({ ok: true, args: { n: '3', text: 'hello   world' } });
    expect(bindArgs(cmd, '3     hello')).toEqual({ ok: true, args: { n: '3', text: 'hello' } });
    expect(bindArgs(cmd, '  3  ')).toEqual({ ok: true, args: { n: '3' } });
    expect(bindArgs(cmd, '')).toEqual({ ok: true, args: {} });
  });

  it('lets a string option take the words up to a trailing number or channel meant for the option after it', () => {
    const search = command(option('words', 'string'), option('page', 'integer'));
    expect(bindArgs(search, 'kazakh camps 2')).toEqual({ ok: true, args: { words: 'kazakh camps', page: '2' } });
    expect(bindArgs(search, 'kazakh camps')).toEqual({ ok: true, args: { words: 'kazakh camps' } });
    expect(bindArgs(search, '2')).toEqual({ ok: true, args: { words: '2' } });
    const post = command(option('topic', 'string'), option('channel', 'channel'));
    for (const channel of ['@newsroom', '<#123456789012345678>', '-1001234567890'])
      expect(bindArgs(post, `aral sea ${channel}`)).toEqual({ ok: true, args: { topic: 'aral sea', channel } });
    expect(bindArgs(post, 'aral sea #news')).toEqual({ ok: true, args: { topic: 'aral sea #news' } });
  });

  it('gives a string option one word when a later string option or a required one needs the rest', () => {
    const two = command(option('first', 'string'), option('second', 'string'));
    expect(bindArgs(two, 'a b c')).toEqual({ ok: true, args: { first: 'a', second: 'b c' } });
    const needed = command(option('name', 'string'), option('count', 'integer', { required: true }));
    expect(bindArgs(needed, 'camps 2')).toEqual({ ok: true, args: { name: 'camps', count: '2' } });
    const later = command(option('first', 'string'), option('page', 'integer'), option('second', 'string'));
    expect(bindArgs(later, 'a b c 2')).toEqual({ ok: true, args: { first: 'a', page: 'b', second: 'c 2' } });
    const pair = command(option('first', 'string'), option('second', 'string'), option('page', 'integer'));
    expect(bindArgs(pair, 'a b c 2')).toEqual({ ok: true, args: { first: 'a', second: 'b c', page: '2' } });
  });

  it('gives a number option one word, the last one the rest', () => {
    const numbers = command(option('from', 'integer'), option('to', 'integer'));
    expect(bindArgs(numbers, '1 2 3')).toEqual({ ok: true, args: { from: '1', to: '2 3' } });
  });

  it('refuses words given to a command that takes none', () => {
    expect(bindArgs(command(), 'extra')).toEqual({ ok: false, problem: 'too many words' });
    expect(bindArgs(command(), '  ')).toEqual({ ok: true, args: {} });
  });

  it('takes optional choices from the end of the line in any order, once each, in any case', () => {
    const subscribe = command(
      option('topic', 'string', { required: true }),
      option('format', 'string', { choices: ['compact', 'full'] }),
      option('previews', 'string', { choices: ['on', 'off'] }),
    );
    const bound = { ok: true, args: { topic: 'aral sea', format: 'compact', previews: 'off' } };
    expect(bindArgs(subscribe, 'aral sea compact off')).toEqual(bound);
    expect(bindArgs(subscribe, 'aral sea OFF Compact')).toEqual(bound);
    expect(bindArgs(subscribe, 'aral compact compact')).toEqual({
      ok: true,
      args: { topic: 'aral compact', format: 'compact' },
    });
    // Named as Discord shows it, `name:value`: only that option takes it.
    expect(bindArgs(subscribe, 'aral previews:on')).toEqual({ ok: true, args: { topic: 'aral', previews: 'on' } });
    expect(bindArgs(subscribe, 'aral format:on')).toEqual({ ok: true, args: { topic: 'aral format:on' } });
    expect(bindArgs(subscribe, 'aral :on')).toEqual({ ok: true, args: { topic: 'aral :on' } });
    expect(bindArgs(subscribe, 'aral\tsea  compact')).toEqual({
      ok: true,
      args: { topic: 'aral sea', format: 'compact' },
    });
    // A single word is the topic, even when it is also a choice.
    expect(bindArgs(subscribe, 'compact')).toEqual({ ok: true, args: { topic: 'compact' } });
  });
});

describe('validateArgs: values checked against the declaration, in words for users', () => {
  const cmd = command(
    option('topic', 'string', { required: true, max: 10 }),
    option('count', 'integer', { min: 1, max: 20 }),
    option('offset', 'integer', { min: 0 }),
    option('size', 'string', { choices: ['s', 'm'] }),
    option('day', 'string', { schema: z.string().regex(/^\d{4}-\d\d-\d\d$/, 'write the day as YYYY-MM-DD') }),
  );

  it('needs a required option, and skips an empty optional one', () => {
    expect(validateArgs(cmd, {})).toEqual({ ok: false });
    expect(validateArgs(cmd, { topic: '  ' })).toEqual({ ok: false });
    expect(validateArgs(cmd, { topic: ' aral ', count: ' ' })).toEqual({ ok: true, args: { topic: 'aral' } });
  });

  it('reads whole numbers within their range, both ends included', () => {
    const count = (value: string) => validateArgs(cmd, { topic: 'x', count: value });
    expect(count('1')).toEqual({ ok: true, args: { topic: 'x', count: 1 } });
    expect(count('20')).toEqual({ ok: true, args: { topic: 'x', count: 20 } });
    for (const bad of ['0', '21', '-1', '1.5', '2e1', 'many', '1234567890'])
      expect(count(bad), bad).toEqual({ ok: false, problem: 'count must be a whole number from 1 to 20.' });
    expect(validateArgs(cmd, { topic: 'x', offset: '-1' })).toEqual({
      ok: false,
      problem: 'offset must be at least 0.',
    });
    expect(validateArgs(cmd, { topic: 'x', offset: '999999999' })).toMatchObject({
      ok: true,
      args: { offset: 999999999 },
    });
    const shift = command(option('shift', 'integer', { max: 5 }));
    expect(validateArgs(shift, { shift: '-999999999' })).toEqual({ ok: true, args: { shift: -999999999 } });
  });

  it('holds text to its length, both ends counted', () => {
    expect(validateArgs(cmd, { topic: 'x'.repeat(10) })).toMatchObject({ ok: true });
    expect(validateArgs(cmd, { topic: 'x'.repeat(11) })).toEqual({
      ok: false,
      problem: 'topic is too long (at most 10 characters).',
    });
    const unlimited = command(option('text', 'string'));
    expect(validateArgs(unlimited, { text: 'x'.repeat(200) })).toMatchObject({ ok: true });
    expect(validateArgs(unlimited, { text: 'x'.repeat(201) })).toEqual({
      ok: false,
      problem: 'text is too long (at most 200 characters).',
    });
  });

  it('takes a choice in any case and names the choices when it is none of them', () => {
    expect(validateArgs(cmd, { topic: 'x', size: 'M' })).toEqual({ ok: true, args: { topic: 'x', size: 'm' } });
    expect(validateArgs(cmd, { topic: 'x', size: 'xl' })).toEqual({ ok: false, problem: 'size must be one of: s, m.' });
  });

  it("shows the schema's own message", () => {
    expect(validateArgs(cmd, { topic: 'x', day: '2024-01-05' })).toEqual({
      ok: true,
      args: { topic: 'x', day: '2024-01-05' },
    });
    expect(validateArgs(cmd, { topic: 'x', day: 'Friday' })).toEqual({
      ok: false,
      problem: 'day: write the day as YYYY-MM-DD',
    });
  });
});

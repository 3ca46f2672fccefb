import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.js';
import { UserError } from '../../src/core/errors.js';
import { coreCommands } from '../../commands/index.js';
import { makeBrief } from '../helpers/briefs.js';
import { testBot } from '../helpers/test-bot.js';

const boom = defineCommand({
  name: 'boom',
  description: 'Fails on purpose.',
  options: [{ name: 'how', description: 'user or internal', type: 'string', required: true }],
  examples: () => [],
  run({ args }) {
    if (args.how === 'user') throw new UserError('That channel does not exist.');
    if (args.how === 'wrapped')
      throw new Error('store: query failed', { cause: new UserError('The database is not answering.', 'db_down') });
    throw new Error('database exploded at /secret/path');
  },
});
const modOnly = defineCommand({
  name: 'purge',
  description: 'Moderators only.',
  options: [],
  moderatorOnly: true,
  examples: () => [],
  run: () => ({ kind: 'text', tone: 'info', text: 'done' }),
});

const groupsOnly = defineCommand({
  name: 'tally',
  description: 'Counts.',
  options: [],
  contexts: 'groups',
  examples: () => [],
  run: () => ({ kind: 'text', tone: 'info', text: 'counted' }),
});
const withExamples = (examples: string[]) =>
  defineCommand({
    name: 'tally',
    description: 'Counts.',
    options: [],
    examples: () => examples,
    run: () => ({ kind: 'text', tone: 'info', text: 'counted' }),
  });

describe('Bot', () => {
  it('hints at /help and the nearest command for an unknown one', async () => {
    const t = await testBot();
    expect(await t.send('/breif x')).toMatchObject({
      kind: 'text',
      tone: 'usage',
      text: expect.stringContaining('Did you mean /brief?'),
    });
    expect(await t.send('/zzzzzz')).toMatchObject({
      text: 'There is no command /zzzzzz. Type /help to see what I can do.',
    });
  });

  it('gives usage with real examples from the store when an option is missing', async () => {
    const t = await testBot({ briefs: [makeBrief({ topics: ['aral-sea'] })] });
    const reply = await t.send('/brief');
    expect(reply).toMatchObject({ kind: 'text', tone: 'usage' });
    expect(reply?.kind === 'text' && reply.text).toContain('Usage: /brief <topic>');
    expect(reply?.kind === 'text' && reply.text).toContain('/brief aral-sea');
  });

  it('shows user errors as they are and hides internal ones behind a reference', async () => {
    const t = await testBot({ commands: [...coreCommands, boom] });
    expect(await t.send('/boom user')).toMatchObject({
      tone: 'error',
      text: 'That channel does not exist.',
      code: 'user_error',
    });
    expect(await t.send('/boom wrapped')).toMatchObject({
      tone: 'error',
      text: 'The database is not answering.',
      code: 'db_down',
    });
    const internal = await t.send('/boom internal');
    expect(internal).toMatchObject({ tone: 'error', code: 'internal' });
    expect(internal?.kind === 'text' && internal.text).toMatch(/^Something went wrong on our side \(ref [0-9a-f]{8}\)/);
    expect(internal?.kind === 'text' && internal.text).not.toContain('exploded');
  });

  it('refuses moderator commands to others', async () => {
    const t = await testBot({ commands: [...coreCommands, modOnly] });
    expect(await t.send('/purge')).toMatchObject({ tone: 'error', code: 'not_moderator' });
    expect(await t.send('/purge', { user: { isModerator: true } })).toMatchObject({ text: 'done' });
  });

  it('rejects over-long and out-of-range options with a usage message', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const long = await t.send('/brief ' + 'x'.repeat(10_000));
    expect(long).toMatchObject({
      tone: 'usage',
      text: expect.stringContaining('topic is too long (at most 200 characters)'),
    });
    expect(await t.send('/latest 0')).toMatchObject({
      tone: 'usage',
      text: expect.stringContaining('count must be a whole number from 1 to 20'),
    });
    expect(await t.send('/latest many')).toMatchObject({ tone: 'usage' });
  });

  it('answers hostile text with a reply, never a throw', async () => {
    const t = await testBot({ briefs: [makeBrief()] });
    const inputs = [
      '<script>alert(1)</script>',
      '**bold** _it_ `code` [link](http://x)',
      '@everyone <@&123>',
      '🦄🦄🦄 👩‍👩‍👧',
      '\u202eevil\u202c \u200f',
      '\u0000\u0001\u0002',
      '     ',
      'x'.repeat(199),
    ];
    for (const input of inputs) {
      const reply = await t.send(`/brief ${input}`);
      expect(reply === null ? 'null' : reply?.kind).toMatch(/^(brief|notFound|text)$/);
      if (reply?.kind === 'text') expect(reply.text).not.toMatch(/Error:|\n\s+at /);
    }
  });

  it('says plainly who may run what, and where', async () => {
    const t = await testBot({ commands: [...coreCommands, modOnly, groupsOnly] });
    expect(await t.send('/purge')).toEqual({
      kind: 'text',
      tone: 'error',
      text: 'Only moderators can use /purge.',
      code: 'not_moderator',
    });
    expect(await t.send('/subscribe water', { chat: { kind: 'group' } })).toMatchObject({
      text: 'In groups only moderators and admins can use /subscribe.',
      code: 'not_moderator',
    });
    expect(await t.send('/tally', { chat: { kind: 'private' } })).toEqual({
      kind: 'text',
      tone: 'error',
      text: '/tally works in groups and channels, not in private chats.',
      code: 'wrong_context',
    });
    expect(await t.send('/tally', { chat: { kind: 'group' } })).toMatchObject({ text: 'counted' });
  });

  it('answers an unknown command with its name cut at 32 characters, and guesses only within two edits', async () => {
    const t = await testBot();
    expect(await t.send(`/${'z'.repeat(32)}`)).toMatchObject({
      text: `There is no command /${'z'.repeat(32)}. Type /help to see what I can do.`,
      code: 'unknown_command',
    });
    expect(await t.send(`/${'z'.repeat(33)}`)).toMatchObject({
      text: `There is no command /${'z'.repeat(32)}…. Type /help to see what I can do.`,
    });
    expect(await t.send('/BREIF x')).toMatchObject({ text: expect.stringContaining('Did you mean /brief?') });
    expect(await t.send('/brxxf x')).toMatchObject({ text: expect.stringContaining('Did you mean /brief?') });
    expect(await t.send('/bxxxf x')).toMatchObject({
      text: 'There is no command /bxxxf. Type /help to see what I can do.',
    });
    const bare = await testBot({ commands: [] });
    expect(await bare.send('/brief x')).toMatchObject({
      text: 'There is no command /brief. Type /help to see what I can do.',
    });
  });

  it('gives usage with the description, and at most three examples, or none when the store has none', async () => {
    const t = await testBot({
      commands: [...coreCommands, withExamples(['/tally a', '/tally b', '/tally c', '/tally d'])],
    });
    expect(await t.send('/tally one two three')).toEqual({
      kind: 'text',
      tone: 'usage',
      text: 'Usage: /tally\nCounts.\nExamples: /tally a, /tally b, /tally c',
      code: 'usage',
    });
    const none = await testBot({ commands: [...coreCommands, withExamples([])] });
    expect(await none.send('/tally one')).toMatchObject({ text: 'Usage: /tally\nCounts.' });
  });

  it('says nothing at all for text that is no command', async () => {
    const t = await testBot();
    expect(await t.send('hello there')).toBeUndefined();
  });
});

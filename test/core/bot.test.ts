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
});

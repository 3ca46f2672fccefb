import { describe, expect, it } from 'vitest';
import { testBot } from '../helpers/test-bot.js';

/** An unknown command names the nearest one up to two edits away, and none from three. */
describe('did you mean, for an unknown command', () => {
  it.each([
    { typed: 'BRIEF', edits: 0, hint: true },
    { typed: 'brie', edits: 1, hint: true },
    { typed: 'bref', edits: 1, hint: true },
    { typed: 'brf', edits: 2, hint: true },
    { typed: 'briefxx', edits: 2, hint: true },
    { typed: 'bxxxf', edits: 3, hint: false },
    { typed: 'briefxxx', edits: 3, hint: false },
  ])('$typed ($edits edits from /brief): hint $hint', async ({ typed, hint }) => {
    const t = await testBot();
    const reply = await t.send(`/${typed}`);
    if (typed === 'BRIEF') {
      // Commands are matched case-insensitively: no hint needed, the command runs.
      expect(reply).toMatchObject({ kind: 'text', tone: 'usage', text: expect.stringContaining('Usage: /brief') });
      return;
    }
    const text = reply && 'text' in reply ? reply.text : '';
    expect(text).toContain(`There is no command /${typed}.`);
    if (hint) expect(text).toContain('Did you mean /brief?');
    else expect(text).not.toContain('Did you mean');
  });
});

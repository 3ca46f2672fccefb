import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeText } from '../../../src/adapters/telegram/route.js';

const known = (name: string) => ['brief', 'help', 'topics'].includes(name);
const route = (text: string, chat: 'private' | 'supergroup' = 'private') => routeText(text, chat, 'BriefBot', known);

describe('routeText', () => {
  it('takes commands in any case, addressed to us or to nobody', () => {
    expect(route('/brief xinjiang')).toEqual({ kind: 'command', name: 'brief', rest: 'xinjiang' });
    expect(route('/BRIEF xinjiang', 'supergroup')).toMatchObject({ kind: 'command', name: 'brief' });
    expect(route('/brief@BriefBot xinjiang', 'supergroup')).toMatchObject({ kind: 'command', name: 'brief' });
    expect(route('/Brief@briefbot xinjiang', 'supergroup')).toMatchObject({ kind: 'command', name: 'brief' });
    expect(route('/brief')).toMatchObject({ kind: 'command', name: 'brief', rest: '' });
  });

  it("ignores other bots' commands and, in groups, unknown commands and chat", () => {
    expect(route('/brief@OtherBot xinjiang', 'supergroup')).toEqual({ kind: 'ignore' });
    expect(route('/brief@OtherBot xinjiang')).toEqual({ kind: 'ignore' });
    expect(route('/weather paris', 'supergroup')).toEqual({ kind: 'ignore' });
    expect(route('hello everyone', 'supergroup')).toEqual({ kind: 'ignore' });
    expect(route('/start', 'supergroup')).toEqual({ kind: 'ignore' });
  });

  it('answers unknown commands addressed to us or in private, and nudges plain private text', () => {
    expect(route('/weather@BriefBot', 'supergroup')).toMatchObject({ kind: 'command', name: 'weather' });
    expect(route('/weather')).toMatchObject({ kind: 'command', name: 'weather' });
    expect(route('hello')).toEqual({ kind: 'hint' });
    expect(route('/start')).toEqual({ kind: 'command', name: 'help', rest: '' });
    expect(route('/start@BriefBot', 'supergroup')).toEqual({ kind: 'command', name: 'help', rest: '' });
  });

  it('property: never throws, and commands for another bot are always ignored', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('private' as const, 'supergroup' as const),
        (text, chat) => {
          const result = route(text, chat);
          expect(['ignore', 'hint', 'command']).toContain(result.kind);
          expect(route(`/brief@SomeoneElse ${text}`, chat)).toEqual({ kind: 'ignore' });
        },
      ),
    );
  });
});

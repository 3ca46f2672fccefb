import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../src/content/simple-yaml.js';

/** What the full parser makes of a text, as parse.ts calls it; undefined when it reports errors. */
function viaYaml(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 50 });
}

const ATOMS = [
  'xinjiang', 'Human Rights Watch', 'yes', 'no', 'on', 'null', 'Null', '~', 'true', 'False', 'TRUE', '1', '-1', '+1',
  '0x1F', '0o17', '1e3', '1.5', '.5', '.inf', '-.inf', '.NaN', '12:30', '1,000 km', '19 of them', '2018-09-11',
  '2024-02-30', '2018-08', '2018-9-1', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '-x', '- x', '?x', ':x', '&anchor', '*alias',
  '!tag x', '%x', '@x', '`x`', '|', '>', '>-', '[a, b]', '[a,]', '[]', '{a: 1}', '"quoted"', '"esc \\" \\n \\t"',
  '"bad \\x41"', '"\\u00e9"', "'it''s'", "'open", '"open', "'a' b", 'https://example.org/a:b?c=d#e', 'ünïcödé',
  'trailing:', 'a, b', 'a ] b', 'x\\y', "it's", 'say "hi"', '__proto__', '',
];
const SAFE = ['xinjiang', 'Human Rights Watch', '2018-09-11', '2024-02-30', '2018-08', '19 of them', 'true', 'False',
  'https://example.org/a:b?c=d#e', '"quoted"', '"esc \\" \\n"', "'it''s'", 'ünïcödé', 'say "hi"', "it's", 'a:b', 'a#b'];
const atom = fc.oneof({ arbitrary: fc.constantFrom(...SAFE), weight: 6 }, { arbitrary: fc.constantFrom(...ATOMS), weight: 1 });
const key = fc.constantFrom('title', 'topics', 'facts', 'url', 'summary', 'date', 'a_b', 'Key', '__proto__', '1st');
const indent = fc.constantFrom('', ' ', '  ', '   ', '    ');

const line = fc.oneof(
  fc.tuple(key, atom).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, fc.array(atom, { maxLength: 4 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
  fc.tuple(key, indent, fc.array(fc.tuple(indent, atom), { minLength: 1, maxLength: 4 })).map(
    ([k, i, ls]) => `${k}: >\n${ls.map(([j, v]) => `${i}${j}${v}`).join('\n')}`,
  ),
  fc.tuple(key, indent, fc.array(atom, { minLength: 1, maxLength: 4 })).map(
    ([k, i, vs]) => `${k}:\n${vs.map((v) => `${i}- ${v}`).join('\n')}`,
  ),
  fc.tuple(key, indent, fc.array(fc.array(fc.tuple(key, atom), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })).map(
    ([k, i, maps]) =>
      `${k}:\n${maps.map((pairs) => pairs.map(([mk, mv], n) => `${i}${n === 0 ? '- ' : '  '}${mk}: ${mv}`).join('\n')).join('\n')}`,
  ),
  fc.tuple(indent, atom).map(([i, v]) => `${i}${v}`),
  fc.constantFrom('', '# comment', '---', '...', 'key:', 'key:   spaced', '\tkey: tab', 'k: v # c'),
);

describe('parseSimpleYaml', () => {
  it('either declines or agrees exactly with the yaml package', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const fast = parseSimpleYaml(text);
        if (fast === undefined) return;
        read++;
        expect(fast).toEqual(viaYaml(text));
      }),
      { numRuns: 10_000 },
    );
    // The comparison only means something if plenty of documents took the fast path.
    expect(read).toBeGreaterThan(600);
  });

  it('reads every brief in the content folder, as yaml does', () => {
    const dir = new URL('../../content/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const yaml = readFileSync(new URL(name, dir), 'utf8').split(/^---$/m)[1]!.replace(/^\n/, '');
      const fast = parseSimpleYaml(yaml);
      expect(fast, name).toBeDefined();
      expect(fast).toEqual(viaYaml(yaml));
    }
  });

  it('declines what it does not handle', () => {
    for (const text of [
      'a: 1',
      'a: null',
      'a: &x b',
      'a: b # note',
      'a: b\nb: c\na: d',
      'a:\n  b: c',
      'a: >\n  x\n    y',
      'a: |\n  x',
      'a: first\n  continued',
      'a: >\n  x\n   ',
      'a: b ',
      '# only a comment',
      '',
    ]) {
      expect(parseSimpleYaml(text), text).toBeUndefined();
    }
  });

  it('reads the shapes briefs use', () => {
    expect(
      parseSimpleYaml(
        [
          'title: "A \\"quoted\\" title"',
          "publisher: 'Reporters'' Desk'",
          'topics: [xinjiang, re-education-camps]',
          'published: 2018-09-11',
          'draft: false',
          'summary: >',
          '  One line',
          '  and another.',
          'facts:',
          '  - 19 of them left.',
          'sources:',
          '- title: T',
          '  url: https://example.org/a',
          '  date: 2018-08',
        ].join('\n'),
      ),
    ).toEqual({
      title: 'A "quoted" title',
      publisher: "Reporters' Desk",
      topics: ['xinjiang', 're-education-camps'],
      published: '2018-09-11',
      draft: false,
      summary: 'One line and another.\n',
      facts: ['19 of them left.'],
      sources: [{ title: 'T', url: 'https://example.org/a', date: '2018-08' }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { checkMessage, LIMITS } from './discord-rules.js';

const mentions = { allowed_mentions: { parse: [] } };
const embed = (extra: Record<string, unknown>) => ({ ...mentions, embeds: [{ title: 't', ...extra }] });
const field = (name: string, value: string) => ({ name, value });
const row = (...components: unknown[]) => ({ type: 1, components });
const button = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 2,
  style: 1,
  label: 'b',
  custom_id: id,
  ...extra,
});
const link = (extra: Record<string, unknown> = {}) => ({
  type: 2,
  style: 5,
  label: 'l',
  url: 'https://example.org',
  ...extra,
});
const buttons = (n: number, prefix = 'b') => Array.from({ length: n }, (_, i) => button(`${prefix}${i}`));

/** Each limit: a body one past it that Discord refuses, and one at it that Discord takes. */
const cases: { rule: string; bad: unknown; good: unknown }[] = [
  {
    rule: 'content 2,000',
    bad: { ...mentions, content: 'x'.repeat(2001) },
    good: { ...mentions, content: 'x'.repeat(2000) },
  },
  {
    rule: 'at most 10 embeds',
    bad: { ...mentions, embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
    good: { ...mentions, embeds: Array.from({ length: 10 }, () => ({ title: 't' })) },
  },
  {
    rule: '6,000 characters over all embeds',
    bad: { ...mentions, embeds: [{ description: 'd'.repeat(4096) }, { description: 'd'.repeat(1905) }] },
    good: { ...mentions, embeds: [{ description: 'd'.repeat(4096) }, { description: 'd'.repeat(1904) }] },
  },
  { rule: 'title 256', bad: embed({ title: 't'.repeat(257) }), good: embed({ title: 't'.repeat(256) }) },
  {
    rule: 'description 4096',
    bad: embed({ description: 'd'.repeat(4097) }),
    good: embed({ description: 'd'.repeat(4096) }),
  },
  {
    rule: '25 fields',
    bad: embed({ fields: Array.from({ length: 26 }, () => field('n', 'v')) }),
    good: embed({ fields: Array.from({ length: 25 }, () => field('n', 'v')) }),
  },
  {
    rule: 'field name 256',
    bad: embed({ fields: [field('n'.repeat(257), 'v')] }),
    good: embed({ fields: [field('n'.repeat(256), 'v')] }),
  },
  {
    rule: 'field value 1024',
    bad: embed({ fields: [field('n', 'v'.repeat(1025))] }),
    good: embed({ fields: [field('n', 'v'.repeat(1024))] }),
  },
  {
    rule: 'field value not empty',
    bad: embed({ fields: [field('n', '')] }),
    good: embed({ fields: [field('n', 'v')] }),
  },
  {
    rule: 'footer 2048',
    bad: embed({ footer: { text: 'f'.repeat(2049) } }),
    good: embed({ footer: { text: 'f'.repeat(2048) } }),
  },
  {
    rule: 'author 256',
    bad: embed({ author: { name: 'a'.repeat(257) } }),
    good: embed({ author: { name: 'a'.repeat(256) } }),
  },
  {
    rule: 'custom_id 1-100',
    bad: { ...mentions, components: [row(button('i'.repeat(101)))] },
    good: { ...mentions, components: [row(button('i'.repeat(100)))] },
  },
  {
    rule: 'custom_id not empty',
    bad: { ...mentions, components: [row(button(''))] },
    good: { ...mentions, components: [row(button('i'))] },
  },
  {
    rule: 'custom_id unique per message',
    bad: { ...mentions, components: [row(button('same')), row(button('same'))] },
    good: { ...mentions, components: [row(button('one')), row(button('two'))] },
  },
  {
    rule: 'at most 5 action rows',
    bad: { ...mentions, components: Array.from({ length: 6 }, (_, i) => row(button(`r${i}`))) },
    good: { ...mentions, components: Array.from({ length: 5 }, (_, i) => row(button(`r${i}`))) },
  },
  {
    rule: 'at most 5 buttons a row',
    bad: { ...mentions, components: [row(...buttons(6))] },
    good: { ...mentions, components: [row(...buttons(5))] },
  },
  {
    rule: 'link buttons have a url',
    bad: { ...mentions, components: [row(link({ url: undefined }))] },
    good: { ...mentions, components: [row(link())] },
  },
  {
    rule: 'link buttons have no custom_id',
    bad: { ...mentions, components: [row(link({ custom_id: 'x' }))] },
    good: { ...mentions, components: [row(link())] },
  },
  { rule: 'allowed_mentions present', bad: { content: 'x' }, good: { ...mentions, content: 'x' } },
];

describe('Discord message limits in the fake', () => {
  it('the limits are Discord’s', () => {
    expect(LIMITS).toMatchObject({
      content: 2000,
      embeds: 10,
      embedTotal: 6000,
      title: 256,
      description: 4096,
      fields: 25,
    });
  });

  it.each(cases)('$rule: refuses one past the limit, takes one at it', ({ bad, good }) => {
    expect(checkMessage(bad, { creating: true })).not.toEqual([]);
    expect(checkMessage(good, { creating: true })).toEqual([]);
  });

  it('does not ask an edit for allowed_mentions', () => {
    expect(checkMessage({ content: 'x' }, { creating: false })).toEqual([]);
  });
});

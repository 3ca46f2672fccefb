import { describe, expect, it } from 'vitest';
import { makeBrief } from '../helpers/briefs.js';
import { testBot } from '../helpers/test-bot.js';

const shipped = () => testBot({ contentDir: 'content' });
const TOL = 'kazakh-connection-xinjiang-camps';

describe('the shipped content', () => {
  it.each(['xinjiang', 'Xinjiang', 'XINJIANG!', 'xinjang', 'xinj', 'Kazakh Connection'])(
    '/brief %s reaches the Transitions Online brief',
    async (query) => {
      const t = await shipped();
      const reply = await t.send(`/brief ${query}`);
      expect(reply).toMatchObject({ kind: 'brief', brief: { slug: TOL, publisher: 'Transitions Online' } });
    },
  );

  it('/brief names related briefs', async () => {
    const t = await shipped();
    const reply = await t.send('/brief xinjiang');
    expect(reply?.kind === 'brief' && reply.related.map((r) => r.slug)).toEqual(
      expect.arrayContaining([
        'sauytbay-trial-zharkent',
        'hrw-eradicating-ideological-viruses',
        'china-rebuffs-un-rights-chief',
      ]),
    );
  });

  it('reaches each of the other briefs by its own topic', async () => {
    const t = await shipped();
    expect(await t.send('/brief sauytbay')).toMatchObject({ brief: { slug: 'sauytbay-trial-zharkent' } });
    expect(await t.send('/brief human rights watch')).toMatchObject({
      brief: { slug: 'hrw-eradicating-ideological-viruses' },
    });
    expect(await t.send('/brief united nations')).toMatchObject({ brief: { slug: 'china-rebuffs-un-rights-chief' } });
  });
});

describe('commands', () => {
  const briefs = Array.from({ length: 45 }, (_, i) =>
    makeBrief({
      slug: `story-${i}`,
      title: `Story number ${i}`,
      topics: [`topic-${i}`, 'shared'],
      published: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    }),
  );

  it('/brief misses with did-you-mean suggestions', async () => {
    const t = await testBot({ briefs });
    const reply = await t.send('/brief storry nummber zzz');
    expect(reply).toMatchObject({ kind: 'notFound', query: 'storry nummber zzz' });
    expect(reply?.kind === 'notFound' && reply.suggestions.length).toBeGreaterThan(0);
    expect(reply?.kind === 'notFound' && reply.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('/topics pages through topic keys with counts', async () => {
    const t = await testBot({ briefs });
    const first = await t.send('/topics');
    expect(first).toMatchObject({ kind: 'topics', page: { number: 1, of: 3 } });
    expect(first?.kind === 'topics' && first.items[0]).toEqual({ topic: 'shared', count: 45 });
    expect(await t.send('/topics 3')).toMatchObject({ page: { number: 3, of: 3 } });
    expect(await t.send('/topics 99')).toMatchObject({ page: { number: 3, of: 3 } });
  });

  it('/latest lists the newest first, 5 by default', async () => {
    const t = await testBot({ briefs });
    const reply = await t.send('/latest');
    expect(reply?.kind === 'list' && reply.items.map((i) => i.date)).toEqual([
      '2024-01-28',
      '2024-01-27',
      '2024-01-26',
      '2024-01-25',
      '2024-01-24',
    ]);
    expect(await t.send('/latest 2')).toMatchObject({ items: [{}, {}] });
  });

  it('/search ranks matches and misses helpfully', async () => {
    const t = await testBot({
      briefs: [makeBrief({ slug: 'a', title: 'Dams on the Mekong' }), makeBrief({ slug: 'b', title: 'Rice prices' })],
    });
    expect(await t.send('/search mekong dams')).toMatchObject({ kind: 'list', items: [{ slug: 'a' }] });
    expect(await t.send('/search qqqq')).toMatchObject({ kind: 'notFound' });
  });

  it('/help lists commands and explains one', async () => {
    const t = await testBot();
    const all = await t.send('/help');
    expect(all?.kind === 'text' && all.text).toContain('/brief <topic> - Show the brief on a topic');
    expect(await t.send('/help /latest')).toMatchObject({ text: expect.stringContaining('Usage: /latest [count]') });
    expect(await t.send('/help nope')).toMatchObject({
      tone: 'usage',
      text: expect.stringContaining('There is no command called "nope"'),
    });
  });

  it('says so when the store is empty', async () => {
    const t = await testBot();
    expect(await t.send('/latest')).toMatchObject({ text: 'There are no briefs yet.' });
    expect(await t.send('/topics')).toMatchObject({ text: 'There are no briefs yet.' });
  });
});

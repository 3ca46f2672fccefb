import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../src/ingest/attributions.js';
import { splitSentences } from '../../src/ingest/sentences.js';

const names = (text: string) => findAttributions(splitSentences([text])).map((a) => a.name);

describe('findAttributions', () => {
  it('finds "X reports", "X writes", "X charges" and "according to X"', () => {
    expect(names('Port traffic fell by a fifth last year, Harbour Wire reports.')).toEqual(['Harbour Wire']);
    expect(names('The plan was rushed, The Coastal Review writes in an editorial.')).toEqual(['The Coastal Review']);
    expect(names('Oyster beds are vanishing, the Marine Trust charges in a new study.')).toEqual(['Marine Trust']);
    expect(names('Most riders were shift workers, according to the Regional Transport Board.')).toEqual([
      'Regional Transport Board',
    ]);
    expect(names('According to HWR the targets were missed.')).toEqual(['HWR']);
  });

  it('lists each name once with the first sentence that cites it', () => {
    const found = findAttributions(
      splitSentences([
        'Bills will rise, Harbour Wire reports. Harbour Wire reported the same in May. Rates fell, Coast FM reports.',
      ]),
    );
    expect(found).toEqual([
      { name: 'Harbour Wire', sentence: 'Bills will rise, Harbour Wire reports.' },
      { name: 'Coast FM', sentence: 'Rates fell, Coast FM reports.' },
    ]);
  });

  it('notes a sentence whose source name was lost in the scrape', () => {
    expect(
      findAttributions(
        splitSentences(['The move drew criticism in the region, writes, which adds that talks failed.']),
      ),
    ).toEqual([{ name: '', sentence: 'The move drew criticism in the region, writes, which adds that talks failed.' }]);
  });

  it('ignores pronouns and plain statements', () => {
    expect(
      names('He writes that the board was wrong. It reports to the minister. The council approved the plan.'),
    ).toEqual([]);
  });
});

describe('findAttributions with acronyms', () => {
  it('counts an acronym and the name it stands for once, whichever comes first', () => {
    const text = 'Fish stocks fell, the Marine Conservation Society charges. The MCS writes that quotas failed.';
    expect(findAttributions(splitSentences([text])).map((a) => a.name)).toEqual(['Marine Conservation Society']);
    const reversed = 'Quotas failed, MCS writes. Stocks fell, the Marine Conservation Society charges.';
    expect(findAttributions(splitSentences([reversed])).map((a) => a.name)).toEqual(['MCS']);
  });
});

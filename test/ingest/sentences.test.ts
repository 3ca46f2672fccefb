import { describe, expect, it } from 'vitest';
import { splitSentences, withoutDateline } from '../../src/ingest/sentences.js';

const texts = (paragraphs: string[]) => splitSentences(paragraphs).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside their sentences', () => {
    expect(
      texts([
        'The U.S. firm won the contract. J.P. Morgan arranged the loan at 3.5% interest. Dr. Sato will lead the work. It starts on Jan. 6.',
      ]),
    ).toEqual([
      'The U.S. firm won the contract.',
      'J.P. Morgan arranged the loan at 3.5% interest.',
      'Dr. Sato will lead the work.',
      'It starts on Jan. 6.',
    ]);
  });

  it('keeps a quotation with its attribution', () => {
    expect(texts(['“Is it safe?” she asked. Nobody answered.'])).toEqual([
      '“Is it safe?” she asked.',
      'Nobody answered.',
    ]);
  });

  it('never joins sentences across paragraphs', () => {
    const sentences = splitSentences(['First paragraph ends here.', 'second paragraph starts in lower case.']);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1]);
  });

  it('marks numbers, amounts, percentages and dates', () => {
    const [a, b, c, d, e] = splitSentences([
      'Councillors voted nine to four. Costs rose to $4.2 million. Turnout was 61%. The plan was approved in March. The mayor was pleased.',
    ]);
    expect([a?.numeric, b?.numeric, c?.numeric, d?.numeric, e?.numeric]).toEqual([true, true, true, false, false]);
    expect(d?.dated).toBe(true);
    expect(e?.dated).toBe(false);
  });

  it('collects runs of proper nouns as names', () => {
    const [s] = splitSentences([
      'Scientists at Calder University and the Harbour Restoration Trust met in Port Calder.',
    ]);
    expect(s?.names).toEqual(['Calder University', 'Harbour Restoration Trust', 'Port Calder']);
  });

  it('drops a dateline opening a paragraph', () => {
    expect(withoutDateline('PORT CALDER — Ferry crews walked out.')).toBe('Ferry crews walked out.');
    expect(withoutDateline('LONDON (Reuters) - Prices rose.')).toBe('Prices rose.');
    expect(withoutDateline('NORTHFIELD, March 3 — The board met.')).toBe('The board met.');
    expect(withoutDateline('The UN — and its agencies — disagreed.')).toBe('The UN — and its agencies — disagreed.');
  });
});

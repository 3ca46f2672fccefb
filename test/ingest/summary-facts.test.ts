import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, pickFacts } from '../../src/ingest/facts.js';
import type { Sentence } from '../../src/ingest/sentences.js';
import { leadSummary, summarize } from '../../src/ingest/summary.js';

const sentence = (text: string, extra: Partial<Sentence> = {}): Sentence => ({
  text,
  paragraph: 0,
  numeric: /\d/.test(text),
  dated: false,
  names: [],
  ...extra,
});

const arbSentence = fc
  .record({
    text: fc.string({ minLength: 1, maxLength: 700 }),
    numeric: fc.boolean(),
    dated: fc.boolean(),
  })
  .map((r) => sentence(r.text, r));

describe('summarize', () => {
  it('skips an opening question and quotation, keeping source order', () => {
    const body = [
      sentence('What went wrong with the new ferry timetable this year?'),
      sentence('“We never saw this coming at all,” the manager said to reporters.'),
      sentence('The ferry operator cut 40 crossings a day from its timetable in May.'),
      sentence('Commuters from the northern wharves have had to find other routes.'),
      sentence('The operator says the cuts will last until new crews are trained.'),
    ];
    expect(summarize(body)).toBe(
      'The ferry operator cut 40 crossings a day from its timetable in May. Commuters from the northern wharves have had to find other routes. The operator says the cuts will last until new crews are trained.',
    );
    expect(leadSummary(body).startsWith('What went wrong')).toBe(true);
  });

  it('never includes a caption, credit or promo line', () => {
    const body = [
      sentence('Photo: Ana Silva/Harbour Weekly'),
      sentence('The harbour board approved the new wharf on Tuesday after a long debate.'),
      sentence('Read more: Wharf plans go back to the drawing board for the third time'),
      sentence('Sign up for our newsletter to get harbour news every morning before 7am.'),
      sentence('Work will begin in spring and take about two years to finish, the board said.'),
    ];
    expect(summarize(body)).toBe(
      'The harbour board approved the new wharf on Tuesday after a long debate. Work will begin in spring and take about two years to finish, the board said.',
    );
  });

  it('for any sentences: at most 600 characters, sentences of the body in order, at most 4', () => {
    fc.assert(
      fc.property(fc.array(arbSentence, { maxLength: 30 }), (body) => {
        const summary = summarize(body);
        expect(summary.length).toBeLessThanOrEqual(600);
        const count = sentencesInOrder(
          summary,
          body.map((s) => s.text),
        );
        expect(count).toBeGreaterThanOrEqual(summary ? 1 : 0);
        expect(count).toBeLessThanOrEqual(4);
        expect(leadSummary(body).length).toBeLessThanOrEqual(600);
      }),
    );
  });
});

/** How many body sentences, taken in order and joined by spaces, make up the summary; -1 if none do. */
function sentencesInOrder(summary: string, body: string[], from = 0, at = 0): number {
  if (at === summary.length) return 0;
  for (let i = from; i < body.length; i++) {
    const text = body[i] ?? '';
    const start = at === 0 ? 0 : at + 1;
    if ((at === 0 || summary[at] === ' ') && summary.startsWith(text, start)) {
      const rest = sentencesInOrder(summary, body, i + 1, start + text.length);
      if (rest >= 0) return rest + 1;
    }
  }
  return -1;
}

describe('pickFacts', () => {
  it('takes sentences with figures before those with only dates, up to the limit, in source order', () => {
    const body = [
      sentence('The plan was approved in March after a long debate.', { dated: true }),
      ...Array.from({ length: 9 }, (_, i) => sentence(`Figure number ${i + 1} was reported by the board.`)),
      sentence('Nothing here carries a figure or a date at all.'),
    ];
    const facts = pickFacts(body);
    expect(facts).toHaveLength(8);
    expect(facts[0]).toBe('Figure number 1 was reported by the board.');
    expect(facts.at(-1)).toBe('Figure number 8 was reported by the board.');
    expect(pickFacts(body.slice(0, 3))).toEqual([
      'The plan was approved in March after a long debate.',
      'Figure number 1 was reported by the board.',
      'Figure number 2 was reported by the board.',
    ]);
  });

  it('leaves out questions and chrome even when they carry numbers', () => {
    const body = [
      sentence('Will the 2029 deadline hold for the new plant?'),
      sentence('© 2025 Harbour Weekly. All rights reserved.'),
      sentence('Sign up for our newsletter, delivered by 7am.'),
    ];
    expect(pickFacts(body)).toEqual([]);
  });

  it('for any sentences: at most 8 facts of at most 300 characters', () => {
    fc.assert(
      fc.property(fc.array(arbSentence, { maxLength: 40 }), (body) => {
        const facts = pickFacts(body);
        expect(facts.length).toBeLessThanOrEqual(8);
        for (const f of facts) expect(f.length).toBeLessThanOrEqual(300);
      }),
    );
  });
});

describe('clip', () => {
  it('cuts at a word boundary and marks the cut', () => {
    const long = `${'word '.repeat(100)}end.`;
    const clipped = clip(long);
    expect(clipped.length).toBeLessThanOrEqual(300);
    expect(clipped.endsWith('word…')).toBe(true);
    expect(clip('short.')).toBe('short.');
  });
});

import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/ingest/draft-checks.js';
import type { Ingested } from '../../src/ingest/ingest.js';

type ArticleOverrides = { [K in keyof Ingested['article']]?: Ingested['article'][K] | undefined };

const draft = (over: Omit<Partial<Ingested>, 'article'> & { article?: ArticleOverrides } = {}): Ingested => ({
  sentences: [],
  summary: 'The council approved a plant.',
  facts: ['The plant costs 412 million dollars.'],
  draft: { slug: 's', text: '', todo: [] },
  ...over,
  article: withoutUndefined({
    paragraphs: [],
    links: [],
    published: '2024-03-01',
    publisher: 'The Calder Examiner',
    ...over.article,
  }),
});

/** `published: undefined` in a test means the page carried no date: the field is absent. */
function withoutUndefined(article: ArticleOverrides): Ingested['article'] {
  return Object.fromEntries(
    Object.entries(article).filter(([, v]) => v !== undefined),
  ) as unknown as Ingested['article'];
}

describe('checkDraft', () => {
  it('finds nothing in a clean draft', () => {
    expect([...checkDraft(draft()).keys()]).toEqual([]);
  });

  it('names each class of error an editor would repair', () => {
    const found = checkDraft(
      draft({
        summary: 'I think the plan is wrong. The council approved a plant. Later on Friday the council met.',
        facts: [
          'The council approved a plant.',
          'He said “it will cost 4 million',
          'Photo: Getty Images, 2024',
          'Residents were unhappy about it.',
          'The vote took 3 hours and …',
        ],
        article: {
          published: undefined,
          publisher: 'calderexaminer.example',
          links: [{ title: 'killed', url: 'https://x.example/a', publisher: 'x.example' }],
        },
      }),
    );
    expect(Object.fromEntries(found)).toEqual({
      'no-date': 1,
      'publisher-is-host': 1,
      caption: 1,
      'unbalanced-quotes': 1,
      'fact-repeats-summary': 1,
      'fact-without-figure': 2,
      'fact-cut-off': 1,
      'stale-phrase': 1,
      'first-person': 1,
      'bare-link-title': 1,
    });
  });
});

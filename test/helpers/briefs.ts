import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Brief } from '../../src/content/brief.js';

/** A valid brief; override what the test is about. */
export function makeBrief(overrides: Partial<Brief> = {}): Brief {
  const slug = overrides.slug ?? 'sample-brief';
  return {
    slug,
    title: 'A sample brief',
    topics: ['sample'],
    published: '2024-01-15',
    lang: 'en',
    publisher: 'Example News',
    url: 'https://example.org/story',
    summary: 'Something happened somewhere, and this is what it means.',
    facts: ['It happened on 15 January 2024.'],
    sources: [
      { title: 'Original report', publisher: 'Example Wire', url: 'https://example.org/report', date: '2024-01-14' },
    ],
    body: '',
    draft: false,
    file: `${slug}.md`,
    ...overrides,
  };
}

/** The Markdown file text of a brief in the content format; `extra` lines go into the front matter. */
export function briefFile(fields: Record<string, string> = {}, extra = ''): string {
  const f = {
    title: 'Water levels fall in the Aral Sea',
    topics: '[aral-sea, water]',
    published: '2024-03-01',
    publisher: 'Example News',
    url: 'https://example.org/aral',
    summary: 'The lake keeps shrinking as rivers are diverted for irrigation.',
    ...fields,
  };
  return [
    '---',
    ...Object.entries(f).map(([k, v]) => `${k}: ${v}`),
    'facts:',
    '  - The northern part lost 2 metres between 2010 and 2020.',
    'sources:',
    '  - title: Satellite survey',
    '    publisher: Example Agency',
    '    url: https://example.org/survey',
    '    date: 2024-02-20',
    ...(extra ? [extra] : []),
    '---',
    'Longer text.',
    '',
  ].join('\n');
}

export async function tempDir(prefix = 'briefbot-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

/** A short brief file (one chat message when rendered) with these topics. */
export const shortBriefFile = (
  slug: string,
  title: string,
  topics: string[],
  summary = 'A short summary for the test.',
) => `---
title: ${title}
slug: ${slug}
topics: [${topics.join(', ')}]
published: 2024-05-01
publisher: Test Wire
url: https://example.org/${slug}
summary: ${summary}
facts:
  - One fact with the number 42.
---
`;

export const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A content folder of two briefs (aral, glaciers) and the path of a brief store beside it, not yet written. */
export async function twoBriefFolder(): Promise<{ dir: string; cacheFile: string }> {
  const dir = await tempDir();
  const cacheFile = join(await tempDir(), 'store.db');
  await writeFiles(dir, {
    'aral.md': briefFile({ summary: 'The lake keeps shrinking.' }),
    'glaciers.md': briefFile({
      title: 'Glaciers retreat',
      url: 'https://example.org/glaciers',
      summary: 'Ice is going.',
    }),
  });
  return { dir, cacheFile };
}

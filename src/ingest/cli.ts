import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from './errors.js';
import { ingest } from './ingest.js';
import { readInput } from './read-input.js';
import { slugClashes } from './slug-clash.js';
import { writeDraft } from './write-draft.js';

export const USAGE = `usage: npm run ingest -- <file.html | file.txt | -> [--slug s] [--topics a,b] [--out dir] [--url u] [--encoding e]

Drafts a brief from an article page (HTML) or text scraped from one ("-" reads standard input).
  --slug s        file name and slug of the draft (default: from the title)
  --topics a,b    topic keys readers will type (default: suggested from the text)
  --out dir       where the draft goes (default: drafts/ in CONTENT_DIR, that is content/drafts)
  --url u         the article's address, when the input does not carry it
  --encoding e    the input's text encoding, when it is not UTF-8 and does not say`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  stdin?: AsyncIterable<Uint8Array | string>;
  today?: string;
  /** The content store's folder (CONTENT_DIR); drafts go to its drafts/ folder by default. */
  contentDir?: string | undefined;
}

/** Runs the ingest command line; returns the exit code (0 written, 1 bad input, 2 bad usage). */
export async function runIngestCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        topics: { type: 'string' },
        out: { type: 'string' },
        url: { type: 'string' },
        encoding: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr(`ingest: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) {
    io.stderr(`ingest: give exactly one input file (or - for standard input)\n\n${USAGE}`);
    return 2;
  }
  try {
    const input = await readInput(positionals[0], {
      encoding: values.encoding,
      ...(io.stdin ? { stdin: io.stdin } : {}),
    });
    const { draft } = ingest(input, {
      slug: values.slug,
      topics: values.topics
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      url: values.url,
      today: io.today,
    });
    const contentDir = io.contentDir || 'content';
    const out = values.out ?? join(contentDir, 'drafts');
    const path = await writeDraft(draft, out);
    const written = basename(path, '.md');
    const clashes = await slugClashes(contentDir, written, out);
    const todo = [...draft.todo];
    if (clashes.length > 0) {
      todo.splice(
        -1,
        0,
        `slug: ${clashes.join(', ')} already uses "${written}"; add a different slug: line before publishing`,
      );
    }
    io.stdout(`Draft written: ${path}`);
    io.stdout('Still to do before publishing:');
    for (const item of todo) io.stdout(`  - ${item}`);
    return 0;
  } catch (err) {
    if (err instanceof IngestError) io.stderr(`ingest: ${err.message}`);
    else io.stderr(`ingest: could not read this input (${String((err as Error)?.message ?? err).split('\n')[0]})`);
    return 1;
  }
}

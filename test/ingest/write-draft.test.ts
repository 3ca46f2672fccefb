import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { writeDraft } from '../../src/ingest/write-draft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeDraft', () => {
  it('creates the folder, writes <slug>.md and leaves no temporary file behind', async () => {
    const out = join(dir, 'content', 'drafts');
    const path = await writeDraft({ slug: 'wharf', text: '---\na: 1\n---\n', todo: [] }, out);
    expect(path).toBe(join(out, 'wharf.md'));
    expect(await readFile(path, 'utf8')).toBe('---\na: 1\n---\n');
    expect(await readdir(out)).toEqual(['wharf.md']);
  });

  it('picks the next free name when drafts of the same slug exist, even written at once', async () => {
    await writeFile(join(dir, 'wharf.md'), 'mine');
    const paths = await Promise.all(
      Array.from({ length: 5 }, (_, i) => writeDraft({ slug: 'wharf', text: `draft ${i}`, todo: [] }, dir)),
    );
    expect(new Set(paths).size).toBe(5);
    expect(await readFile(join(dir, 'wharf.md'), 'utf8')).toBe('mine');
    expect((await readdir(dir)).sort()).toEqual([
      'wharf-2.md',
      'wharf-3.md',
      'wharf-4.md',
      'wharf-5.md',
      'wharf-6.md',
      'wharf.md',
    ]);
  });

  it('says so plainly when the folder cannot be made', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(writeDraft({ slug: 'a', text: 'x', todo: [] }, join(dir, 'file', 'sub'))).rejects.toThrow(IngestError);
  });
});

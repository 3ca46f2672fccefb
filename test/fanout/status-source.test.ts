import { describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/content/store.js';
import { silentLogger } from '../../src/core/logger.js';
import { AdapterDirectory } from '../../src/fanout/adapter-directory.js';
import { statusSource } from '../../src/fanout/status-source.js';
import type { Leadership } from '../../src/cluster/leadership.js';
import { briefFile, tempDir, writeFiles } from '../helpers/briefs.js';

const leader = (leaderId: () => Promise<string | undefined>): Leadership => ({
  instanceId: 'here',
  isLeader: () => true,
  leaderId,
});

describe('statusSource: what /status reports about the content, the adapters and the instance', () => {
  it('reports no drafts and no reload before the first load, then what the load found', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'good.md': briefFile(),
      'draft.md': briefFile({ slug: 'wip', title: 'Work in progress' }).replace('---\n', '---\ndraft: true\n'),
    });
    const content = new ContentStore({ dir, logger: silentLogger() });
    const status = statusSource(
      content,
      new AdapterDirectory(),
      leader(async () => 'here'),
    );
    expect(status.content()).toEqual({ briefs: 0, drafts: 0, errors: [], dir });
    await content.load();
    const loaded = status.content();
    expect(loaded).toMatchObject({ briefs: 1, drafts: 1, dir });
    expect(loaded.lastReload).toBeInstanceOf(Date);
  });

  it('names the leader, or none when the database cannot say; a healthy database when nothing watches it', async () => {
    const content = new ContentStore({ dir: await tempDir(), logger: silentLogger() });
    const known = statusSource(
      content,
      new AdapterDirectory(),
      leader(async () => 'other'),
    );
    expect(await known.instance()).toEqual({ id: 'here', leader: 'other' });
    const failing = statusSource(
      content,
      new AdapterDirectory(),
      leader(() => Promise.reject(new Error('db down'))),
    );
    expect(await failing.instance()).toEqual({ id: 'here', leader: undefined });
    expect(known.database()).toEqual({ ok: true, failures: 0 });
  });
});

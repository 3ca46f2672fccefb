import type { Leadership } from '../cluster/leadership.js';
import type { ContentStore } from '../content/store.js';
import type { Status } from '../core/services.js';
import type { StoreHealth } from '../store/store-health.js';
import type { AdapterDirectory } from './adapter-directory.js';

export type { ContentStatus, Status as StatusSource } from '../core/services.js';

export function statusSource(
  content: ContentStore,
  adapters: AdapterDirectory,
  leadership: Leadership,
  health?: StoreHealth,
): Status {
  return {
    content: () => {
      const last = content.lastReload;
      return {
        briefs: content.library.size,
        drafts: last?.drafts ?? 0,
        ...(last ? { lastReload: last.at } : {}),
        errors: content.errors(),
        dir: content.dir,
      };
    },
    adapters: () => adapters.states(),
    instance: async () => ({
      id: leadership.instanceId,
      leader: await leadership.leaderId().catch(() => undefined),
    }),
    database: () => health?.state() ?? { ok: true, failures: 0 },
  };
}

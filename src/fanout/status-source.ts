import type { Leadership } from '../cluster/leadership.js';
import type { ContentError } from '../content/parse.js';
import type { ContentStore } from '../content/store.js';
import type { StoreHealth, StoreHealthState } from '../store/store-health.js';
import type { AdapterDirectory, AdapterState } from './adapter-directory.js';

export interface ContentStatus {
  briefs: number;
  drafts: number;
  lastReload?: Date;
  errors: ContentError[];
  /** The content folder, as configured; error paths are shown relative to it. */
  dir: string;
}

/** What /status reports about the running bot. */
export interface StatusSource {
  content(): ContentStatus;
  adapters(): AdapterState[];
  /** This instance's name and the leader's (the one that sends the updates), when known. */
  instance(): Promise<{ id: string; leader: string | undefined }>;
  /** Whether database calls are failing (a full disk, a damaged page). */
  database(): StoreHealthState;
}

export function statusSource(
  content: ContentStore,
  adapters: AdapterDirectory,
  leadership: Leadership,
  health?: StoreHealth,
): StatusSource {
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

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
  /** Whether database calls are failing (a full disk, a damaged page). */
  database(): StoreHealthState;
}

export function statusSource(content: ContentStore, adapters: AdapterDirectory, health?: StoreHealth): StatusSource {
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
    database: () => health?.state() ?? { ok: true, failures: 0 },
  };
}

import type { ContentError } from '../content/parse.js';
import type { ContentStore } from '../content/store.js';
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
}

export function statusSource(content: ContentStore, adapters: AdapterDirectory): StatusSource {
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
  };
}

import type { ContentStore } from '../../content/store.js';
import { readBrief } from '../../content/read-brief.js';
import type { ConsoleContent } from './content-view.js';

/** The console's view of the running content store; drafts are parsed when asked for. */
export function consoleContentOf(store: ContentStore): ConsoleContent {
  return {
    library: store.library,
    errors: () => store.errors(),
    draftFiles: () => store.draftFiles(),
    readDraft(file) {
      const read = readBrief(store.dir, file);
      return 'brief' in read ? read.brief : undefined;
    },
    onReload(listener) {
      store.on('reload', listener);
      return () => store.off('reload', listener);
    },
  };
}

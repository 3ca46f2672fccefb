/**
 * A watched content store in its own process, reporting every reload to the parent. Tests
 * run it as an unprivileged user when they run as root, for whom no folder is unreadable.
 */
import { ContentStore } from '../../src/content/store.js';
import { watchContent } from '../../src/content/watch.js';
import { silentLogger } from '../../src/core/logger.js';

const dir = process.argv[2]!;
const store = new ContentStore({ dir, logger: silentLogger() });
store.on('reload', (report) => process.send?.({ briefs: report.briefs, errors: report.errors.map((e) => e.message) }));
await store.load();
await watchContent(store, { logger: silentLogger(), folderCheckMs: 50 });
process.send?.('watching');
process.on('disconnect', () => process.exit(0));

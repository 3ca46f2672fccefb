import { ContentStore } from '../src/content/store.js';
import { silentLogger } from '../src/core/logger.js';
const dir = '/tmp/briefbot-bench/100000-20180911-v2';
const store = new ContentStore({ dir, logger: silentLogger(), cacheFile: `${dir}.content-cache.bin` });
const t0 = performance.now();
await store.load();
console.log('warm', performance.now() - t0);
process.exit(0);

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { dataStoreContract } from './contract.js';

let dir: string;
let made = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-contract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// One process per SQLite file, so there is no sibling: concurrent claims share one handle.
dataStoreContract('SQLite', {
  fresh: async (options) => new SqliteStore(join(dir, `store-${++made}.db`), options),
});

import { afterAll, beforeAll } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { openPgStore, type PgStore } from '../../src/store/pg/pg-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { dataStoreContract } from './contract.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const TABLES = 'subscriptions, deliveries, brief_versions, posts, handled_updates, rate_windows, forum_threads';

dataStoreContract('PostgreSQL', {
  fresh: async (options) => {
    const store: PgStore = await openPgStore(db.url, silentLogger(), options ?? {});
    await store.pool.query(`TRUNCATE ${TABLES} RESTART IDENTITY`);
    return store;
  },
  sibling: () => openPgStore(db.url, silentLogger()),
});

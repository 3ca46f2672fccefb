import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgLeadership } from '../../src/cluster/pg-leadership.js';
import { silentLogger } from '../../src/core/logger.js';
import { openPgStore, type PgStore } from '../../src/store/pg/pg-store.js';
import { migratePg } from '../../src/store/pg/migrate.js';
import { pgMigrations } from '../../src/store/pg/schema.js';
import { SharedRateLimiter } from '../../src/store/pg/rate-limit.js';
import { waitFor } from '../fanout/helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

describe('what instances share through PostgreSQL', () => {
  let db: TestDatabase;
  let store: PgStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = await openPgStore(db.url, silentLogger());
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('migrates once when several instances start together', async () => {
    const others = await Promise.all(Array.from({ length: 4 }, () => openPgStore(db.url, silentLogger())));
    const { rows } = await store.pool.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual(pgMigrations.map((_, i) => i + 1));
    expect(await migratePg(others[0]!.pool)).toBe(pgMigrations.length);
    for (const other of others) await other.close();
  });

  it('counts one per-user limit across instances, each with its own in-process layer', async () => {
    const now = () => 1_000_000;
    const limit = { limit: 5, windowSeconds: 10 };
    const fleet = [0, 1, 2].map(() => new SharedRateLimiter(store.pool, limit, silentLogger(), now));
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await fleet[i % 3]!.check('telegram:u1'));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'warn', 'drop', 'drop']);
    // Another user has a limit of their own; a new window starts afresh.
    expect(await fleet[0]!.check('telegram:u2')).toBe('allow');
    const later = new SharedRateLimiter(store.pool, limit, silentLogger(), () => 1_010_000);
    expect(await later.check('telegram:u1')).toBe('allow');
    for (const limiter of [...fleet, later]) limiter.close();
  });

  it('elects one leader, names it to the others, and hands over when it steps down', async () => {
    const make = (id: string) =>
      new PgLeadership({ url: db.url, instanceId: id, logger: silentLogger(), pool: store.pool, pollMs: 200 });
    const x = make('x');
    const y = make('y');
    const changes: string[] = [];
    for (const l of [x, y]) l.on('change', (leader: boolean) => changes.push(`${l.instanceId}:${leader}`));
    x.start();
    await waitFor(() => x.isLeader(), 5_000, 'x to lead');
    y.start();
    // y has tried the lock (its session's last query) and did not get it.
    const tried = async () =>
      (
        await store.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = 'briefbot:y' AND query LIKE '%pg_try_advisory_lock%'`,
        )
      ).rowCount === 1;
    const started = Date.now();
    while (!(await tried())) {
      if (Date.now() - started > 5_000) throw new Error('y never tried the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(y.isLeader()).toBe(false);
    expect(changes).toEqual(['x:true']);
    expect(await y.leaderId()).toBe('x');
    expect(await x.leaderId()).toBe('x');
    await x.stop();
    await waitFor(() => y.isLeader(), 5_000, 'y to take over');
    expect(changes).toEqual(['x:true', 'x:false', 'y:true']);
    expect(await y.leaderId()).toBe('y');
    await y.stop();
    expect(await x.leaderId()).toBeUndefined();
  });
});

import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { RateLimiter, type CommandLimiter } from '../core/rate-limit.js';
import type { ConsoleData } from '../store/console-data.js';
import type { DataStore } from '../store/data-store.js';
import { openPgStore } from '../store/pg/pg-store.js';
import { describeDatabase } from '../store/pg/pool.js';
import { SharedRateLimiter } from '../store/pg/rate-limit.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { soleLeader, type Leadership } from './leadership.js';
import { PgLeadership } from './pg-leadership.js';

/** The database and what the instances share through it. */
export type Backend = { consoleData: ConsoleData } & (
  | { kind: 'sqlite'; data: DataStore; leadership: Leadership; rateLimiter: CommandLimiter }
  | { kind: 'postgres'; data: DataStore; leadership: PgLeadership; rateLimiter: CommandLimiter }
);

/**
 * SQLite at DATABASE_PATH (one process, always the leader, an in-process rate limit), or
 * PostgreSQL at DATABASE_URL (leader elected through the database, rate limit shared).
 */
export async function openBackend(config: Config, logger: Logger): Promise<Backend> {
  if (!config.databaseUrl) {
    const data = openSqliteStore(config.databasePath);
    return {
      kind: 'sqlite',
      data,
      consoleData: data.consoleData(),
      leadership: soleLeader(config.instanceId),
      rateLimiter: new RateLimiter(config.rateLimit),
    };
  }
  const url = config.databaseUrl;
  const data = await openPgStore(url, logger);
  logger.info({ database: describeDatabase(url), instance: config.instanceId }, 'using PostgreSQL');
  return {
    kind: 'postgres',
    data,
    consoleData: data.consoleData(),
    leadership: new PgLeadership({ url, instanceId: config.instanceId, logger, pool: data.pool }),
    rateLimiter: new SharedRateLimiter(data.pool, config.rateLimit, logger),
  };
}

import pg from 'pg';
import type { Logger } from '../../core/logger.js';
import { isConnectionError } from './errors.js';

const INT8 = 20;

/** bigint columns (times in ms, ids, counts) come back as numbers, as they do from SQLite. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** `host:port/database` of a connection URL: what logs may say, never the user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the database';
  }
}

export interface PoolOptions {
  /** Connections this process may open; sends, commands and the leader check share them. */
  max?: number;
  /** How long one query may take before it counts as "the database is not answering". */
  queryTimeoutMs?: number;
  /** Shown in `pg_stat_activity`. */
  applicationName?: string;
}

/** A connection pool whose idle connections dropping (a database restart) is logged, never fatal. */
export function createPool(url: string, logger: Logger, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 3_000,
    query_timeout: options.queryTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    types,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'a database connection dropped; it will be reopened'));
  return pool;
}

/** The client options of `createPool`, for a dedicated connection held apart from the pool. */
export function clientConfig(url: string, applicationName: string): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: 3_000,
    keepAlive: true,
    types,
    application_name: applicationName,
  };
}

export interface WaitOptions {
  firstWaitMs?: number;
  maxWaitMs?: number;
  /** Stop trying (the process is shutting down). */
  signal?: AbortSignal;
}

/**
 * Waits until the database answers, trying again with growing waits (0.5 s doubling up to
 * 30 s) and one log line per failure, so a database that is still starting is not a crash loop.
 * Errors that waiting cannot mend (authentication, no such database) are thrown at once.
 */
export async function waitForDatabase(
  pool: pg.Pool,
  url: string,
  logger: Logger,
  options: WaitOptions = {},
): Promise<void> {
  let wait = options.firstWaitMs ?? 500;
  const maxWait = options.maxWaitMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      if (attempt > 1) logger.info({ database: describeDatabase(url) }, 'the database answers');
      return;
    } catch (error) {
      // A wrong password or a missing database will not mend by waiting.
      if (options.signal?.aborted || !isConnectionError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(
        { database: describeDatabase(url), attempt, reason, retryInMs: wait },
        `the database at ${describeDatabase(url)} is not answering (${reason}); trying again in ${wait / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, maxWait);
    }
  }
}

import { CopyRefusedError, copySqliteToPg } from '../src/store/copy-to-pg.js';
import { ConfigError, loadDotEnv, parseConfig } from '../src/config.js';
import { createLogger } from '../src/core/logger.js';
import { DatabaseLockedError } from '../src/store/sqlite/file-lock.js';
import { createPool, describeDatabase, waitForDatabase } from '../src/store/pg/pool.js';

/**
 * `npm run db:copy`: copies the SQLite file at DATABASE_PATH into the empty PostgreSQL
 * database at DATABASE_URL, once, when a newsroom moves to several instances.
 */
async function main(): Promise<number> {
  let config;
  try {
    loadDotEnv();
    config = parseConfig(process.env);
  } catch (error) {
    process.stderr.write(
      `db:copy: configuration error: ${error instanceof ConfigError ? error.message : String(error)}\n`,
    );
    return 2;
  }
  if (!config.databaseUrl) {
    process.stderr.write('db:copy: DATABASE_URL is required: the PostgreSQL database to copy into\n');
    return 2;
  }
  const logger = createLogger('warn');
  const pool = createPool(config.databaseUrl, logger);
  const target = describeDatabase(config.databaseUrl);
  try {
    await waitForDatabase(pool, config.databaseUrl, logger, { maxWaitMs: 2_000 });
    const counts = await copySqliteToPg(config.databasePath, pool);
    const summary = Object.entries(counts)
      .map(([table, n]) => `${n} ${table.replace('_', ' ')}`)
      .join(', ');
    process.stdout.write(`db:copy: copied ${config.databasePath} into ${target}: ${summary}\n`);
    return 0;
  } catch (error) {
    const known = error instanceof CopyRefusedError || error instanceof DatabaseLockedError;
    process.stderr.write(
      `db:copy: ${known ? '' : 'failed: '}${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();

import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type pg from 'pg';
import { migrate } from './migrations.js';
import { migratePg } from './pg/migrate.js';
import { inTransaction } from './pg/queryable.js';
import { lockDatabaseFile } from './sqlite/file-lock.js';

/** Tables in copy order, with the columns both schemas share. */
const TABLES = {
  subscriptions: [
    'platform',
    'chat_id',
    'topic',
    'created_at',
    'created_by',
    'active',
    'unreachable_streak',
    'paused_reason',
    'paused_at',
    'format',
    'link_previews',
    'publish',
  ],
  deliveries: [
    'id',
    'platform',
    'chat_id',
    'slug',
    'version',
    'label',
    'status',
    'attempts',
    'sending_since',
    'created_at',
    'next_attempt_at',
    'finished_at',
    'message_ids',
    'last_error',
  ],
  brief_versions: ['slug', 'version', 'announced_at'],
  posts: [
    'id',
    'at',
    'platform',
    'user_id',
    'user_name',
    'from_chat_id',
    'target_chat_id',
    'slug',
    'version',
    'outcome',
    'detail',
    'message_ids',
  ],
  handled_updates: ['platform', 'update_id', 'handled_at'],
  forum_threads: ['platform', 'chat_id', 'slug', 'thread_id', 'created_at'],
  chat_settings: ['platform', 'chat_id', 'language', 'reader_language'],
} as const;

export type CopyCounts = Record<keyof typeof TABLES, number>;

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

const BATCH = 500;
const BOOLEAN_COLUMNS = new Set(['active', 'link_previews', 'publish']);

/**
 * Copies everything the SQLite file holds into an empty PostgreSQL database (migrated first),
 * in one transaction: subscriptions, deliveries (ids kept, claims dropped), announced versions,
 * the audit log of posts, handled update ids, forum posts and each chat's languages. Refuses a database that already has data, and
 * a SQLite file a running briefbot holds.
 */
export async function copySqliteToPg(sqlitePath: string, pool: pg.Pool): Promise<CopyCounts> {
  if (!existsSync(sqlitePath)) throw new CopyRefusedError(`${sqlitePath} does not exist: nothing to copy`);
  const unlock = lockDatabaseFile(sqlitePath);
  const sqlite = new BetterSqlite3(sqlitePath);
  try {
    migrate(sqlite, sqlitePath);
    await migratePg(pool);
    return await inTransaction(pool, async (client) => {
      const existing = await client.query<{ n: number }>(
        `SELECT ${Object.keys(TABLES)
          .map((t) => `(SELECT count(*) FROM ${t})`)
          .join(' + ')} AS n`,
      );
      const n = Number(existing.rows[0]?.n ?? 0);
      if (n > 0)
        throw new CopyRefusedError(
          `the PostgreSQL database already holds ${n} rows; db:copy only fills an empty database, so nothing was copied`,
        );
      const counts = {} as CopyCounts;
      for (const [table, columns] of Object.entries(TABLES) as [keyof typeof TABLES, readonly string[]][]) {
        const rows = sqlite
          .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
          .raw()
          .all() as unknown[][];
        counts[table] = rows.length;
        for (let i = 0; i < rows.length; i += BATCH)
          await insertBatch(client, table, columns, rows.slice(i, i + BATCH));
      }
      for (const table of ['deliveries', 'posts'])
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`,
        );
      return counts;
    });
  } finally {
    sqlite.close();
    unlock();
  }
}

async function insertBatch(client: pg.PoolClient, table: string, columns: readonly string[], rows: unknown[][]) {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = row.map((value, i) => {
      // SQLite keeps booleans as 0/1.
      values.push(BOOLEAN_COLUMNS.has(columns[i]!) ? value === 1 : value);
      return `$${values.length}`;
    });
    return `(${marks.join(', ')})`;
  });
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

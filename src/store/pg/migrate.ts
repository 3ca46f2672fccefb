import type pg from 'pg';
import { pgMigrations } from './schema.js';

/** Advisory lock keys (two int4s); `BRIEFBOT` in ASCII, then what the lock guards. */
export const LOCK_SPACE = 0x42524246;
export const MIGRATION_LOCK = 1;

export class PgSchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(`the database has schema version ${found}, but this briefbot only knows up to ${known}; upgrade briefbot`);
    this.name = 'PgSchemaTooNewError';
  }
}

/**
 * Applies the steps not yet applied, each in its own transaction, holding an advisory lock so
 * that instances starting together migrate one after another. Returns the version reached.
 */
export async function migratePg(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const current = rows[0]?.v ?? 0;
      if (current > pgMigrations.length) throw new PgSchemaTooNewError(current, pgMigrations.length);
      for (let version = current + 1; version <= pgMigrations.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(pgMigrations[version - 1]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return pgMigrations.length;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

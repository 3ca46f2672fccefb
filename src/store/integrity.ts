import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** The database file is damaged; the message says what SQLite found and what to do. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(
      `the database ${path} is damaged (PRAGMA quick_check: ${problems.join('; ')}). ` +
        'Restore it from a backup, or move it aside to start with an empty one (subscriptions and pending deliveries are then lost).',
    );
    this.name = 'DatabaseDamagedError';
  }
}

const SHOWN = 5;

/**
 * Checks an existing SQLite file before the bot uses it (`PRAGMA quick_check`, which reads every
 * page): a damaged page otherwise goes unnoticed until a write fails, and the bot looks fine while
 * it sends nothing. A file that does not exist yet is fine: it is created empty.
 */
export function checkSqliteFile(path: string): void {
  if (path === ':memory:' || !existsSync(path)) return;
  let problems: string[];
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path, { fileMustExist: true });
    const rows = db.pragma(`quick_check(${SHOWN})`) as { quick_check: string }[];
    problems = rows.map((row) => row.quick_check.replace(/\s+/g, ' ').trim()).filter((result) => result !== 'ok');
  } catch (err) {
    problems = [err instanceof Error ? err.message : String(err)];
  } finally {
    db?.close();
  }
  if (problems.length > 0) throw new DatabaseDamagedError(path, problems);
}

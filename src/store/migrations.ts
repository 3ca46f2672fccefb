import type BetterSqlite3 from 'better-sqlite3';

/**
 * Schema changes, numbered from 1; `PRAGMA user_version` holds the last one applied.
 * Append new steps; never edit one that has shipped.
 */
export const migrations: readonly string[] = [
  // 1: subscriptions, deliveries, announced versions, audit log of posts
  `
  CREATE TABLE subscriptions (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    unreachable_streak INTEGER NOT NULL DEFAULT 0,
    paused_reason TEXT,
    paused_at INTEGER,
    PRIMARY KEY (platform, chat_id, topic)
  ) WITHOUT ROWID;
  CREATE INDEX subscriptions_by_topic ON subscriptions (topic, platform, chat_id) WHERE active = 1;

  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    version TEXT NOT NULL,
    label TEXT NOT NULL CHECK (label IN ('New', 'Updated')),
    status TEXT NOT NULL DEFAULT 'pending'
      CHECK (status IN ('pending', 'done', 'superseded', 'dropped', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    sending_since INTEGER,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    finished_at INTEGER,
    message_ids TEXT,
    last_error TEXT,
    UNIQUE (platform, chat_id, slug, version)
  );
  CREATE INDEX deliveries_pending ON deliveries (platform, next_attempt_at, id) WHERE status = 'pending';

  CREATE TABLE brief_versions (
    slug TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    announced_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    from_chat_id TEXT NOT NULL,
    target_chat_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    version TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT,
    message_ids TEXT NOT NULL
  );
  `,
  // 2: platform updates already handled, so a redelivered or replayed update is handled once
  `
  CREATE TABLE handled_updates (
    platform TEXT NOT NULL,
    update_id TEXT NOT NULL,
    handled_at INTEGER NOT NULL,
    PRIMARY KEY (platform, update_id)
  ) WITHOUT ROWID;
  CREATE INDEX handled_updates_by_age ON handled_updates (handled_at);
  `,
  // 3: a claimed delivery is not due again for anyone until its lease ends or its outcome is known
  `
  ALTER TABLE deliveries ADD COLUMN lease_until INTEGER;
  `,
  // 4: how each subscription's deliveries look
  `
  ALTER TABLE subscriptions ADD COLUMN format TEXT NOT NULL DEFAULT 'full'
    CHECK (format IN ('full', 'compact', 'headline'));
  ALTER TABLE subscriptions ADD COLUMN link_previews INTEGER NOT NULL DEFAULT 1;
  `,
  // 5: a chat's own settings; language: the BCP 47 tag chosen with /language
  `
  CREATE TABLE chat_settings (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    language TEXT,
    PRIMARY KEY (platform, chat_id)
  ) WITHOUT ROWID;
  `,
  // 6: publishing to following servers; the forum post each brief opened in a forum channel
  `
  ALTER TABLE subscriptions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE forum_threads (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, slug)
  ) WITHOUT ROWID;
  `,
  // 7: the language of a private chat's reader, remembered when they subscribe (/language wins)
  `
  ALTER TABLE chat_settings ADD COLUMN reader_language TEXT;
  `,
];

export class SchemaTooNewError extends Error {
  constructor(path: string, found: number, known: number) {
    super(`${path} has schema version ${found}, but this briefbot only knows up to ${known}; upgrade briefbot`);
    this.name = 'SchemaTooNewError';
  }
}

/** Applies the steps not yet applied, each in its own transaction; returns the version reached. */
export function migrate(db: BetterSqlite3.Database, path: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new SchemaTooNewError(path, current, migrations.length);
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return migrations.length;
}

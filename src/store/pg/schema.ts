/**
 * PostgreSQL schema changes, numbered from 1; `schema_migrations` records those applied.
 * Append new steps; never edit one that has shipped. Times are milliseconds since the epoch
 * (bigint), as in the SQLite store, so that rows copy across unchanged.
 */
export const pgMigrations: readonly string[] = [
  // 1: the SQLite schema up to its step 3, plus the shared per-user rate-limit windows
  `
  CREATE TABLE subscriptions (
    platform text NOT NULL,
    chat_id text NOT NULL,
    topic text NOT NULL,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    unreachable_streak integer NOT NULL DEFAULT 0,
    paused_reason text,
    paused_at bigint,
    PRIMARY KEY (platform, chat_id, topic)
  );
  CREATE INDEX subscriptions_by_topic ON subscriptions (topic, platform, chat_id) WHERE active;

  CREATE TABLE deliveries (
    id bigserial PRIMARY KEY,
    platform text NOT NULL,
    chat_id text NOT NULL,
    slug text NOT NULL,
    version text NOT NULL,
    label text NOT NULL CHECK (label IN ('New', 'Updated')),
    status text NOT NULL DEFAULT 'pending'
      CHECK (status IN ('pending', 'done', 'superseded', 'dropped', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    sending_since bigint,
    created_at bigint NOT NULL,
    next_attempt_at bigint NOT NULL,
    finished_at bigint,
    message_ids text,
    last_error text,
    lease_until bigint,
    UNIQUE (platform, chat_id, slug, version)
  );
  CREATE INDEX deliveries_pending ON deliveries (platform, next_attempt_at, id) WHERE status = 'pending';

  CREATE TABLE brief_versions (
    slug text PRIMARY KEY,
    version text NOT NULL,
    announced_at bigint NOT NULL
  );

  CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    at bigint NOT NULL,
    platform text NOT NULL,
    user_id text NOT NULL,
    user_name text NOT NULL,
    from_chat_id text NOT NULL,
    target_chat_id text NOT NULL,
    slug text NOT NULL,
    version text NOT NULL,
    outcome text NOT NULL,
    detail text,
    message_ids text NOT NULL
  );

  CREATE TABLE handled_updates (
    platform text NOT NULL,
    update_id text NOT NULL,
    handled_at bigint NOT NULL,
    PRIMARY KEY (platform, update_id)
  );
  CREATE INDEX handled_updates_by_age ON handled_updates (handled_at);

  CREATE TABLE rate_windows (
    key text NOT NULL,
    window_start bigint NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (key, window_start)
  );
  `,
  // 2: who holds the leader lock, by instance name (application_name is cut at 63 bytes)
  `
  CREATE TABLE cluster_leader (
    id integer PRIMARY KEY CHECK (id = 1),
    instance_id text NOT NULL,
    backend_pid integer NOT NULL,
    since bigint NOT NULL
  );
  `,
  // 3: how each subscription's deliveries look (SQLite step 4)
  `
  ALTER TABLE subscriptions ADD COLUMN format text NOT NULL DEFAULT 'full'
    CHECK (format IN ('full', 'compact', 'headline'));
  ALTER TABLE subscriptions ADD COLUMN link_previews boolean NOT NULL DEFAULT true;
  `,
  // 4: a chat's own settings; language: the BCP 47 tag chosen with /language
  `
  CREATE TABLE chat_settings (
    platform text NOT NULL,
    chat_id text NOT NULL,
    language text,
    PRIMARY KEY (platform, chat_id)
  );
  `,
  // 5: publishing to following servers; the forum post each brief opened (SQLite step 6)
  `
  ALTER TABLE subscriptions ADD COLUMN publish boolean NOT NULL DEFAULT false;
  CREATE TABLE forum_threads (
    platform text NOT NULL,
    chat_id text NOT NULL,
    slug text NOT NULL,
    thread_id text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (platform, chat_id, slug)
  );
  `,
  // 6: the language of a private chat's reader, remembered when they subscribe (SQLite step 7)
  `
  ALTER TABLE chat_settings ADD COLUMN reader_language text;
  `,
];

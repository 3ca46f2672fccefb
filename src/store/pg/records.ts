import type { Platform } from '../../core/types.js';
import type { PostRecord } from '../data-store.js';
import { postParams, toPost, type PostRow } from '../rows.js';
import type { Queryable } from './queryable.js';

export async function knownVersions(q: Queryable): Promise<Map<string, string>> {
  const { rows } = await q.query<{ slug: string; version: string }>('SELECT slug, version FROM brief_versions');
  return new Map(rows.map((r) => [r.slug, r.version]));
}

export async function knownVersion(q: Queryable, slug: string): Promise<string | undefined> {
  const { rows } = await q.query<{ version: string }>('SELECT version FROM brief_versions WHERE slug = $1', [slug]);
  return rows[0]?.version;
}

export async function claimUpdate(q: Queryable, platform: Platform, updateId: string, now: number): Promise<boolean> {
  const result = await q.query(
    'INSERT INTO handled_updates (platform, update_id, handled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [platform, updateId, now],
  );
  return result.rowCount === 1;
}

export async function forgetUpdatesBefore(q: Queryable, before: number): Promise<number> {
  const result = await q.query('DELETE FROM handled_updates WHERE handled_at < $1', [before]);
  return result.rowCount ?? 0;
}

export async function recordPost(q: Queryable, post: PostRecord): Promise<void> {
  await q.query(
    `INSERT INTO posts (at, platform, user_id, user_name, from_chat_id, target_chat_id, slug, version, outcome,
       detail, message_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    postParams(post),
  );
}

export async function recentPosts(q: Queryable, limit: number): Promise<PostRecord[]> {
  const { rows } = await q.query<PostRow>('SELECT * FROM posts ORDER BY id DESC LIMIT $1', [limit]);
  return rows.map(toPost);
}

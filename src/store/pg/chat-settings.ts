import type { Platform } from '../../core/types.js';
import type { ChatKey } from '../data-store.js';
import type { Queryable } from './queryable.js';

/** A chat's own settings on PostgreSQL: the language chosen with /language, and its reader's own. */
async function languages(q: Queryable, chat: ChatKey) {
  const { rows } = await q.query<{ language: string | null; reader_language: string | null }>(
    'SELECT language, reader_language FROM chat_settings WHERE platform = $1 AND chat_id = $2',
    [chat.platform, chat.chatId],
  );
  return rows[0];
}

export async function chatLanguage(q: Queryable, chat: ChatKey): Promise<string | undefined> {
  return (await languages(q, chat))?.language ?? undefined;
}

export async function deliveryLanguage(q: Queryable, chat: ChatKey): Promise<string | undefined> {
  const row = await languages(q, chat);
  return row?.language ?? row?.reader_language ?? undefined;
}

export async function setChatLanguage(q: Queryable, chat: ChatKey, language: string | undefined): Promise<void> {
  await q.query(
    `INSERT INTO chat_settings (platform, chat_id, language) VALUES ($1, $2, $3)
       ON CONFLICT (platform, chat_id) DO UPDATE SET language = excluded.language`,
    [chat.platform, chat.chatId, language ?? null],
  );
}

export async function setReaderLanguage(q: Queryable, chat: ChatKey, language: string): Promise<void> {
  await q.query(
    `INSERT INTO chat_settings (platform, chat_id, reader_language) VALUES ($1, $2, $3)
       ON CONFLICT (platform, chat_id) DO UPDATE SET reader_language = excluded.reader_language`,
    [chat.platform, chat.chatId, language],
  );
}

/** Inside the caller's transaction: what the new id has already set wins; the old id's settings fill the rest. */
export async function migrateChatSettings(q: Queryable, platform: Platform, from: string, to: string): Promise<void> {
  await q.query(
    `INSERT INTO chat_settings AS c (platform, chat_id, language, reader_language)
       SELECT platform, $1, language, reader_language FROM chat_settings WHERE platform = $2 AND chat_id = $3
       ON CONFLICT (platform, chat_id) DO UPDATE SET
         language = coalesce(c.language, excluded.language),
         reader_language = coalesce(c.reader_language, excluded.reader_language)`,
    [to, platform, from],
  );
  await q.query('DELETE FROM chat_settings WHERE platform = $1 AND chat_id = $2', [platform, from]);
}

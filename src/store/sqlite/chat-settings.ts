import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../../core/types.js';
import type { ChatKey } from '../data-store.js';

/** A chat's own settings on SQLite: the language chosen with /language, and its reader's own. */
export function chatSettings(db: BetterSqlite3.Database) {
  const languages = db.prepare<[string, string], { language: string | null; reader_language: string | null }>(
    'SELECT language, reader_language FROM chat_settings WHERE platform = ? AND chat_id = ?',
  );
  const setChosen = db.prepare<[string, string, string | null]>(
    `INSERT INTO chat_settings (platform, chat_id, language) VALUES (?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET language = excluded.language`,
  );
  const setReader = db.prepare<[string, string, string]>(
    `INSERT INTO chat_settings (platform, chat_id, reader_language) VALUES (?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET reader_language = excluded.reader_language`,
  );
  // What the new id has already set wins; the old id's settings fill the rest.
  const move = db.prepare<[string, string, string]>(
    `INSERT INTO chat_settings (platform, chat_id, language, reader_language)
       SELECT platform, ?, language, reader_language FROM chat_settings WHERE platform = ? AND chat_id = ? AND true
       ON CONFLICT (platform, chat_id) DO UPDATE SET
         language = coalesce(chat_settings.language, excluded.language),
         reader_language = coalesce(chat_settings.reader_language, excluded.reader_language)`,
  );
  const drop = db.prepare<[string, string]>('DELETE FROM chat_settings WHERE platform = ? AND chat_id = ?');
  return {
    chatLanguage: (chat: ChatKey) => languages.get(chat.platform, chat.chatId)?.language ?? undefined,
    deliveryLanguage: (chat: ChatKey) => {
      const row = languages.get(chat.platform, chat.chatId);
      return row?.language ?? row?.reader_language ?? undefined;
    },
    setChatLanguage: (chat: ChatKey, language: string | undefined) =>
      void setChosen.run(chat.platform, chat.chatId, language ?? null),
    setReaderLanguage: (chat: ChatKey, language: string) => void setReader.run(chat.platform, chat.chatId, language),
    /** Runs inside the caller's migration transaction. */
    migrate: (platform: Platform, from: string, to: string) => {
      move.run(to, platform, from);
      drop.run(platform, from);
    },
  };
}

import type { Message } from 'telegraf/types';
import type { Logger } from '../../core/logger.js';
import type { AdapterContext } from '../adapter.js';

type MigrationMessage = Message.MigrateToChatIdMessage | Message.MigrateFromChatIdMessage;

/**
 * A group became a supergroup: Telegram says so in both chats (`migrate_to_chat_id` in the old
 * one, `migrate_from_chat_id` in the new one). Either moves the subscriptions to the new id, so
 * that updates follow the chat before a send to the old id ever fails.
 */
export async function onMigration(
  chatMigrated: AdapterContext['chatMigrated'],
  logger: Logger,
  message: MigrationMessage,
): Promise<void> {
  const [from, to] =
    'migrate_to_chat_id' in message
      ? [message.chat.id, message.migrate_to_chat_id]
      : [message.migrate_from_chat_id, message.chat.id];
  try {
    await chatMigrated?.('telegram', String(from), String(to));
  } catch (err) {
    logger.error({ err, from, to }, 'could not move the subscriptions of a migrated telegram group');
  }
}

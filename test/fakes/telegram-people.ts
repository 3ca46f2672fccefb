/** The users, chats and messages of the fake Telegram, and ready-made ones for tests. */

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  first_name?: string;
  username?: string;
}

export interface FakeMessage {
  message_id: number;
  date: number;
  chat: FakeChat;
  from?: FakeUser;
  sender_chat?: FakeChat;
  text?: string;
  reply_to_message?: { message_id: number; chat: FakeChat; date: number };
  reply_markup?: unknown;
}

// ---- people and places for tests ----------------------------------------------------------

export const user = (id: number, first_name = `User${id}`, extra: Partial<FakeUser> = {}): FakeUser => ({
  id,
  is_bot: false,
  first_name,
  username: `user${id}`,
  language_code: 'en',
  ...extra,
});

export const privateChat = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private', first_name: u.first_name });

export const groupChat = (id: number, title = `Group ${-id}`): FakeChat => ({ id, type: 'supergroup', title });

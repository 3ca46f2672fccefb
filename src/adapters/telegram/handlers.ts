import type { CallbackQuery, InlineQuery, Message } from 'telegraf/types';
import { pickVersion } from '../../content/versions.js';
import type { Bot } from '../../core/bot.js';
import { translator } from '../../core/i18n/index.js';
import type { Logger } from '../../core/logger.js';
import { cleanText } from '../../core/parse-line.js';
import type { Reply } from '../../core/types.js';
import type { ButtonSlugs } from './callback-data.js';
import { inlineResults, INLINE_RESULTS } from './inline.js';
import type { Moderators } from './moderators.js';
import { toChat, toUser } from './people.js';
import { renderTelegram } from './render.js';
import { routeText } from './route.js';
import type { Sender } from './sender.js';
import { threadOf, topicChatId } from './topics.js';

/** What the update handlers need: the core, the one send path and the bot's own name. */
export interface HandlerDeps {
  core: Bot;
  sender: Sender;
  moderators: Moderators;
  logger: Logger;
  /** The bot's @username, known once started. */
  username: () => string;
  buttons: ButtonSlugs;
  answerCallback: (id: string, text?: string) => Promise<unknown>;
  answerInline: (id: string, results: ReturnType<typeof inlineResults>) => Promise<unknown>;
}

const hint = (locale: string | undefined): Reply => ({
  kind: 'text',
  tone: 'usage',
  text: translator(locale)('bot.slashFirst'),
});

type Chat = Message['chat'];

/** Answers where the command was typed: in its forum topic, if any. */
async function send(deps: HandlerDeps, chat: Chat, reply: Reply, quote?: number, thread?: number): Promise<void> {
  const options = chat.type === 'private' || quote === undefined ? {} : { replyTo: quote };
  await deps.sender.send(topicChatId(chat.id, thread), renderTelegram(reply), options);
}

/** A text message or channel post: a command for us, someone else's, or chat. */
export async function onText(deps: HandlerDeps, message: Message.TextMessage): Promise<void> {
  const { chat } = message;
  const thread = threadOf(message);
  const route = routeText(message.text, chat.type, deps.username(), (name) => deps.core.command(name) !== undefined);
  if (route.kind === 'ignore') return;
  if (route.kind === 'hint') return send(deps, chat, hint(message.from?.language_code), undefined, thread);
  // Asked of Telegram only when the command depends on it.
  const isModerator = () =>
    deps.moderators.check({
      chat,
      ...(message.from ? { from: message.from } : {}),
      ...(message.sender_chat ? { senderChat: message.sender_chat } : {}),
    });
  const line = { command: route.name, rest: route.rest };
  const user = toUser(message.from, chat, isModerator, message.sender_chat);
  const reply = await deps.core.handleLine(line, user, toChat(chat, thread));
  if (reply) await send(deps, chat, reply, message.message_id, thread);
}

/**
 * A press on one of our brief buttons: counted against the presser's rate limit before any
 * work, acknowledged, then that brief is posted in the chat.
 */
export async function onButton(deps: HandlerDeps, query: CallbackQuery): Promise<void> {
  const chat = query.message?.chat;
  const user = toUser(
    query.from,
    chat ?? { id: query.from.id, type: 'private', first_name: '' },
    chat?.type === 'private',
  );
  const decision = await deps.core.admit(user, toChat(chat ?? { id: query.from.id, type: 'private' }));
  if (decision === 'drop') return;
  const slowDown = decision === 'warn' ? translator(user.locale)('bot.slowDownButtons') : undefined;
  await deps.answerCallback(query.id, slowDown).catch((error: unknown) => {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'answerCallbackQuery failed');
  });
  const data = 'data' in query ? query.data : undefined;
  const slug = decision === 'allow' && data ? deps.buttons.slugOf(data) : undefined;
  if (!slug || !chat || !query.message) return;
  const thread = 'text' in query.message ? threadOf(query.message) : undefined;
  const request = { command: 'brief', args: { topic: slug }, user, chat: toChat(chat, thread) };
  const reply = await deps.core.handle(request, { admitted: true });
  if (reply) await send(deps, chat, reply, undefined, thread);
}

/** `@bot words` in any chat: matching briefs, or the latest ones for an empty query. */
export async function onInline(deps: HandlerDeps, query: InlineQuery): Promise<void> {
  const user = toUser(query.from, { id: query.from.id, type: 'private', first_name: '' }, false);
  const decision = await deps.core.admit(user, toChat({ id: query.from.id, type: 'private' }), 'lookup');
  // Over the limit: one empty answer, then silence until the window ends.
  if (decision !== 'allow') {
    if (decision === 'warn') await deps.answerInline(query.id, []).catch(() => undefined);
    return;
  }
  const library = deps.core.library;
  const words = cleanText(query.query).slice(0, 200);
  const briefs = words
    ? library.complete(words, INLINE_RESULTS).flatMap((ref) => library.get(ref.slug) ?? [])
    : library.latest(INLINE_RESULTS);
  // Each brief in the version of the reader's language, as /brief shows it.
  const shown = briefs.map((brief) => pickVersion(library.versionsOf(brief), user.locale).brief);
  await deps.answerInline(query.id, inlineResults(shown)).catch((error: unknown) => {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'answerInlineQuery failed');
  });
}

import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ForumTopics } from './telegram-forum.js';

/**
 * A fake Telegram Bot API on 127.0.0.1: the methods briefbot uses, validated as strictly as
 * Telegram does, with long-polled updates, scripted faults and a log of every call.
 */

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
  /** A supergroup organised in forum topics. */
  is_forum?: boolean;
}

export interface FakeMessage {
  message_id: number;
  date: number;
  chat: FakeChat;
  from?: FakeUser;
  sender_chat?: FakeChat;
  text?: string;
  /** The forum topic the message belongs to; `is_topic_message` is true inside one. */
  message_thread_id?: number;
  is_topic_message?: boolean;
  reply_to_message?: { message_id: number; chat: FakeChat; date: number };
  reply_markup?: unknown;
}

export type Update = { update_id: number } & Record<string, unknown>;

type Params = Record<string, unknown>;

export interface ApiCall {
  method: string;
  params: Params;
  /** performance.now() when the request was read. */
  at: number;
  status: number;
  result?: unknown;
  error?: string;
  /** Accepted, but the answer is being held back (`holdSends`). */
  held?: boolean;
}

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface Fault {
  method: string;
  /** Only calls for this chat. */
  chatId?: number | string;
  /** How many calls fail (default 1); Infinity for all. */
  times?: number;
  /** The error Telegram would answer with. */
  error?: ApiError;
  /** Close the connection without answering (a network error for the client). */
  drop?: boolean;
  /** Answer with this body instead of the API's JSON (a proxy's HTML error page). */
  raw?: { status: number; body: string; contentType?: string };
  /** Read the request and never answer it. */
  hang?: boolean;
}

export type HtmlParse = { ok: true; text: string } | { ok: false; error: string };

const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'blockquote',
  'tg-emoji',
]);
const ENTITY = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(name: string): string {
  if (name in NAMED) return NAMED[name]!;
  const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
}

/** Telegram's HTML parse mode, strictly: unknown tags, unbalanced tags and bare `&` fail. */
export function parseTelegramHtml(html: string): HtmlParse {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const at = (index: number) => `at byte offset ${Buffer.byteLength(html.slice(0, index))}`;
  const fail = (message: string): HtmlParse => ({ ok: false, error: `can't parse entities: ${message}` });
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      const entity = ENTITY.exec(html.slice(i, i + 12));
      if (!entity) return fail(`Unsupported HTML entity ${at(i)}`);
      text += decodeEntity(entity[1]!);
      i += entity[0].length;
    } else if (ch === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) return fail(`Unclosed start tag ${at(i)}`);
      const inner = html.slice(i + 1, close);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        if (stack.length === 0) return fail(`Unexpected end tag ${at(i)}`);
        const open = stack.pop()!;
        if (open !== name) return fail(`Can't find end tag corresponding to start tag "${open}"`);
      } else {
        const match = /^([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-z-]+\s*=\s*"[^"]*")*)\s*$/.exec(inner);
        const name = (match?.[1] ?? /^[^\s>]*/.exec(inner)![0]).toLowerCase();
        if (!TAGS.has(name)) return fail(`Unsupported start tag "${name}" ${at(i)}`);
        if (!match) return fail(`Unclosed start tag ${at(i)}`);
        if (name === 'a') {
          const href = /href\s*=\s*"([^"]*)"/.exec(match[2] ?? '')?.[1];
          if (href === undefined) return fail(`Can't find href in <a> tag ${at(i)}`);
          if (href.includes('&') && !/^(?:[^&]|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)*$/.test(href))
            return fail(`Unsupported HTML entity in attribute ${at(i)}`);
          if (stack.includes('a')) return fail(`Nested links are not allowed ${at(i)}`);
        }
        if (stack.includes('code') || stack.includes('pre')) {
          if (!(name === 'code' && stack[stack.length - 1] === 'pre'))
            return fail(`Entities inside code are not allowed ${at(i)}`);
        }
        stack.push(name);
      }
      i = close + 1;
    } else {
      let end = i + 1;
      while (end < html.length && html[end] !== '<' && html[end] !== '&') end += 1;
      text += html.slice(i, end);
      i = end;
    }
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text };
}

class ApiFailure extends Error {
  constructor(readonly body: ApiError) {
    super(body.description);
  }
}

const badRequest = (description: string): ApiFailure =>
  new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });

/** The text of a message as Telegram stores it, or the error it answers with. */
function messageText(params: Params, field = 'text'): string {
  const raw = params[field];
  if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('message text is empty');
  let text = raw;
  if (params.parse_mode === 'HTML') {
    const parsed = parseTelegramHtml(raw);
    if (!parsed.ok) throw badRequest(parsed.error);
    text = parsed.text;
  } else if (params.parse_mode !== undefined) {
    throw badRequest('unsupported parse_mode');
  }
  text = text.trim();
  if (text === '') throw badRequest('message text is empty');
  if (text.length > 4096) throw badRequest('message is too long');
  return text;
}

function checkKeyboard(markup: unknown): void {
  if (markup === undefined) return;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) throw badRequest('object expected as reply markup');
  for (const row of rows) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row as { text?: unknown; callback_data?: unknown; url?: unknown }[]) {
      if (typeof button.text !== 'string' || button.text === '')
        throw badRequest('text buttons are unallowed in the inline keyboard');
      if (button.callback_data !== undefined) {
        const data = String(button.callback_data);
        const bytes = Buffer.byteLength(data);
        if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
      } else if (button.url === undefined) {
        throw badRequest(
          "can't parse inline keyboard button: InlineKeyboardButton must have exactly one optional field",
        );
      }
    }
  }
}

const now = () => Math.floor(Date.now() / 1000);

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /** Keep every call in `calls` (default); benchmarks listen to `call` events instead. */
  keepLog?: boolean;
  /** Answer every method but getUpdates this much later, like a distant Bot API. */
  latencyMs?: number;
  /** Enforce Telegram's overall limit: at most this many messages in any second, 429 beyond. */
  messagesPerSecond?: number;
  /** Serve the API under this path (a proxy's prefix, e.g. `/telegram`); `url` includes it. */
  basePath?: string;
}

export const FAKE_TOKEN = '123456789:AAH-fake_token_for_tests_0123456789abcdef';

interface Waiter {
  respond: (updates: Update[] | ApiFailure) => void;
  limit: number;
}

export class FakeTelegramApi extends EventEmitter<{
  call: [ApiCall];
  request: [string];
  delivered: [Update, number];
}> {
  readonly token: string;
  readonly bot: FakeUser;
  private readonly keepLog: boolean;
  private readonly latencyMs: number;
  private readonly basePath: string;
  readonly calls: ApiCall[] = [];
  url = '';
  /** What setWebhook was last given. */
  webhook: { url: string; secret_token?: string } | undefined;
  /** setMyCommands per scope type (`default` when none). */
  readonly commands = new Map<string, { command: string; description: string }[]>();

  private server: Server | undefined;
  private pending: Update[] = [];
  private nextUpdateId = 1000;
  private waiter: Waiter | undefined;
  private wakeScheduled = false;
  private readonly faults: Fault[] = [];
  private messagesPerSecond: number | undefined;
  /** When each of the last accepted messages was read (for the per-second limit). */
  private readonly recentSends: number[] = [];
  /** sendMessage calls answered 429 by the per-second limit. */
  rateLimited = 0;
  private holding: { pass: number } | undefined;
  private heldAnswers: (() => void)[] = [];
  private readonly upgraded = new Map<number, number>();
  private readonly chats = new Map<number, FakeChat>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly members = new Map<string, string>();
  private readonly inlineQueries = new Set<string>();
  private readonly callbackQueries = new Set<string>();
  private nextQueryId = 1;
  /** Forum topics of forum supergroups (`createTopic`, `closeTopic`, `deleteTopic`). */
  readonly forum = new ForumTopics();

  constructor(options: FakeTelegramOptions = {}) {
    super();
    this.setMaxListeners(100);
    this.token = options.token ?? FAKE_TOKEN;
    this.keepLog = options.keepLog ?? true;
    this.latencyMs = options.latencyMs ?? 0;
    this.basePath = options.basePath ?? '';
    this.messagesPerSecond = options.messagesPerSecond;
    this.bot = {
      id: Number(this.token.split(':')[0]),
      is_bot: true,
      first_name: 'Brief Bot',
      username: options.botUsername ?? 'BriefTestBot',
    };
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegramApi> {
    const fake = new FakeTelegramApi(options);
    await fake.listen();
    return fake;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.basePath}`;
  }

  async close(): Promise<void> {
    this.waiter?.respond([]);
    this.waiter = undefined;
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---- scripting -------------------------------------------------------------------------

  /** The next matching calls fail as described. */
  fault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Forgets the scripted faults not used up yet. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** From now on at most `perSecond` messages in any second are accepted; beyond, 429 with retry_after. */
  limitRate(perSecond: number | undefined): void {
    this.messagesPerSecond = perSecond;
    this.recentSends.length = 0;
  }

  /**
   * Accepts (and logs) messages as usual but, after the next `pass` ones, holds their answers
   * back until `releaseHeld()`: the bot cannot know that they went out.
   */
  holdSends(pass = 0): void {
    this.holding = { pass };
  }

  /** Answers the held messages and stops holding. */
  releaseHeld(): void {
    this.holding = undefined;
    const answers = this.heldAnswers;
    this.heldAnswers = [];
    for (const answer of answers) answer();
  }

  /**
   * The group becomes a supergroup with a new id, as Telegram does it: messages to the old id
   * fail with 400 and `migrate_to_chat_id`; with `notify`, the service messages are sent (the
   * old group's `migrate_to_chat_id` first, then the new one's `migrate_from_chat_id`).
   */
  upgradeGroup(
    old: FakeChat,
    newId: number,
    { notify = true, by }: { notify?: boolean; by?: FakeUser } = {},
  ): FakeChat {
    const supergroup: FakeChat = { ...old, id: newId, type: 'supergroup' };
    this.chats.set(newId, supergroup);
    this.upgraded.set(old.id, newId);
    for (const [key, status] of [...this.members]) {
      const [chat, userId] = key.split(':');
      if (Number(chat) === old.id) this.members.set(`${newId}:${userId}`, status);
    }
    if (notify) {
      const from = by ?? user(777_000, 'Telegram');
      this.pushUpdate({
        message: { message_id: this.newMessageId(old.id), date: now(), chat: old, from, migrate_to_chat_id: newId },
      });
      this.pushUpdate({
        message: {
          message_id: this.newMessageId(newId),
          date: now(),
          chat: supergroup,
          from,
          migrate_from_chat_id: old.id,
        },
      });
    }
    return supergroup;
  }

  /** Sets what getChatMember answers for a user in a chat (default `member`). */
  setMember(
    chatId: number,
    userId: number,
    status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked',
  ): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  pushUpdate(update: Record<string, unknown>): Update {
    const full = { ...update, update_id: this.nextUpdateId++ };
    this.pending.push(full);
    this.scheduleWake();
    return full;
  }

  /** A user types `text` in `chat`; returns the message as the bot will see it. */
  sendText(chat: FakeChat, from: FakeUser | undefined, text: string, extra: Partial<FakeMessage> = {}): FakeMessage {
    this.chats.set(chat.id, chat);
    const message: FakeMessage = {
      message_id: this.newMessageId(chat.id),
      date: now(),
      chat,
      ...(from ? { from } : {}),
      text,
      ...extra,
    };
    this.pushUpdate(chat.type === 'channel' ? { channel_post: message } : { message });
    return message;
  }

  /** A user types `text` inside a forum topic. */
  sendInTopic(chat: FakeChat, threadId: number, from: FakeUser, text: string): FakeMessage {
    return this.sendText(chat, from, text, { message_thread_id: threadId, is_topic_message: true });
  }

  /** A user presses an inline button under one of the bot's messages; returns the query id. */
  pressButton(message: FakeMessage, from: FakeUser, data: string): string {
    const id = `cb${this.nextQueryId++}`;
    this.callbackQueries.add(id);
    this.pushUpdate({ callback_query: { id, from, message, chat_instance: `ci${message.chat.id}`, data } });
    return id;
  }

  /** A user types `@bot query` in any chat; returns the query id. */
  inlineQuery(from: FakeUser, query: string): string {
    const id = `iq${this.nextQueryId++}`;
    this.inlineQueries.add(id);
    this.pushUpdate({ inline_query: { id, from, query, offset: '', chat_type: 'private' } });
    return id;
  }

  /** Posts an update to a webhook the way Telegram does; returns the HTTP status. */
  async postWebhook(
    target: string,
    update: Record<string, unknown>,
    secret = this.webhook?.secret_token,
  ): Promise<number> {
    return this.postOnce(target, { ...update, update_id: this.nextUpdateId++ }, secret);
  }

  /**
   * Delivers one update to a webhook as Telegram does: a POST with the secret header, retried
   * after a non-2xx answer or a failed connection (up to `attempts`, `retryMs` apart). With
   * `times` > 1 the same update is sent again after a success, as Telegram does when the answer
   * came too late. Returns the update and the status of every POST (0: no connection).
   */
  async deliverWebhook(
    target: string,
    update: Record<string, unknown>,
    options: { secret?: string | undefined; attempts?: number; retryMs?: number; times?: number } = {},
  ): Promise<{ update: Update; statuses: number[] }> {
    const full: Update = { ...update, update_id: this.nextUpdateId++ };
    const secret = 'secret' in options ? options.secret : this.webhook?.secret_token;
    const statuses: number[] = [];
    for (let delivered = 0; delivered < (options.times ?? 1); delivered++) {
      for (let attempt = 1; attempt <= (options.attempts ?? 5); attempt++) {
        const status = await this.postOnce(target, full, secret).catch(() => 0);
        statuses.push(status);
        if (status >= 200 && status < 300) break;
        await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 100));
      }
    }
    return { update: full, statuses };
  }

  private async postOnce(target: string, body: Update, secret: string | undefined): Promise<number> {
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Registers a chat so that the bot may write to it first (a subscriber, a channel). */
  addChat(chat: FakeChat): void {
    this.chats.set(chat.id, chat);
  }

  // ---- reading the log --------------------------------------------------------------------

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent successfully, optionally to one chat. */
  sent(chatId?: number | string): ApiCall[] {
    return this.calls.filter(
      (c) =>
        c.method === 'sendMessage' &&
        c.status === 200 &&
        c.error === undefined &&
        (chatId === undefined || String(c.params.chat_id) === String(chatId)),
    );
  }

  /** Resolves when `check` holds, re-checking after every call; fails after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const onCall = () => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('call', onCall);
        this.off('request', onCall);
      };
      this.on('call', onCall);
      this.on('request', onCall);
    });
  }

  /** Waits until `n` messages were sent successfully (to `chatId` when given). */
  async waitForSent(n: number, chatId?: number | string, timeoutMs = 10_000): Promise<ApiCall[]> {
    return this.waitFor(
      () => {
        const sent = this.sent(chatId);
        return sent.length >= n ? sent : undefined;
      },
      timeoutMs,
      `${n} sent messages`,
    );
  }

  /** Whether a getUpdates long poll is waiting for updates. */
  get polling(): boolean {
    return this.waiter !== undefined;
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  get unconfirmed(): number {
    return this.pending.length;
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(`${this.basePath}/`) ? url.pathname.slice(this.basePath.length) : '';
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
    let params: Params = Object.fromEntries(url.searchParams);
    try {
      const body = await readBody(req);
      if (body) params = { ...params, ...(JSON.parse(body) as Params) };
    } catch {
      return this.answer(
        res,
        { method: match?.[2] ?? '?', params, at },
        new ApiFailure({ error_code: 400, description: 'Bad Request: invalid JSON' }),
      );
    }
    const method = match?.[2] ?? '?';
    const call = { method, params, at };
    if (!match) return this.answer(res, call, new ApiFailure({ error_code: 404, description: 'Not Found' }));
    this.emit('request', method);
    if (match[1] !== this.token)
      return this.answer(res, call, new ApiFailure({ error_code: 401, description: 'Unauthorized' }));
    const fault = this.takeFault(method, params);
    if (fault?.drop) {
      this.record({ ...call, status: 0, error: 'dropped' });
      req.socket.destroy();
      return;
    }
    if (fault?.raw) {
      this.record({ ...call, status: fault.raw.status, error: 'raw body' });
      res.writeHead(fault.raw.status, { 'content-type': fault.raw.contentType ?? 'text/html' });
      res.end(fault.raw.body);
      return;
    }
    if (fault?.hang) {
      this.record({ ...call, status: 0, error: 'no answer' });
      return;
    }
    if (fault?.error) return this.answer(res, call, new ApiFailure(fault.error));
    try {
      if (method === 'getUpdates') return this.getUpdates(res, call);
      this.answer(res, call, this.dispatch(method, params));
    } catch (error) {
      if (error instanceof ApiFailure) return this.answer(res, call, error);
      this.answer(res, call, new ApiFailure({ error_code: 500, description: 'Internal Server Error' }));
    }
  }

  private answer(res: ServerResponse, call: Omit<ApiCall, 'status'>, outcome: unknown): void {
    const failure = outcome instanceof ApiFailure ? outcome.body : undefined;
    const status = failure ? failure.error_code : 200;
    const body = failure ? { ok: false, ...failure } : { ok: true, result: outcome };
    const write = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let held = false;
    if (this.holding && call.method === 'sendMessage' && !failure) {
      if (this.holding.pass > 0) this.holding.pass -= 1;
      else held = true;
    }
    this.record(
      failure
        ? { ...call, status, error: failure.description }
        : { ...call, status, result: outcome, ...(held ? { held } : {}) },
    );
    if (held) this.heldAnswers.push(write);
    else if (this.latencyMs > 0 && call.method !== 'getUpdates') setTimeout(write, this.latencyMs);
    else write();
  }

  private record(call: ApiCall): void {
    if (this.keepLog) this.calls.push(call);
    this.emit('call', call);
  }

  private takeFault(method: string, params: Params): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => f.method === method && (f.chatId === undefined || String(f.chatId) === String(params.chat_id)),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private newMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  // ---- getUpdates -------------------------------------------------------------------------

  private getUpdates(res: ServerResponse, call: Omit<ApiCall, 'status'>): void {
    if (this.webhook) {
      return this.answer(
        res,
        call,
        new ApiFailure({
          error_code: 409,
          description:
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        }),
      );
    }
    const { params } = call;
    const offset = Number(params.offset ?? 0);
    if (offset > 0) {
      // Pending updates are in id order: drop the confirmed head.
      let confirmed = 0;
      while (confirmed < this.pending.length && this.pending[confirmed]!.update_id < offset) confirmed += 1;
      if (confirmed > 0) this.pending.splice(0, confirmed);
    } else if (offset < 0) this.pending = this.pending.slice(offset);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
    const timeout = Math.max(0, Number(params.timeout ?? 0));
    if (this.waiter) {
      this.waiter.respond(
        new ApiFailure({
          error_code: 409,
          description:
            'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        }),
      );
      this.waiter = undefined;
    }
    let done = false;
    const respond = (outcome: Update[] | ApiFailure) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (this.waiter?.respond === respond) this.waiter = undefined;
      if (Array.isArray(outcome)) {
        const delivered = performance.now();
        for (const update of outcome) this.emit('delivered', update, delivered);
      }
      this.answer(res, call, outcome);
    };
    const timer = setTimeout(() => respond([]), timeout * 1000);
    if (this.pending.length > 0 || timeout === 0) return respond(this.pending.slice(0, limit));
    this.waiter = { respond, limit };
    this.emit('request', 'getUpdates');
    res.once('close', () => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        if (this.waiter?.respond === respond) this.waiter = undefined;
      }
    });
  }

  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const waiter = this.waiter;
      if (!waiter || this.pending.length === 0) return;
      this.waiter = undefined;
      waiter.respond(this.pending.slice(0, waiter.limit));
    });
  }

  // ---- the other methods ------------------------------------------------------------------

  private dispatch(method: string, params: Params): unknown {
    switch (method) {
      case 'getMe':
        return {
          ...this.bot,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: true,
        };
      case 'sendMessage':
        return this.sendMessage(params);
      case 'answerCallbackQuery':
        if (!this.callbackQueries.delete(String(params.callback_query_id)))
          throw badRequest('query is too old and response timeout expired or query ID is invalid');
        return true;
      case 'answerInlineQuery':
        return this.answerInlineQuery(params);
      case 'getChatMember':
        return this.getChatMember(params);
      case 'setMyCommands':
        return this.setMyCommands(params);
      case 'deleteWebhook':
        if (params.drop_pending_updates === true) this.pending = [];
        this.webhook = undefined;
        return true;
      case 'setWebhook':
        return this.setWebhook(params);
      case 'getWebhookInfo':
        return {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.pending.length,
        };
      default:
        throw new ApiFailure({ error_code: 404, description: 'Not Found' });
    }
  }

  private chatOf(chatId: unknown): FakeChat {
    const username = typeof chatId === 'string' && chatId.startsWith('@') ? chatId.slice(1).toLowerCase() : undefined;
    const chat = username
      ? [...this.chats.values()].find((c) => c.username?.toLowerCase() === username)
      : this.chats.get(Number(chatId));
    if (!chat) throw badRequest('chat not found');
    return chat;
  }

  private sendMessage(params: Params): FakeMessage {
    const chat = this.chatOf(params.chat_id);
    const movedTo = this.upgraded.get(chat.id);
    if (movedTo !== undefined)
      throw new ApiFailure({
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: movedTo },
      });
    const text = messageText(params);
    checkKeyboard(params.reply_markup);
    const threadRefused = this.forum.refusal(chat, params.message_thread_id);
    if (threadRefused) throw badRequest(threadRefused);
    this.admitMessage();
    const reply = params.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    const known = (this.lastMessageId.get(chat.id) ?? 0) >= (reply?.message_id ?? 0);
    if (reply && !known && !reply.allow_sending_without_reply) throw badRequest('message to be replied not found');
    return {
      message_id: this.newMessageId(chat.id),
      date: now(),
      chat,
      from: this.bot,
      text,
      ...(typeof params.message_thread_id === 'number'
        ? { message_thread_id: params.message_thread_id, is_topic_message: true }
        : {}),
      ...(reply?.message_id !== undefined && known
        ? { reply_to_message: { message_id: reply.message_id, chat, date: now() } }
        : {}),
      ...(params.reply_markup === undefined ? {} : { reply_markup: params.reply_markup }),
    };
  }

  /** Telegram's overall limit, over a sliding second; a message refused here is not sent. */
  private admitMessage(): void {
    const limit = this.messagesPerSecond;
    if (limit === undefined) return;
    const at = performance.now();
    while (this.recentSends.length > 0 && this.recentSends[0]! <= at - 1000) this.recentSends.shift();
    if (this.recentSends.length >= limit) {
      this.rateLimited += 1;
      const wait = Math.max(1, Math.ceil((this.recentSends[0]! + 1000 - at) / 1000));
      throw new ApiFailure({
        error_code: 429,
        description: `Too Many Requests: retry after ${wait}`,
        parameters: { retry_after: wait },
      });
    }
    this.recentSends.push(at);
  }

  private answerInlineQuery(params: Params): boolean {
    if (!this.inlineQueries.delete(String(params.inline_query_id)))
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    const results = params.results as Params[] | undefined;
    if (!Array.isArray(results) || results.length > 50) throw badRequest('RESULTS_TOO_MUCH');
    const ids = new Set<string>();
    for (const result of results) {
      const id = String(result.id ?? '');
      if (id === '' || Buffer.byteLength(id) > 64) throw badRequest('RESULT_ID_INVALID');
      if (ids.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
      ids.add(id);
      if (result.type !== 'article' || typeof result.title !== 'string' || result.title === '')
        throw badRequest('RESULT_TITLE_EMPTY');
      const content = result.input_message_content as Params | undefined;
      if (!content) throw badRequest('MESSAGE_EMPTY');
      try {
        messageText(content, 'message_text');
      } catch (error) {
        if (error instanceof ApiFailure && error.body.description.endsWith('message is too long'))
          throw badRequest('MESSAGE_TOO_LONG');
        throw error;
      }
      checkKeyboard(result.reply_markup);
    }
    return true;
  }

  private getChatMember(params: Params): unknown {
    const chat = this.chatOf(params.chat_id);
    const userId = Number(params.user_id);
    if (!Number.isInteger(userId) || userId <= 0) throw badRequest('invalid user_id specified');
    const status = this.members.get(`${chat.id}:${userId}`) ?? 'member';
    return { status, user: { id: userId, is_bot: false, first_name: `User ${userId}` } };
  }

  private setMyCommands(params: Params): boolean {
    const commands = params.commands as { command?: unknown; description?: unknown }[] | undefined;
    if (!Array.isArray(commands) || commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
    for (const c of commands) {
      if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command))
        throw badRequest('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256)
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    const scope = (params.scope as { type?: string } | undefined)?.type ?? 'default';
    this.commands.set(scope, commands as { command: string; description: string }[]);
    return true;
  }

  private setWebhook(params: Params): boolean {
    const url = String(params.url ?? '');
    if (url === '') {
      this.webhook = undefined;
      return true;
    }
    if (!url.startsWith('https://')) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secret = params.secret_token;
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(secret)))
      throw badRequest('bad webhook: secret token contains unallowed characters');
    this.webhook = { url, ...(secret === undefined ? {} : { secret_token: String(secret) }) };
    if (params.drop_pending_updates === true) this.pending = [];
    return true;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
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
export const forumChat = (id: number, title = `Forum ${-id}`): FakeChat => ({
  id,
  type: 'supergroup',
  title,
  is_forum: true,
});

import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ForumTopics } from './telegram-forum.js';
import { ManualClock, type Clock } from './clock.js';
import { checkKeyboard, messageText } from './telegram-checks.js';
import { ApiFailure, badRequest, forbidden, type ApiError } from './telegram-errors.js';
import { FloodLimits, TELEGRAM_FLOOD_LIMITS, type FloodLimitOptions } from './telegram-limits.js';
import { CALLBACK_QUERY_TTL_MS, INLINE_QUERY_TTL_MS, QueryIds } from './telegram-queries.js';

import { user, type FakeChat, type FakeMessage, type FakeUser } from './telegram-people.js';

export { parseTelegramHtml, type HtmlParse } from './telegram-html.js';
export {
  forumChat,
  groupChat,
  privateChat,
  user,
  type FakeChat,
  type FakeMessage,
  type FakeUser,
} from './telegram-people.js';
export type { ApiError } from './telegram-errors.js';

/**
 * A fake Telegram Bot API on 127.0.0.1: the methods briefbot uses, validated as strictly as
 * Telegram does, with long-polled updates, scripted faults and a log of every call.
 */

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

const now = () => Math.floor(Date.now() / 1000);

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /** Keep every call in `calls` (default); benchmarks listen to `call` events instead. */
  keepLog?: boolean;
  /** Answer every method but getUpdates this much later, like a distant Bot API. */
  latencyMs?: number;
  /** Telegram's overall limit: at most this many messages in any second, 429 beyond (default 30). */
  messagesPerSecond?: number;
  /** Flood limits per chat and per group besides the overall one (Telegram's by default); `false` for none. */
  floodLimits?: Partial<FloodLimitOptions> | false;
  /** Time for query expiry; a ManualClock by default (tests move it). */
  clock?: Clock;
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
  /** setMyDescription / setMyShortDescription: `description:ru`, `short:` (no language). */
  readonly profile = new Map<string, string>();

  private server: Server | undefined;
  private pending: Update[] = [];
  private nextUpdateId = 1000;
  private waiter: Waiter | undefined;
  private wakeScheduled = false;
  private readonly faults: Fault[] = [];
  private floodLimits: FloodLimits | undefined;
  /** Query expiry runs on this clock. */
  readonly clock: Clock;
  private holding: { pass: number } | undefined;
  private heldAnswers: (() => void)[] = [];
  private readonly upgraded = new Map<number, number>();
  private readonly chats = new Map<number, FakeChat>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly members = new Map<string, string>();
  private readonly inlineQueries: QueryIds;
  private readonly callbackQueries: QueryIds;
  /** Users Telegram has seen (they wrote somewhere, pressed a button, used inline mode). */
  private readonly knownUsers = new Set<number>();
  /** Private chats whose user started the bot: the bot may write to them. */
  private readonly started = new Set<number>();
  private nextQueryId = 1;
  /** Forum topics of forum supergroups (`createTopic`, `closeTopic`, `deleteTopic`). */
  readonly forum = new ForumTopics();

  constructor(options: FakeTelegramOptions = {}) {
    super();
    this.setMaxListeners(100);
    this.token = options.token ?? FAKE_TOKEN;
    this.keepLog = options.keepLog ?? true;
    this.latencyMs = options.latencyMs ?? 0;
    this.clock = options.clock ?? new ManualClock();
    this.inlineQueries = new QueryIds(this.clock, INLINE_QUERY_TTL_MS);
    this.callbackQueries = new QueryIds(this.clock, CALLBACK_QUERY_TTL_MS);
    this.floodLimits =
      options.floodLimits === false
        ? undefined
        : new FloodLimits({
            ...TELEGRAM_FLOOD_LIMITS,
            ...(options.messagesPerSecond === undefined ? {} : { perSecond: options.messagesPerSecond }),
            ...options.floodLimits,
          });
    this.basePath = options.basePath ?? '';
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

  /**
   * From now on at most `perSecond` messages in any second are accepted overall (undefined: no
   * overall limit), beyond that 429 with retry_after; the per-chat and per-group limits stay.
   */
  limitRate(perSecond: number | undefined): void {
    const limits = this.floodLimits?.limits ?? { ...TELEGRAM_FLOOD_LIMITS };
    this.floodLimits = new FloodLimits({ ...limits, perSecond });
  }

  /**
   * Replaces the flood limits (Telegram's where not given); `false` turns them off, for a test
   * about something else, which says why.
   */
  setFloodLimits(limits: Partial<FloodLimitOptions> | false): void {
    this.floodLimits = limits === false ? undefined : new FloodLimits({ ...TELEGRAM_FLOOD_LIMITS, ...limits });
  }

  /** sendMessage calls answered 429 by the flood limits. */
  get rateLimited(): number {
    return this.floodLimits?.total ?? 0;
  }

  /** Moves the fake's clock on (a ManualClock only): queries answered now are that much later. */
  advanceClock(ms: number): void {
    if (!(this.clock instanceof ManualClock)) throw new Error('fake telegram: the clock is not a ManualClock');
    this.clock.advance(ms);
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
    this.knownUsers.add(userId);
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
    if (chat.type === 'private') this.started.add(chat.id);
    if (from) this.meet(from, chat);
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
    const id = this.callbackQueries.issue(`cb${this.nextQueryId++}`);
    this.meet(from, message.chat);
    this.pushUpdate({ callback_query: { id, from, message, chat_instance: `ci${message.chat.id}`, data } });
    return id;
  }

  /** A user types `@bot query` in any chat; returns the query id. */
  inlineQuery(from: FakeUser, query: string): string {
    const id = this.inlineQueries.issue(`iq${this.nextQueryId++}`);
    this.meet(from);
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

  /**
   * Registers a chat so that the bot may write to it first (a subscriber, a channel); a private
   * chat with `started: false` is a user who never started the bot (403 on any message).
   */
  addChat(chat: FakeChat, { started = true }: { started?: boolean } = {}): void {
    this.chats.set(chat.id, chat);
    if (chat.type === 'private') {
      this.knownUsers.add(chat.id);
      if (started) this.started.add(chat.id);
    }
  }

  /** Telegram now knows the user, and as a member of `chat` when given. */
  private meet(from: FakeUser, chat?: FakeChat): void {
    this.knownUsers.add(from.id);
    if (chat && chat.type !== 'private' && !this.members.has(`${chat.id}:${from.id}`))
      this.members.set(`${chat.id}:${from.id}`, 'member');
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
        this.callbackQueries.answer(String(params.callback_query_id));
        return true;
      case 'answerInlineQuery':
        return this.answerInlineQuery(params);
      case 'getChatMember':
        return this.getChatMember(params);
      case 'setMyCommands':
        return this.setMyCommands(params);
      case 'setMyDescription':
        return this.setProfile('description', params);
      case 'setMyShortDescription':
        return this.setProfile('short', params);
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

  /** The chat a message goes to: a private one only once its user started the bot. */
  private recipientOf(chatId: unknown): FakeChat {
    const id = Number(chatId);
    const chat = this.chats.get(id);
    const privateChat = chat ? chat.type === 'private' : id > 0 && this.knownUsers.has(id);
    if (privateChat && !this.started.has(id)) throw forbidden("bot can't initiate conversation with a user");
    return this.chatOf(chatId);
  }

  private sendMessage(params: Params): FakeMessage {
    const chat = this.recipientOf(params.chat_id);
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
    this.floodLimits?.admit(chat.id, chat.type !== 'private');
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

  private answerInlineQuery(params: Params): boolean {
    this.inlineQueries.answer(String(params.inline_query_id));
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
    const status = this.members.get(`${chat.id}:${userId}`) ?? (userId === this.bot.id ? 'administrator' : 'left');
    if (!this.knownUsers.has(userId) && userId !== this.bot.id) throw badRequest('user not found');
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
    const language = languageCode(params);
    // Per-language menus are kept apart: `default:ru`; the plain scope is what every other user sees.
    this.commands.set(
      language ? `${scope}:${language}` : scope,
      commands as { command: string; description: string }[],
    );
    return true;
  }

  /** setMyDescription (512) and setMyShortDescription (120), per language_code. */
  private setProfile(kind: 'description' | 'short', params: Params): boolean {
    const max = kind === 'description' ? 512 : 120;
    const text = String(params[kind === 'description' ? 'description' : 'short_description'] ?? '');
    if (text.length > max)
      throw badRequest(`${kind === 'description' ? 'description' : 'short description'} is too long`);
    this.profile.set(`${kind}:${languageCode(params) ?? ''}`, text);
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

/** A Bot API language_code: empty or two lowercase letters. */
function languageCode(params: Params): string | undefined {
  const code = params.language_code;
  if (code === undefined || code === '') return undefined;
  if (typeof code !== 'string' || !/^[a-z]{2}$/.test(code)) throw badRequest('language_code is invalid');
  return code;
}

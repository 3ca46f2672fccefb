import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock, type Clock } from './clock.js';
import { DiscordApiError, invalidFormBody, tooLong, unknownChannel, emptyMessage } from './discord-errors.js';
import { FakeGateway } from './discord-gateway.js';
import { InteractionLedger } from './discord-interaction-ledger.js';
import {
  guildPayload,
  interactionPayload,
  memberPayload,
  messagePayload,
  snowflake,
  storedCommands,
  type InteractionSpec,
} from './discord-payloads.js';
import { RateLimits, type RateLimitOptions } from './discord-rate-limits.js';
import { checkCommands, checkMessage, isEmptyMessage } from './discord-rules.js';
import { admitMessage, channelPayload, createForumPost, Crossposts, findChannel } from './discord-channels.js';

export { PERMISSIONS } from './discord-permissions.js';
export { CHANNEL_TYPES } from './discord-channels.js';
export { snowflake } from './discord-payloads.js';

/**
 * A fake Discord on 127.0.0.1: the REST routes the bot uses (under `/api/v10`) and a gateway that
 * speaks the real protocol (discord-gateway.ts). Every REST request is recorded; faults can be
 * scripted per route. Strict by default, as Discord is: bodies over Discord's limits, a second
 * answer to an interaction or one after 3 s, posts the bot's permissions do not allow and
 * requests over the rate limits are refused with Discord's errors.
 */
export interface RecordedRequest {
  method: string;
  /** Path below the API version, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: string;
  body: unknown;
  at: number;
}

export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface FakeChannelSpec {
  id: string;
  name?: string;
  /** Permissions denied to @everyone in this channel (so to the bot too). */
  deny?: bigint;
  /** Overwrites for roles (type 0) or members (type 1) in this channel. */
  overwrites?: { id: string; type: 0 | 1; allow?: bigint; deny?: bigint }[];
  /** Discord's channel type (CHANNEL_TYPES): 0 text by default, 5 announcement, 10-12 threads, 15 forum. */
  type?: number;
  /** A thread's channel (threads take their permissions from it). */
  parentId?: string;
  /** A thread's owner. */
  ownerId?: string;
  archived?: boolean;
  /** A locked thread stays archived unless someone with Manage Threads sends to it. */
  locked?: boolean;
  /** A forum whose posts need a tag (the REQUIRE_TAG flag). */
  requireTag?: boolean;
  /** A forum's tag ids. */
  tags?: string[];
}

export interface FakeRoleSpec {
  id: string;
  name?: string;
  permissions: bigint;
}

export interface FakeMemberSpec {
  user: FakeUser;
  /** Role ids besides @everyone. */
  roles: string[];
}

export interface FakeGuildSpec {
  id: string;
  name?: string;
  channels: FakeChannelSpec[];
  /** Roles besides @everyone (which has the usual member permissions). */
  roles?: FakeRoleSpec[];
  /** Members GET /guilds/{id}/members/{user} finds; others are Unknown Member. */
  members?: FakeMemberSpec[];
}

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  guilds?: FakeGuildSpec[];
  heartbeatIntervalMs?: number;
  /** Time for interaction deadlines; a ManualClock by default (tests move it). */
  clock?: Clock;
  /** Rate limits (Discord's defaults unless given); `false` turns them off. */
  rateLimits?: RateLimitOptions | false;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: { intents: number; at: number }[] = [];
  readonly resumes: { sessionId: string; seq: number; at: number }[] = [];
  readonly gatewayQueries: string[] = [];
  /** Close codes of gateway connections, as the server saw them. */
  readonly closeCodes: number[] = [];
  readonly commands = { global: [] as Record<string, unknown>[], guild: new Map<string, Record<string, unknown>[]>() };
  readonly botUser: FakeUser & { bot: true; discriminator: string; avatar: null };
  /** Interaction deadlines run on this clock. */
  readonly clock: Clock;
  /** Requests refused with Discord's error (status >= 400), with the error body. */
  readonly refusals: { request: RecordedRequest; status: number; body: unknown }[] = [];
  private readonly faults: Fault[] = [];
  private holding: { pass: number } | undefined;
  private heldAnswers: (() => void)[] = [];
  /** Channel messages accepted whose answers are being held back (`holdMessages`). */
  readonly held: RecordedRequest[] = [];
  /** Channel messages really created; a send folded by its nonce adds nothing here. */
  readonly created: Record<string, unknown>[] = [];
  /** `channel:nonce` -> the message a send with `enforce_nonce` created, as Discord keeps it. */
  private readonly byNonce = new Map<string, Record<string, unknown>>();
  private readonly gateway: FakeGateway;
  private readonly interactions: InteractionLedger;
  readonly rateLimits: RateLimits | undefined;
  /** Publishes to following servers, 10 per channel per hour on the fake's clock. */
  private readonly crossposts: Crossposts;
  private port = 0;

  private constructor(
    private readonly server: Server,
    readonly options: FakeDiscordOptions,
  ) {
    super();
    this.setMaxListeners(100);
    this.botUser = {
      id: snowflake(),
      username: 'briefbot',
      global_name: null,
      bot: true,
      discriminator: '0',
      avatar: null,
    };
    this.clock = options.clock ?? new ManualClock();
    this.interactions = new InteractionLedger(this.clock);
    this.rateLimits = options.rateLimits === false ? undefined : new RateLimits(options.rateLimits ?? {});
    this.gateway = new FakeGateway(this);
    this.crossposts = new Crossposts(this.clock);
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => fake.gateway.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get restUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Moves the fake's clock on (a ManualClock only): answers now come that much later. */
  advanceClock(ms: number): void {
    if (!(this.clock instanceof ManualClock)) throw new Error('fake discord: the clock is not a ManualClock');
    this.clock.advance(ms);
  }

  /** Makes the next matching request(s) fail with this status, body and headers. */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /**
   * Accepts channel messages as usual but, after the next `pass` ones, holds their answers back
   * until `releaseHeld()`: the bot cannot know that they were posted.
   */
  holdMessages(pass = 0): void {
    this.holding = { pass };
  }

  /** Answers the held messages and stops holding. */
  releaseHeld(): void {
    this.holding = undefined;
    const answers = this.heldAnswers;
    this.heldAnswers = [];
    for (const answer of answers) answer();
  }

  /** Forgets faults not yet used up. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** A 429 as Discord sends it, with the headers discord.js's REST reads. */
  rateLimit(path: RegExp, retryAfterSeconds: number, method = 'POST'): void {
    this.fail({
      method,
      path,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': 'fakebucket',
        'x-ratelimit-scope': 'user',
      },
    });
  }

  /** Requests seen so far that match. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Resolves with the first matching request recorded after `since` (index into `requests`). */
  waitForRequest(
    method: string,
    path: RegExp,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<RecordedRequest> {
    const since = options.since ?? 0;
    const match = (r: RecordedRequest) => r.method === method && path.test(r.path);
    const seen = this.requests.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return this.waitFor('request', (r: RecordedRequest) => match(r), options.timeoutMs, `${method} ${path}`);
  }

  /** Resolves when the event fires with a value the predicate accepts. */
  waitFor<T>(event: string, accept: (value: T) => boolean = () => true, timeoutMs = 15_000, what = event): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`fake discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const listener = (value: T) => {
        if (!accept(value)) return;
        clearTimeout(timer);
        this.off(event, listener);
        resolve(value);
      };
      this.on(event, listener);
    });
  }

  /** Closes the gateway connection from the server side, as Discord does on errors. */
  closeGateway(code: number): void {
    this.gateway.closeCurrent(code);
  }

  /** Drops the gateway connection without a close frame, as a network failure would. */
  dropGateway(): void {
    this.gateway.dropCurrent();
  }

  /**
   * Starts the clock on an interaction delivered some other way than the gateway (an HTTP
   * interaction, or a test that calls the REST routes itself): its answers are then checked.
   */
  track(payload: Record<string, unknown>): void {
    this.interactions.register(payload);
  }

  /** Sends an INTERACTION_CREATE (queued for replay if the connection is down). Returns the payload. */
  interact(payload: Record<string, unknown>): Record<string, unknown> {
    this.interactions.register(payload);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  /** An interaction payload with every field discord.js 14.28 reads. */
  interaction(spec: InteractionSpec): Record<string, unknown> {
    const channelId = spec.channelId ?? (spec.guildId ? this.firstChannelOf(spec.guildId) : snowflake());
    return interactionPayload(spec, this.options.applicationId, channelId);
  }

  /** A message as the bot posted it earlier, for component interactions. */
  botMessage(channelId: string, components: unknown[] = []): Record<string, unknown> {
    return messagePayload(channelId, { content: '', embeds: [], components, flags: 0 }, this.botUser);
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- REST ---------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? 'GET';
    const record: RecordedRequest = { method, path, query: url.search, body, at: performance.now() };
    this.requests.push(record);
    this.emit('request', record);

    const fault = this.faults.find((f) => (f.method ?? method) === method && f.path.test(path));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      json(res, fault.status, fault.body ?? { message: 'fault', code: 0 }, fault.headers);
      return;
    }
    const isWebhook = /^\/(interactions|webhooks)\//.test(path);
    if (!isWebhook && req.headers.authorization !== `Bot ${this.options.token}`) {
      json(res, 401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    try {
      const limited = this.rateLimits?.take(method, path, !isWebhook);
      if (limited?.error) throw limited.error;
      for (const [name, value] of Object.entries(limited?.headers ?? {})) res.setHeader(name, value);
      this.route(method, path, body, url, res);
    } catch (error) {
      if (!(error instanceof DiscordApiError)) throw error;
      this.refusals.push({ request: record, status: error.status, body: error.body });
      json(res, error.status, error.body, error.headers);
    }
  }

  private route(method: string, path: string, body: unknown, url: URL, res: ServerResponse): void {
    const app = this.options.applicationId;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return json(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const refused = this.interactions.respond(m[1]!, m[2]!, body);
      if (refused) throw refused;
      if (url.searchParams.get('with_response') === 'true')
        return json(res, 200, { interaction: { id: m[1], type: 2 } });
      return json(res, 204);
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      return this.interactionWebhook(method, m[1]!, m[2] !== undefined, body, res);
    }
    if ((m = /^\/applications\/(\d+)\/commands$/.exec(path)) && m[1] === app) {
      if (method === 'GET') return json(res, 200, this.commands.global);
      if (method === 'PUT') {
        this.commands.global = this.storeCommands(body);
        return json(res, 200, this.commands.global);
      }
    }
    if ((m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path)) && m[1] === app) {
      const guildId = m[2]!;
      if (method === 'GET') return json(res, 200, this.commands.guild.get(guildId) ?? []);
      if (method === 'PUT') {
        const stored = this.storeCommands(body, guildId);
        this.commands.guild.set(guildId, stored);
        return json(res, 200, stored);
      }
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      return this.postMessage(m[1]!, body, res);
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/threads$/.exec(path))) {
      const found = findChannel(this.options.guilds ?? [], m[1]!);
      if (!found) throw unknownChannel();
      const post = createForumPost(found.guild, found.channel, body, this.botUser);
      this.created.push(post.message);
      return json(res, 201, post.payload);
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/crosspost$/.exec(path))) {
      const found = findChannel(this.options.guilds ?? [], m[1]!);
      if (!found) throw unknownChannel();
      const message = this.created.find((x) => x.id === m![2] && x.channel_id === m![1]);
      return json(res, 200, this.crossposts.publish(found.guild, found.channel, message, this.botUser.id));
    }
    if (method === 'GET' && path === '/users/@me') return json(res, 200, this.botUser);
    if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(path))) {
      const found = findChannel(this.options.guilds ?? [], m[1]!);
      if (!found) throw unknownChannel();
      return json(res, 200, channelPayload(found.guild, found.channel, found.guild.channels.indexOf(found.channel)));
    }
    if (method === 'GET' && (m = /^\/guilds\/(\d+)$/.exec(path))) {
      const guild = (this.options.guilds ?? []).find((g) => g.id === m![1]);
      if (!guild) return json(res, 404, { message: 'Unknown Guild', code: 10004 });
      const { channels: _channels, members: _members, ...rest } = guildPayload(guild, this.botUser);
      return json(res, 200, rest);
    }
    if (method === 'GET' && (m = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path))) {
      const guild = (this.options.guilds ?? []).find((g) => g.id === m![1]);
      const member = guild?.members?.find((x) => x.user.id === m![2]);
      if (!guild) return json(res, 404, { message: 'Unknown Guild', code: 10004 });
      if (!member) return json(res, 404, { message: 'Unknown Member', code: 10007 });
      return json(
        res,
        200,
        memberPayload({ discriminator: '0', avatar: null, global_name: null, ...member.user }, member.roles),
      );
    }
    return json(res, 404, { message: '404: Not Found', code: 0 });
  }

  /** Follow-ups and edits of an interaction's answer: only once it was acknowledged. */
  private interactionWebhook(method: string, token: string, original: boolean, body: unknown, res: ServerResponse) {
    const refused = this.interactions.useWebhook(token);
    if (refused) throw refused;
    if (original && method === 'DELETE') return json(res, 204);
    if (original && method === 'GET') return json(res, 200, messagePayload(snowflake(), {}, this.botUser));
    if ((original && method === 'PATCH') || (!original && method === 'POST')) {
      const creating = method === 'POST';
      const issues = checkMessage(body, { creating });
      if (issues.length > 0) throw invalidFormBody(issues);
      if (creating && isEmptyMessage(body)) throw emptyMessage();
      return json(res, 200, messagePayload(snowflake(), body, this.botUser));
    }
    return json(res, 405, { message: '405: Method Not Allowed', code: 0 });
  }

  private postMessage(channelId: string, body: unknown, res: ServerResponse): void {
    const found = findChannel(this.options.guilds ?? [], channelId);
    if (!found) throw unknownChannel();
    admitMessage(found.guild, found.channel, this.botUser.id, body);
    const issues = checkMessage(body, { creating: true });
    const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const { nonce } = fields;
    if (nonce !== undefined && !((typeof nonce === 'string' && nonce.length <= 25) || Number.isInteger(nonce)))
      issues.push(tooLong(['nonce'], 25));
    if (issues.length > 0) throw invalidFormBody(issues);
    if (isEmptyMessage(body)) throw emptyMessage();
    const nonceKey = fields.enforce_nonce === true && nonce !== undefined ? `${channelId}:${String(nonce)}` : undefined;
    // Discord answers a repeated nonce with the message the first send created. A held
    // message is created all the same: only its answer is withheld.
    let message = nonceKey === undefined ? undefined : this.byNonce.get(nonceKey);
    if (!message) {
      message = messagePayload(channelId, body, this.botUser);
      this.created.push(message);
      if (nonceKey !== undefined) this.byNonce.set(nonceKey, message);
    }
    const created = message;
    const answer = () => {
      if (!res.destroyed) json(res, 200, created);
    };
    if (this.holding && this.holding.pass <= 0) {
      this.held.push(this.requests[this.requests.length - 1]!);
      this.heldAnswers.push(answer);
      return;
    }
    if (this.holding) this.holding.pass -= 1;
    return answer();
  }

  private storeCommands(body: unknown, guildId?: string): Record<string, unknown>[] {
    const issues = checkCommands(body);
    if (issues.length > 0) throw invalidFormBody(issues);
    return storedCommands(body, this.options.applicationId, guildId);
  }

  private firstChannelOf(guildId: string): string {
    const guild = (this.options.guilds ?? []).find((g) => g.id === guildId);
    return guild?.channels[0]?.id ?? snowflake();
  }
}

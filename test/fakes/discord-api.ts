import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * A fake Discord on 127.0.0.1: the REST routes the bot uses (under `/api/v10`) and a gateway that
 * speaks the real protocol (HELLO, heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE, RESUME -> replay
 * + RESUMED). Every REST request is recorded; faults can be scripted per route.
 */

export const PERMISSIONS = {
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
} as const;

const MEMBER_DEFAULT =
  PERMISSIONS.ViewChannel |
  PERMISSIONS.SendMessages |
  PERMISSIONS.EmbedLinks |
  PERMISSIONS.ReadMessageHistory |
  PERMISSIONS.UseApplicationCommands;

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
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

interface Session {
  id: string;
  seq: number;
  events: { op: 0; s: number; t: string; d: unknown }[];
  socket: WebSocket | undefined;
}

let counter = 0;
/** A plausible, unique, increasing snowflake. */
export const snowflake = (): string =>
  (((BigInt(Date.now()) - 1420070400000n) << 22n) | BigInt(++counter % 4096)).toString();

const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/** A guild member as the API returns it, in interactions and from GET /guilds/:id/members/:id. */
const memberPayload = (user: unknown, roles: readonly string[]) => ({
  user,
  roles,
  joined_at: '2024-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  nick: null,
  avatar: null,
  premium_since: null,
  communication_disabled_until: null,
});

export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: { intents: number; at: number }[] = [];
  readonly resumes: { sessionId: string; seq: number; at: number }[] = [];
  readonly gatewayQueries: string[] = [];
  /** Close codes of gateway connections, as the server saw them. */
  readonly closeCodes: number[] = [];
  readonly commands = { global: [] as Record<string, unknown>[], guild: new Map<string, Record<string, unknown>[]>() };
  readonly botUser: FakeUser & { bot: true; discriminator: string; avatar: null };
  private readonly faults: Fault[] = [];
  private holding: { pass: number } | undefined;
  private heldAnswers: (() => void)[] = [];
  /** Channel messages accepted whose answers are being held back (`holdMessages`). */
  readonly held: RecordedRequest[] = [];
  /** Channel messages really created; a send folded by its nonce adds nothing here. */
  readonly created: Record<string, unknown>[] = [];
  /** `channel:nonce` -> the message a send with `enforce_nonce` created, as Discord keeps it. */
  private readonly byNonce = new Map<string, Record<string, unknown>>();
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
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
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      fake.gatewayQueries.push(new URL(req.url, 'http://x').search);
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
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
    this.current?.socket?.close(code, 'closed by test');
  }

  /** Drops the gateway connection without a close frame, as a network failure would. */
  dropGateway(): void {
    this.current?.socket?.terminate();
  }

  /** Sends an INTERACTION_CREATE (queued for replay if the connection is down). Returns the payload. */
  interact(payload: Record<string, unknown>): Record<string, unknown> {
    this.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  /** An interaction payload with every field discord.js 14.28 reads. */
  interaction(spec: {
    type: 2 | 3 | 4;
    data: Record<string, unknown>;
    guildId?: string;
    channelId?: string;
    user?: FakeUser;
    /** Member permissions in the channel (guild only). */
    permissions?: bigint;
    message?: Record<string, unknown>;
  }): Record<string, unknown> {
    const user = {
      discriminator: '0',
      avatar: null,
      global_name: null,
      ...(spec.user ?? { id: '200000000000000001', username: 'reader' }),
    };
    const guildId = spec.guildId;
    const channelId = spec.channelId ?? (guildId ? this.firstChannelOf(guildId) : snowflake());
    const base: Record<string, unknown> = {
      id: snowflake(),
      application_id: this.options.applicationId,
      type: spec.type,
      token: `itoken-${snowflake()}`,
      version: 1,
      data: spec.data,
      locale: 'en-US',
      app_permissions: String(MEMBER_DEFAULT),
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (spec.message) base.message = spec.message;
    if (guildId) {
      return {
        ...base,
        guild_id: guildId,
        guild: { id: guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel_id: channelId,
        channel: {
          id: channelId,
          type: 0,
          guild_id: guildId,
          name: 'general',
          flags: 0,
          permissions: String(spec.permissions ?? MEMBER_DEFAULT),
        },
        member: { ...memberPayload(user, []), permissions: String(spec.permissions ?? MEMBER_DEFAULT) },
        authorizing_integration_owners: { '0': guildId },
        context: 0,
      };
    }
    return {
      ...base,
      channel_id: channelId,
      channel: { id: channelId, type: 1, flags: 0, recipients: [user] },
      user,
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  }

  /** A message as the bot posted it earlier, for component interactions. */
  botMessage(channelId: string, components: unknown[] = []): Record<string, unknown> {
    return this.message(channelId, { content: '', embeds: [], components, flags: 0 });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
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
    this.route(method, path, body, url, res);
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
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      if (url.searchParams.get('with_response') === 'true')
        return json(res, 200, { interaction: { id: path.split('/')[2], type: 2 } });
      return json(res, 204);
    }
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      if (method === 'DELETE') return json(res, 204);
      if (method === 'PATCH' || method === 'GET') return json(res, 200, this.message(snowflake(), body));
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) {
      return json(res, 200, this.message(snowflake(), body));
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
      const channelId = m[1]!;
      const known = (this.options.guilds ?? []).some((g) => g.channels.some((c) => c.id === channelId));
      if (!known) return json(res, 404, { message: 'Unknown Channel', code: 10003 });
      const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      const { nonce } = fields;
      if (nonce !== undefined && !((typeof nonce === 'string' && nonce.length <= 25) || Number.isInteger(nonce)))
        return json(res, 400, {
          message: 'Invalid Form Body',
          code: 50035,
          errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } },
        });
      const nonceKey =
        fields.enforce_nonce === true && nonce !== undefined ? `${channelId}:${String(nonce)}` : undefined;
      // Discord answers a repeated nonce with the message the first send created. A held
      // message is created all the same: only its answer is withheld.
      let message = nonceKey === undefined ? undefined : this.byNonce.get(nonceKey);
      if (!message) {
        message = this.message(channelId, body);
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
    if (method === 'GET' && path === '/users/@me') return json(res, 200, this.botUser);
    if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(path))) {
      for (const guild of this.options.guilds ?? []) {
        const index = guild.channels.findIndex((c) => c.id === m![1]);
        const channels = this.guildPayload(guild).channels as Record<string, unknown>[];
        if (index >= 0) return json(res, 200, { ...channels[index], guild_id: guild.id });
      }
      return json(res, 404, { message: 'Unknown Channel', code: 10003 });
    }
    if (method === 'GET' && (m = /^\/guilds\/(\d+)$/.exec(path))) {
      const guild = (this.options.guilds ?? []).find((g) => g.id === m![1]);
      if (!guild) return json(res, 404, { message: 'Unknown Guild', code: 10004 });
      const { channels: _channels, members: _members, ...rest } = this.guildPayload(guild);
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

  /** Stores commands the way Discord returns them: ids, version and defaults filled in. */
  private storeCommands(body: unknown, guildId?: string): Record<string, unknown>[] {
    const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
    return list.map((c) => ({
      id: snowflake(),
      application_id: this.options.applicationId,
      version: snowflake(),
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      ...(guildId ? { guild_id: guildId } : { dm_permission: true }),
      ...c,
      options: ((c.options as Record<string, unknown>[] | undefined) ?? []).map((o) => {
        const { required, autocomplete, ...rest } = o;
        return { ...rest, ...(required ? { required: true } : {}), ...(autocomplete ? { autocomplete: true } : {}) };
      }),
    }));
  }

  private message(channelId: string, body: unknown): Record<string, unknown> {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: b.content ?? '',
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: b.flags ?? 0,
      ...(b.nonce === undefined ? {} : { nonce: b.nonce }),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
  }

  // --- gateway ------------------------------------------------------------------------------------

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', (code) => {
      this.closeCodes.push(code);
      this.sockets.delete(ws);
      if (this.current?.socket === ws) this.current.socket = undefined;
      this.emit('gatewayClosed');
    });
    ws.on('error', () => undefined);
    ws.send(
      JSON.stringify({
        op: 10,
        s: null,
        t: null,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 },
      }),
    );
    ws.on('message', (data) => {
      let payload: { op: number; d: Record<string, unknown> | number | null };
      try {
        payload = JSON.parse(String(data)) as typeof payload;
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      this.onOp(ws, payload);
    });
  }

  private onOp(ws: WebSocket, payload: { op: number; d: Record<string, unknown> | number | null }): void {
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
        return;
      case 2: {
        if (d.token !== this.options.token) {
          ws.close(4004, 'Authentication failed');
          return;
        }
        this.identifies.push({ intents: Number(d.intents), at: Date.now() });
        const session: Session = { id: snowflake(), seq: 0, events: [], socket: ws };
        this.sessions.set(session.id, session);
        this.current = session;
        const guilds = this.options.guilds ?? [];
        this.dispatch('READY', {
          v: 10,
          user_settings: {},
          user: { ...this.botUser, flags: 0, mfa_enabled: false, verified: true },
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: session.id,
          session_type: 'normal',
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.options.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          geo_ordered_rtc_regions: [],
          guild_join_requests: [],
        });
        for (const guild of guilds) this.dispatch('GUILD_CREATE', this.guildPayload(guild));
        this.emit('identified');
        return;
      }
      case 6: {
        const session = this.sessions.get(String(d.session_id));
        if (!session || d.token !== this.options.token) {
          ws.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
          return;
        }
        this.resumes.push({ sessionId: session.id, seq: Number(d.seq), at: Date.now() });
        session.socket = ws;
        this.current = session;
        for (const event of session.events) if (event.s > Number(d.seq)) ws.send(JSON.stringify(event));
        this.dispatch('RESUMED', {});
        this.emit('resumed');
        return;
      }
      default:
        return;
    }
  }

  private dispatch(t: string, d: unknown): void {
    const session = this.current;
    if (!session) throw new Error('fake discord: no gateway session to dispatch on');
    const event = { op: 0 as const, s: ++session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(event));
  }

  private firstChannelOf(guildId: string): string {
    const guild = (this.options.guilds ?? []).find((g) => g.id === guildId);
    return guild?.channels[0]?.id ?? snowflake();
  }

  private guildPayload(guild: FakeGuildSpec): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name ?? 'Test guild',
      icon: null,
      owner_id: '100000000000000001',
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: '2024-01-01T00:00:00.000Z',
      features: [],
      premium_tier: 0,
      system_channel_flags: 0,
      preferred_locale: 'en-US',
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: String(MEMBER_DEFAULT),
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        ...(guild.roles ?? []).map((role, i) => ({
          id: role.id,
          name: role.name ?? `role-${i + 1}`,
          permissions: String(role.permissions),
          position: i + 1,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        })),
      ],
      channels: guild.channels.map((c, position) => ({
        id: c.id,
        type: 0,
        name: c.name ?? `channel-${position}`,
        position,
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
        permission_overwrites: [
          ...(c.deny ? [{ id: guild.id, type: 0, allow: '0', deny: String(c.deny) }] : []),
          ...(c.overwrites ?? []).map((o) => ({
            id: o.id,
            type: o.type,
            allow: String(o.allow ?? 0n),
            deny: String(o.deny ?? 0n),
          })),
        ],
      })),
      members: [
        { user: this.botUser, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      ],
      threads: [],
      emojis: [],
      stickers: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}

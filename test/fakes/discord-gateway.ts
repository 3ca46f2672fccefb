import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { FakeDiscordOptions } from './discord-api.js';
import { guildPayload, snowflake } from './discord-payloads.js';

interface Session {
  id: string;
  seq: number;
  events: { op: 0; s: number; t: string; d: unknown }[];
  socket: WebSocket | undefined;
}

/** What the gateway reads from and reports to the fake it belongs to. */
export interface GatewayHost {
  readonly options: FakeDiscordOptions;
  readonly botUser: unknown;
  readonly gatewayUrl: string;
  readonly identifies: { intents: number; at: number }[];
  readonly resumes: { sessionId: string; seq: number; at: number }[];
  readonly gatewayQueries: string[];
  readonly closeCodes: number[];
  emit(event: string, ...args: unknown[]): boolean;
}

/**
 * The gateway as Discord speaks it: HELLO, heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE,
 * RESUME -> replay + RESUMED; events are kept per session for replay.
 */
export class FakeGateway {
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly host: GatewayHost) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!req.url?.startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    this.host.gatewayQueries.push(new URL(req.url, 'http://x').search);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
  }

  /** Closes the connection from the server side, as Discord does on errors. */
  closeCurrent(code: number): void {
    this.current?.socket?.close(code, 'closed by test');
  }

  /** Drops the connection without a close frame, as a network failure would. */
  dropCurrent(): void {
    this.current?.socket?.terminate();
  }

  dispatch(t: string, d: unknown): void {
    const session = this.current;
    if (!session) throw new Error('fake discord: no gateway session to dispatch on');
    const event = { op: 0 as const, s: ++session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(event));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', (code) => {
      this.host.closeCodes.push(code);
      this.sockets.delete(ws);
      if (this.current?.socket === ws) this.current.socket = undefined;
      this.host.emit('gatewayClosed');
    });
    ws.on('error', () => undefined);
    ws.send(
      JSON.stringify({
        op: 10,
        s: null,
        t: null,
        d: { heartbeat_interval: this.host.options.heartbeatIntervalMs ?? 41_250 },
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
      case 2:
        return this.identify(ws, d);
      case 6:
        return this.resume(ws, d);
      default:
        return;
    }
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    const { options } = this.host;
    if (d.token !== options.token) {
      ws.close(4004, 'Authentication failed');
      return;
    }
    this.host.identifies.push({ intents: Number(d.intents), at: Date.now() });
    const session: Session = { id: snowflake(), seq: 0, events: [], socket: ws };
    this.sessions.set(session.id, session);
    this.current = session;
    const guilds = options.guilds ?? [];
    this.dispatch('READY', {
      v: 10,
      user_settings: {},
      user: { ...(this.host.botUser as object), flags: 0, mfa_enabled: false, verified: true },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.host.gatewayUrl,
      shard: [0, 1],
      application: { id: options.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      geo_ordered_rtc_regions: [],
      guild_join_requests: [],
    });
    for (const guild of guilds) this.dispatch('GUILD_CREATE', guildPayload(guild, this.host.botUser));
    this.host.emit('identified');
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): void {
    const session = this.sessions.get(String(d.session_id));
    if (!session || d.token !== this.host.options.token) {
      ws.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
      return;
    }
    this.host.resumes.push({ sessionId: session.id, seq: Number(d.seq), at: Date.now() });
    session.socket = ws;
    this.current = session;
    for (const event of session.events) if (event.s > Number(d.seq)) ws.send(JSON.stringify(event));
    this.dispatch('RESUMED', {});
    this.host.emit('resumed');
  }
}

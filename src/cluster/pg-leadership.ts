import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../core/logger.js';
import { LOCK_SPACE } from '../store/pg/migrate.js';
import { clientConfig, describeDatabase } from '../store/pg/pool.js';
import type { Leadership } from './leadership.js';

/** The advisory lock (in `LOCK_SPACE`) whose holder runs the fan-out. */
export const LEADER_LOCK = 2;
const APP_PREFIX = 'briefbot:';

export interface PgLeadershipOptions {
  url: string;
  instanceId: string;
  logger: Logger;
  /** For `leaderId()`: any pool on the same database. */
  pool: pg.Pool;
  /** How often a follower tries the lock and the leader checks its connection. */
  pollMs?: number;
  /** A check slower than this counts as a lost connection. */
  checkTimeoutMs?: number;
}

/**
 * Leader election with a PostgreSQL session advisory lock held on a dedicated connection.
 * The server releases the lock the moment that connection ends (the process died, the
 * connection broke, the server restarted), so there is no lease clock to trust; a follower
 * tries the lock every `pollMs`. The leader checks its connection as often and steps down
 * as soon as it fails, before a follower can have taken over. Emits `change` (leader: boolean).
 */
export class PgLeadership extends EventEmitter implements Leadership {
  readonly instanceId: string;
  private leader = false;
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> = Promise.resolve();
  private readonly pollMs: number;
  private readonly checkTimeoutMs: number;
  /** A leader that lost its connection waits this long before trying again, so a healthy follower wins. */
  private standDownUntil = 0;

  constructor(private readonly options: PgLeadershipOptions) {
    super();
    this.instanceId = options.instanceId;
    this.pollMs = options.pollMs ?? 2_000;
    this.checkTimeoutMs = options.checkTimeoutMs ?? 3_000;
  }

  isLeader(): boolean {
    return this.leader;
  }

  async leaderId(): Promise<string | undefined> {
    if (this.leader) return this.instanceId;
    // The row names the last leader; the lock, held by that row's session, says it still leads.
    const { rows } = await this.options.pool.query<{ id: string }>(
      `SELECT c.instance_id AS id FROM cluster_leader c JOIN pg_locks l ON l.pid = c.backend_pid
         WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [LOCK_SPACE, LEADER_LOCK],
    );
    return rows[0]?.id;
  }

  /** Starts trying for the lock at once, then every `pollMs`. */
  start(): void {
    this.schedule(0);
  }

  /** Steps down (releasing the lock so a follower takes over at its next try) and stops trying. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    const client = this.client;
    this.client = undefined;
    this.setLeader(false, 'stopping');
    await client?.end().catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => this.schedule(this.pollMs));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const client = this.client ?? (await this.connect());
      if (this.leader) {
        await client.query('SELECT 1');
        return;
      }
      if (Date.now() < this.standDownUntil) return;
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [
        LOCK_SPACE,
        LEADER_LOCK,
      ]);
      if (!rows[0]?.got) return;
      await client.query(
        `INSERT INTO cluster_leader (id, instance_id, backend_pid, since) VALUES (1, $1, pg_backend_pid(), $2)
           ON CONFLICT (id) DO UPDATE SET instance_id = excluded.instance_id, backend_pid = excluded.backend_pid,
             since = excluded.since`,
        [this.instanceId, Date.now()],
      );
      if (!this.stopped) this.setLeader(true, 'took the leader lock');
    } catch (error) {
      this.dropConnection(error);
    }
  }

  private async connect(): Promise<pg.Client> {
    const name = `${APP_PREFIX}${this.instanceId}`.slice(0, 63);
    const client = new pg.Client({ ...clientConfig(this.options.url, name), query_timeout: this.checkTimeoutMs });
    client.on('error', (error) => this.dropConnection(error));
    try {
      await client.connect();
      // The server notices a leader cut off by the network within ~10 s and frees the lock.
      await client.query('SET tcp_keepalives_idle = 4; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 2');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private dropConnection(error: unknown): void {
    const client = this.client;
    this.client = undefined;
    void client?.end().catch(() => undefined);
    if (this.leader) {
      this.standDownUntil = Date.now() + 2 * this.pollMs;
      const reason = error instanceof Error ? error.message : String(error);
      this.options.logger.warn(
        { instance: this.instanceId, database: describeDatabase(this.options.url), reason },
        'lost the connection that holds the leader lock; this instance stops sending',
      );
    }
    this.setLeader(false, 'connection lost');
  }

  private setLeader(leader: boolean, why: string): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.options.logger.info(
      { instance: this.instanceId, leader, why },
      leader ? 'this instance leads' : 'this instance follows',
    );
    this.emit('change', leader);
  }
}

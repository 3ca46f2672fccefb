import type { FastifyPluginAsync } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from '../core/metrics.js';
import type { Platform } from '../core/types.js';

/** Values read when Prometheus scrapes, rather than counted as they happen. */
export interface MetricSources {
  pendingDeliveries(): Promise<number>;
  isLeader(): boolean;
  briefsLoaded(): number;
  contentErrors(): number;
}

/** Every metric briefbot exports, in its own registry (several apps may share one test process). */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private sources: MetricSources | undefined;
  private readonly commands: Counter<'platform' | 'command'>;
  private readonly latency: Histogram<'platform'>;
  private readonly deliveries: Counter<'platform' | 'outcome'>;
  private readonly rateLimits: Counter<'platform'>;

  constructor() {
    const registers = [this.registry];
    this.commands = new Counter({
      name: 'briefbot_commands_total',
      help: 'Commands answered, by platform and command',
      labelNames: ['platform', 'command'],
      registers,
    });
    this.latency = new Histogram({
      name: 'briefbot_reply_seconds',
      help: 'Time from a command reaching the bot to its reply being ready',
      labelNames: ['platform'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.deliveries = new Counter({
      name: 'briefbot_deliveries_total',
      help: 'Subscription deliveries by outcome (sent, failed)',
      labelNames: ['platform', 'outcome'],
      registers,
    });
    this.rateLimits = new Counter({
      name: 'briefbot_rate_limited_total',
      help: 'Responses 429 (too many requests) received from a platform',
      labelNames: ['platform'],
      registers,
    });
    const sources = () => this.sources;
    new Gauge({
      name: 'briefbot_deliveries_pending',
      help: 'Deliveries owed and not yet sent',
      registers,
      async collect() {
        const from = sources();
        if (from) this.set(await from.pendingDeliveries().catch(() => Number.NaN));
      },
    });
    new Gauge({
      name: 'briefbot_leader',
      help: '1 when this instance runs the fan-out, else 0',
      registers,
      collect() {
        this.set(sources()?.isLeader() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'briefbot_briefs_loaded',
      help: 'Briefs being served',
      registers,
      collect() {
        this.set(sources()?.briefsLoaded() ?? 0);
      },
    });
    new Gauge({
      name: 'briefbot_content_errors',
      help: 'Content files with errors (bad files are skipped or keep their last good version)',
      registers,
      collect() {
        this.set(sources()?.contentErrors() ?? 0);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'briefbot_' });
  }

  /** Connects the values read at scrape time, once the parts that hold them exist. */
  observe(sources: MetricSources): void {
    this.sources = sources;
  }

  commandAnswered(platform: Platform, command: string, seconds: number): void {
    this.commands.inc({ platform, command });
    this.latency.observe({ platform }, seconds);
  }

  deliveryEnded(platform: Platform, outcome: 'sent' | 'failed'): void {
    this.deliveries.inc({ platform, outcome });
  }

  rateLimited(platform: Platform): void {
    this.rateLimits.inc({ platform });
  }
}

/** `GET /metrics`: the Prometheus text format. */
export function metricsRoutes(metrics: PromMetrics): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    });
  };
}

import type { Leadership } from '../cluster/leadership.js';
import type { Logger } from '../core/logger.js';
import { healthRoutes } from './health.js';
import { metricsRoutes, type PromMetrics } from './metrics.js';
import { HttpServer } from './server.js';

export interface FrontOptions {
  logger: Logger;
  leadership: Leadership;
  metrics: PromMetrics;
  /** Undefined when ready to take traffic; otherwise why not. */
  notReady(): Promise<string | undefined>;
}

/**
 * The listener with what every instance serves (health, readiness, metrics). Platform adapters
 * and later features add their own plugins through `register` before it starts.
 */
export function createFront(options: FrontOptions): HttpServer {
  const server = new HttpServer(options.logger);
  const startedAt = performance.now();
  server.register(
    'health',
    healthRoutes({
      instanceId: options.leadership.instanceId,
      isLeader: () => options.leadership.isLeader(),
      startedAt,
      notReady: options.notReady,
    }),
  );
  server.register('metrics', metricsRoutes(options.metrics));
  return server;
}

/** Rejects when `work` takes longer than `ms`, naming `what`. */
export async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

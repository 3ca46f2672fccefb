import type { FastifyPluginAsync } from 'fastify';

export interface HealthSource {
  instanceId: string;
  isLeader(): boolean;
  /** performance.now() when the process started serving. */
  startedAt: number;
  /** Undefined when ready to take traffic; otherwise why not. */
  notReady(): Promise<string | undefined>;
}

/** `GET /healthz` (the process runs) and `GET /readyz` (content loaded, database answering). */
export function healthRoutes(source: HealthSource): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({
      instance: source.instanceId,
      leader: source.isLeader(),
      uptime_s: Math.round((performance.now() - source.startedAt) / 1000),
    }));
    app.get('/readyz', async (_request, reply) => {
      const reason = await source.notReady().catch((error: unknown) => `check failed: ${(error as Error).message}`);
      if (reason) return reply.code(503).send({ ready: false, reason });
      return { ready: true };
    });
  };
}

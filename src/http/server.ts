import Fastify, { type FastifyError, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Logger } from '../core/logger.js';

/** Larger bodies are refused with 413 from their Content-Length, before any of it is read. */
export const BODY_LIMIT = 1024 * 1024;
/** A request still not fully received after this long is cut off. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Where features add their routes: each one is a Fastify plugin, registered before the listener
 * starts. Plugins are encapsulated, so a feature's hooks and body parsers stay its own.
 */
export interface HttpRoutes {
  register(name: string, plugin: FastifyPluginAsync): void;
}

/** The one HTTP listener of an instance: webhooks, Discord interactions, health, metrics, later more. */
export class HttpServer implements HttpRoutes {
  private readonly app: FastifyInstance;
  private readonly names = new Set<string>();
  private listening = false;

  constructor(private readonly logger: Logger) {
    this.app = Fastify({
      logger: false,
      bodyLimit: BODY_LIMIT,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionTimeout: 60_000,
      keepAliveTimeout: 5_000,
      return503OnClosing: true,
      forceCloseConnections: 'idle',
    });
    this.app.server.headersTimeout = REQUEST_TIMEOUT_MS;
    this.app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) logger.error({ err: error, url: request.routeOptions.url }, 'http request failed');
      void reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message });
    });
  }

  register(name: string, plugin: FastifyPluginAsync): void {
    if (this.listening) throw new Error(`http: routes of ${name} must be registered before the listener starts`);
    if (this.names.has(name)) throw new Error(`http: ${name} is registered twice`);
    this.names.add(name);
    void this.app.register(plugin);
  }

  /** Starts listening on all interfaces; resolves with the port (useful with port 0). */
  async listen(port: number): Promise<number> {
    this.listening = true;
    await this.app.listen({ port, host: '::' }).catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== 'EAFNOSUPPORT') throw error;
      await this.app.listen({ port, host: '0.0.0.0' });
    });
    const address = this.app.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    this.logger.info({ port: bound, routes: [...this.names] }, 'http listener started');
    return bound;
  }

  /** Fastify itself, for tests that inject requests. */
  get fastify(): FastifyInstance {
    return this.app;
  }

  /**
   * Stops accepting, lets requests under way finish for up to `graceMs`, then cuts every
   * connection left (half-sent requests, slow clients), so that stopping always ends.
   */
  async close(graceMs: number): Promise<void> {
    if (!this.listening) return;
    const cut = setTimeout(() => this.app.server.closeAllConnections(), graceMs);
    try {
      await this.app.close();
    } finally {
      clearTimeout(cut);
    }
  }
}

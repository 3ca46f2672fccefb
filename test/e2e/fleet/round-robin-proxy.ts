import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Which backend (index into the ports) each request went to, in arrival order. */
  readonly routed: number[];
  close(): Promise<void>;
}

/**
 * A load balancer in a few lines: each request goes to the next backend in turn; a backend
 * that refuses the connection (a killed instance) is skipped, as a load balancer's health check
 * would take it out of rotation.
 */
export async function startRoundRobinProxy(ports: () => readonly number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const routed: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const backends = ports();
      const attempt = (tries: number): void => {
        const index = next++ % backends.length;
        const upstream = request(
          { host: '127.0.0.1', port: backends[index], method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            routed.push(index);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => {
          if (tries + 1 < backends.length && !res.headersSent) attempt(tries + 1);
          else if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { startEmbeddedPostgres } from '../test/helpers/embedded-postgres.js';

/** Runs `run` with an empty PostgreSQL database: BENCH_DATABASE_URL, else an embedded server started here. */
export async function withPostgres<T>(run: (url: string) => Promise<T>): Promise<T> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return run(given);
  const server = await startEmbeddedPostgres('briefbot-bench-pg');
  try {
    return await run(server.url);
  } finally {
    await server.stop();
  }
}

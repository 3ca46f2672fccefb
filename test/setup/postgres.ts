import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../helpers/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An administrator URL of the PostgreSQL server the tests share; each file makes its own database. */
    postgresUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run: `TEST_DATABASE_URL` when set, otherwise a real
 * server from the embedded-postgres binaries on a free port and a temporary data folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('postgresUrl', given);
    return async () => {};
  }
  const server = await startEmbeddedPostgres('briefbot-pg');
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

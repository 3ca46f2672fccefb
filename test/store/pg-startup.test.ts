import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/store/pg/pg-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

interface LogLine {
  msg: string;
  retryInMs?: number;
  attempt?: number;
}

function capture(): { logger: pino.Logger; lines: LogLine[]; raw: string[] } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        raw.push(chunk.toString());
        lines.push(JSON.parse(chunk.toString()) as LogLine);
        done();
      },
    }),
  );
  return { logger, lines, raw };
}

describe('opening PostgreSQL at start-up', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('waits for a database that does not answer yet, with growing waits and a clear line each time', async () => {
    const target = new URL(db.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port));
    proxy.cut();
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const { logger, lines, raw } = capture();
    const opening = openPgStore(url.toString(), logger, { wait: { firstWaitMs: 20, maxWaitMs: 80 } });
    const started = Date.now();
    while (lines.filter((l) => l.retryInMs !== undefined).length < 4) {
      if (Date.now() - started > 10_000) throw new Error('no retry lines');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    proxy.restore();
    const store = await opening;
    expect(await store.subscribe({ platform: 'telegram', chatId: 'g1' }, 'water', 'u1')).toBe('added');
    await store.close();
    await proxy.close();

    const waits = lines.filter((l) => l.retryInMs !== undefined).map((l) => l.retryInMs);
    expect(waits.slice(0, 4)).toEqual([20, 40, 80, 80]);
    expect(lines[0]!.msg).toMatch(
      /^the database at 127\.0\.0\.1:\d+\/briefbot_test_\w+ is not answering \(.+\); trying again in 0\.02 s$/,
    );
    expect(lines.at(-1)!.msg).toBe('the database answers');
    const password = new URL(db.url).password;
    expect(raw.join('')).not.toContain(password);
  });

  it('fails at once on what waiting cannot mend: a wrong password', async () => {
    const url = new URL(db.url);
    url.password = 'wrong-password';
    const { logger, lines } = capture();
    await expect(openPgStore(url.toString(), logger)).rejects.toThrow(/password authentication failed/);
    expect(lines).toEqual([]);
  });
});

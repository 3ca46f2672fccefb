import { afterEach, describe, expect, it } from 'vitest';
import { logIn, startConsoleServer, type ConsoleServer } from './console-server.js';

const PASSWORD = 'a long console password';

describe('console data pages', () => {
  let server: ConsoleServer;
  afterEach(() => server?.close());

  it('pages deliveries on the server and filters them by status, with the platform reason', async () => {
    server = await startConsoleServer(PASSWORD, []);
    const chats = Array.from({ length: 120 }, (_, i) => ({ platform: 'telegram', chatId: `c${i}` }));
    await server.data.announce('water-brief', 'v1', 'New', chats);
    const [failing] = await server.data.claimDue('telegram', Date.now() + 1, 1, 60_000);
    await server.data.finish(failing!.id, 'failed', 'Forbidden: bot was blocked by the user');
    const { cookie } = await logIn(server.url, PASSWORD);
    const page = async (q: string) =>
      (await fetch(`${server.url}/console/deliveries?${q}`, { headers: { cookie } })).text();
    const rows = (html: string) => (html.match(/<tr>/g) ?? []).length - 1;
    const first = await page('');
    expect(rows(first)).toBe(50);
    expect(first).toContain('Next →');
    const third = await page('page=3');
    expect(rows(third)).toBe(20);
    expect(third).not.toContain('Next →');
    const failed = await page('status=failed');
    expect(rows(failed)).toBe(1);
    expect(failed).toContain('Forbidden: bot was blocked by the user');
  });

  it('filters the audit log by who, where, outcome and date', async () => {
    server = await startConsoleServer(PASSWORD, []);
    const post = (at: string, userName: string, target: string, outcome: 'ok' | 'forbidden') =>
      server.data.recordPost({
        at: new Date(at),
        platform: 'telegram',
        userId: `id-${userName}`,
        userName,
        fromChatId: '1',
        targetChatId: target,
        slug: 'water-brief',
        version: 'v1',
        outcome,
        messageIds: [],
      });
    await post('2026-01-01T10:00:00Z', 'ana', '@news', 'ok');
    await post('2026-01-02T10:00:00Z', 'ben', '@news', 'forbidden');
    await post('2026-01-03T10:00:00Z', 'ana', '@other', 'ok');
    const { cookie } = await logIn(server.url, PASSWORD);
    const who = async (q: string) => {
      const html = await (await fetch(`${server.url}/console/audit?${q}`, { headers: { cookie } })).text();
      return [...html.matchAll(/<td>([a-z]+) <small>/g)].map((m) => m[1]);
    };
    expect(await who('')).toEqual(['ana', 'ben', 'ana']);
    expect(await who('who=ana')).toEqual(['ana', 'ana']);
    expect(await who('where=%40news')).toEqual(['ben', 'ana']);
    expect(await who('outcome=forbidden')).toEqual(['ben']);
    expect(await who('from=2026-01-02&to=2026-01-02')).toEqual(['ben']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { makeBrief } from '../helpers/briefs.js';
import { logIn, startConsoleServer, type ConsoleServer } from './console-server.js';

const PASSWORD = 'a long console password';
const hostile = '<img src=x onerror=alert(1)>';
const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

describe('console security', () => {
  let server: ConsoleServer;
  afterEach(() => server?.close());

  it('needs a session for every page and action', async () => {
    server = await startConsoleServer(PASSWORD, [makeBrief({ slug: 'a' })]);
    for (const path of [
      '/console/briefs',
      '/console/briefs/a',
      '/console/chats',
      '/console/deliveries',
      '/console/audit',
    ]) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect([path, res.status, res.headers.get('location')]).toEqual([path, 303, '/console/login']);
    }
    expect((await fetch(`${server.url}/console/briefs/a/preview`)).status).toBe(401);
    expect((await fetch(`${server.url}/console/chats/resume`, form({ platform: 'telegram', chat: '1' }))).status).toBe(
      401,
    );
    const forged = 'briefbot_console=99999999999999.abc.def';
    expect(
      (await fetch(`${server.url}/console/briefs`, { headers: { cookie: forged }, redirect: 'manual' })).status,
    ).toBe(303);
  });

  it('sets an HttpOnly SameSite=Strict cookie, Secure behind https, and never logs the password', async () => {
    server = await startConsoleServer(PASSWORD, []);
    const plain = await fetch(`${server.url}/console/login`, form({ password: PASSWORD }));
    expect(plain.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict$/);
    const proxied = await fetch(`${server.url}/console/login`, {
      ...form({ password: PASSWORD }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Secure$/);
    await fetch(`${server.url}/console/login`, form({ password: 'wrong password here' }));
    expect(server.logs()).not.toContain(PASSWORD);
    expect(server.logs()).not.toContain('wrong password here');
  });

  it('refuses a form without the session CSRF token', async () => {
    server = await startConsoleServer(PASSWORD, []);
    await server.data.subscribe({ platform: 'telegram', chatId: '-5' }, 'water', 'u');
    await server.data.deactivateChat({ platform: 'telegram', chatId: '-5' }, 'kicked');
    const { cookie, csrf } = await logIn(server.url, PASSWORD);
    const without = await fetch(
      `${server.url}/console/chats/resume`,
      form({ platform: 'telegram', chat: '-5' }, cookie),
    );
    expect(without.status).toBe(403);
    const wrong = await fetch(
      `${server.url}/console/chats/resume`,
      form({ platform: 'telegram', chat: '-5', _csrf: 'x' }, cookie),
    );
    expect(wrong.status).toBe(403);
    expect((await server.data.subscriptionsOf({ platform: 'telegram', chatId: '-5' }))[0]!.active).toBe(false);
    const right = await fetch(
      `${server.url}/console/chats/resume`,
      form({ platform: 'telegram', chat: '-5', _csrf: csrf }, cookie),
    );
    expect(right.status).toBe(303);
    expect((await server.data.subscriptionsOf({ platform: 'telegram', chatId: '-5' }))[0]!.active).toBe(true);
  });

  it('makes an address wait after 5 failed logins in a minute, then lets it try again', async () => {
    let now = 1_000_000;
    server = await startConsoleServer(PASSWORD, [], () => now);
    for (let i = 0; i < 5; i++)
      expect((await fetch(`${server.url}/console/login`, form({ password: 'nope' }))).status).toBe(401);
    const blocked = await fetch(`${server.url}/console/login`, form({ password: PASSWORD }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 61_000;
    expect((await fetch(`${server.url}/console/login`, form({ password: PASSWORD }))).status).toBe(303);
  });

  it('logging out ends the session even if the old cookie is replayed', async () => {
    server = await startConsoleServer(PASSWORD, []);
    const { cookie, csrf } = await logIn(server.url, PASSWORD);
    const out = await fetch(`${server.url}/console/logout`, form({ _csrf: csrf }, cookie));
    expect(out.headers.get('location')).toBe('/console/login');
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const replay = await fetch(`${server.url}/console/briefs`, { headers: { cookie }, redirect: 'manual' });
    expect(replay.status).toBe(303);
  });

  it('escapes a hostile title in the list and the previews, under a CSP without inline script', async () => {
    server = await startConsoleServer(PASSWORD, [
      makeBrief({ slug: 'evil', title: hostile, summary: `Summary ${hostile}` }),
    ]);
    const { cookie } = await logIn(server.url, PASSWORD);
    for (const path of ['/console/briefs', '/console/briefs/evil', '/console/briefs/evil/preview']) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      const html = await res.text();
      expect(html).not.toContain('<img');
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    }
  });

  it('keeps chat and delivery data off the public pages', async () => {
    server = await startConsoleServer(PASSWORD, [makeBrief({ slug: 'pub', topics: ['water'] })]);
    await server.data.subscribe({ platform: 'telegram', chatId: '-100424242' }, 'water', 'u777');
    for (const path of ['/feeds/briefs.json', '/feeds/briefs.atom', '/feeds/topics/water.json', '/briefs/pub']) {
      const body = await (await fetch(`${server.url}${path}`)).text();
      expect(body).not.toContain('-100424242');
      expect(body).not.toContain('u777');
    }
  });
});

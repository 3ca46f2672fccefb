import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord } from './discord-api.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP = '123456789012345678';
const GUILD = '223456789012345678';
const CHANNEL = '323456789012345678';

interface GatewayEvent {
  op: number;
  s: number | null;
  t: string | null;
  d: Record<string, unknown> | null;
}

/** A raw gateway client that collects every event it receives. */
async function connect(
  url: string,
): Promise<{ ws: WebSocket; events: GatewayEvent[]; next: (t: string) => Promise<GatewayEvent> }> {
  const ws = new WebSocket(url);
  const events: GatewayEvent[] = [];
  const waiters: { t: string; resolve: (e: GatewayEvent) => void }[] = [];
  ws.on('message', (data) => {
    const event = JSON.parse(String(data)) as GatewayEvent;
    events.push(event);
    for (const w of waiters.filter((w) => w.t === (event.t ?? `op${event.op}`))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(event);
    }
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = (t: string, timeoutMs = 5000) =>
    new Promise<GatewayEvent>((resolve, reject) => {
      const seen = events.find((e) => (e.t ?? `op${e.op}`) === t);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no ${t} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({ t, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  return { ws, events, next };
}

/** The fake must behave like Discord for the end-to-end tests to mean anything. */
describe('FakeDiscord', () => {
  let fake: FakeDiscord;
  const rest = (method: string, path: string, body?: unknown, token = TOKEN) =>
    fetch(`${fake.restUrl}/v10${path}`, {
      method,
      headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeEach(async () => {
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: APP,
      guilds: [{ id: GUILD, channels: [{ id: CHANNEL }] }],
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('refuses REST calls without the bot token, and records every request', async () => {
    expect((await rest('GET', '/gateway/bot', undefined, 'wrong')).status).toBe(401);
    const gateway = (await (await rest('GET', '/gateway/bot')).json()) as { url: string };
    expect(gateway.url).toBe(fake.gatewayUrl);
    expect(fake.find('GET', /^\/gateway\/bot$/)).toHaveLength(2);
  });

  it('stores registered commands and answers unknown channels with 10003', async () => {
    const commands = [{ name: 'brief', description: 'Show a brief', type: 1 }];
    expect((await rest('PUT', `/applications/${APP}/guilds/${GUILD}/commands`, commands)).status).toBe(200);
    const stored = (await (await rest('GET', `/applications/${APP}/guilds/${GUILD}/commands`)).json()) as {
      name: string;
    }[];
    expect(stored.map((c) => c.name)).toEqual(['brief']);
    const missing = await rest('POST', '/channels/999999999999999999/messages', {
      content: 'x',
      allowed_mentions: { parse: [] },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: number }).code).toBe(10003);
    expect(
      (await rest('POST', `/channels/${CHANNEL}/messages`, { content: 'x', allowed_mentions: { parse: [] } })).status,
    ).toBe(200);
  });

  it('folds a repeated nonce with enforce_nonce into the first message, and refuses a nonce over 25 characters', async () => {
    const post = (body: Record<string, unknown>) => rest('POST', `/channels/${CHANNEL}/messages`, body);
    const first = (await (
      await post({ content: 'a', allowed_mentions: { parse: [] }, nonce: 'bb:d17', enforce_nonce: true })
    ).json()) as { id: string };
    const again = (await (
      await post({ content: 'a', allowed_mentions: { parse: [] }, nonce: 'bb:d17', enforce_nonce: true })
    ).json()) as { id: string };
    expect(again.id).toBe(first.id);
    // Without enforce_nonce Discord does not fold; another nonce is another message.
    const loose = (await (await post({ content: 'a', allowed_mentions: { parse: [] }, nonce: 'bb:d17' })).json()) as {
      id: string;
    };
    const other = (await (
      await post({ content: 'a', allowed_mentions: { parse: [] }, nonce: 'bb:d18', enforce_nonce: true })
    ).json()) as { id: string };
    expect(new Set([first.id, loose.id, other.id]).size).toBe(3);
    expect(fake.created.map((m) => m.id)).toEqual([first.id, loose.id, other.id]);
    const tooLong = await post({
      content: 'a',
      allowed_mentions: { parse: [] },
      nonce: 'x'.repeat(26),
      enforce_nonce: true,
    });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { code: number }).code).toBe(50035);
  });

  it('answers a scripted 429 with the headers discord.js reads, once', async () => {
    fake.rateLimit(/^\/channels\/\d+\/messages$/, 2);
    const limited = await rest('POST', `/channels/${CHANNEL}/messages`, {
      content: 'x',
      allowed_mentions: { parse: [] },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(
      (await rest('POST', `/channels/${CHANNEL}/messages`, { content: 'x', allowed_mentions: { parse: [] } })).status,
    ).toBe(200);
  });

  it('says HELLO, acknowledges heartbeats, and answers IDENTIFY with READY and GUILD_CREATE', async () => {
    const gw = await connect(fake.gatewayUrl);
    expect((await gw.next('op10')).d).toMatchObject({ heartbeat_interval: expect.any(Number) });
    gw.ws.send(JSON.stringify({ op: 1, d: null }));
    await gw.next('op11');
    gw.ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1 } }));
    const ready = await gw.next('READY');
    expect(ready.d).toMatchObject({ session_id: expect.any(String), application: { id: APP } });
    expect((await gw.next('GUILD_CREATE')).d).toMatchObject({ id: GUILD });
    expect(fake.identifies.map((i) => i.intents)).toEqual([1]);
    gw.ws.close();
  });

  it('closes on a wrong token, and replays missed events on RESUME', async () => {
    const bad = await connect(fake.gatewayUrl);
    const closed = new Promise<number>((resolve) => bad.ws.once('close', resolve));
    bad.ws.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 1 } }));
    expect(await closed).toBe(4004);

    const first = await connect(fake.gatewayUrl);
    first.ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1 } }));
    const ready = await first.next('READY');
    const lastSeq = (await first.next('GUILD_CREATE')).s!;
    fake.dropGateway();
    fake.interact({ id: 'missed', type: 2 });

    const second = await connect(fake.gatewayUrl);
    second.ws.send(JSON.stringify({ op: 6, d: { token: TOKEN, session_id: ready.d!.session_id, seq: lastSeq } }));
    expect((await second.next('INTERACTION_CREATE')).d).toMatchObject({ id: 'missed' });
    await second.next('RESUMED');
    expect(fake.resumes).toEqual([expect.objectContaining({ seq: lastSeq })]);
    second.ws.close();
  });
});

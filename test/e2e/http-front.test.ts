import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi, privateChat, user } from '../fakes/telegram-api.js';
import { startTelegramBot, type RunningBot } from './telegram-harness.js';

/** One sample's value from Prometheus text, e.g. `briefbot_leader` or `name{label="x"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the HTTP listener in long-polling mode: health, readiness, metrics', { timeout: 30_000 }, () => {
  let fake: FakeTelegramApi;
  let running: RunningBot;
  let base: string;
  const alice = user(601, 'Alice');
  const get = (path: string) => fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    running = await startTelegramBot(fake, { INSTANCE_ID: 'test-instance-1' });
    base = `http://127.0.0.1:${running.app.http!.port}`;
  });

  afterAll(async () => {
    await running?.stop();
    await fake?.close();
  });

  it('serves /healthz with the instance, leadership and uptime', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ instance: 'test-instance-1', leader: true, uptime_s: expect.any(Number) });
    expect(body.uptime_s).toBeGreaterThanOrEqual(0);
  });

  it('is ready once content is loaded and the database answers', async () => {
    const response = await get('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true });
  });

  it('counts commands, reply latency, 429s and reports the gauges in /metrics', async () => {
    fake.sendText(privateChat(alice), alice, '/brief xinjiang');
    await fake.waitForSent(1, alice.id);
    fake.fault({
      method: 'sendMessage',
      error: { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    });
    fake.sendText(privateChat(alice), alice, '/help');
    await fake.waitForSent(2, alice.id);

    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(sample(text, 'briefbot_commands_total{platform="telegram",command="brief"}')).toBe(1);
    expect(sample(text, 'briefbot_commands_total{platform="telegram",command="help"}')).toBe(1);
    expect(sample(text, 'briefbot_reply_seconds_count{platform="telegram"}')).toBe(2);
    expect(sample(text, 'briefbot_rate_limited_total{platform="telegram"}')).toBe(1);
    expect(sample(text, 'briefbot_leader')).toBe(1);
    expect(sample(text, 'briefbot_briefs_loaded')).toBe(running.app.store.library.size);
    expect(sample(text, 'briefbot_briefs_loaded')).toBeGreaterThan(0);
    expect(sample(text, 'briefbot_content_errors')).toBe(0);
    expect(sample(text, 'briefbot_deliveries_pending')).toBe(0);
    expect(text).toContain('# TYPE briefbot_deliveries_total counter');
  });

  it('answers 404 for paths no feature serves', async () => {
    expect((await get('/nothing-here')).status).toBe(404);
  });

  it('says why it is not ready when the database does not answer', async () => {
    await running.app.data.close();
    const response = await get('/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { ready: boolean; reason: string };
    expect(body.ready).toBe(false);
    expect(body.reason).toMatch(/database|not open|closed/i);
    expect((await get('/healthz')).status).toBe(200);
  });
});

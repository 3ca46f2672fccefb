import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const TG = '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr';
const DC = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

const failure = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('defaults to the terminal with no tokens', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ contentDir: './content', databasePath: './data/briefbot.db', logLevel: 'info' });
    expect(config.discord).toBeUndefined();
    expect(config.telegram).toBeUndefined();
    expect(config.rateLimit).toEqual({ limit: 5, windowSeconds: 10 });
  });

  it('enables platforms with well-formed tokens', () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: TG,
      DISCORD_TOKEN: DC,
      DISCORD_APPLICATION_ID: '123456789012345678',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9/',
    });
    expect(config.telegram).toEqual({ token: TG, apiRoot: 'http://127.0.0.1:9' });
    expect(config.discord).toMatchObject({
      token: DC,
      applicationId: '123456789012345678',
      apiRoot: 'https://discord.com/api',
    });
  });

  it('names the variable of a malformed token without printing it', () => {
    const message = failure({ TELEGRAM_BOT_TOKEN: 'secret-value-123' });
    expect(message).toMatch(/^TELEGRAM_BOT_TOKEN does not look like a Telegram bot token/);
    expect(message).not.toContain('secret-value-123');
    expect(failure({ DISCORD_TOKEN: 'nope', DISCORD_APPLICATION_ID: '123456789012345678' })).toMatch(/^DISCORD_TOKEN /);
  });

  it('requires companions', () => {
    expect(failure({ DISCORD_TOKEN: DC })).toBe('DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set');
    expect(failure({ TELEGRAM_BOT_TOKEN: TG, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook' })).toBe(
      'TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set',
    );
  });

  it('checks numbers, levels and URLs', () => {
    expect(failure({ PORT: 'eighty' })).toMatch(/^PORT /);
    expect(failure({ LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL /);
    expect(failure({ DISCORD_API_ROOT: 'ftp://x' })).toBe('DISCORD_API_ROOT must be an http(s) URL');
    expect(parseConfig({ PORT: '', RATE_LIMIT_COMMANDS: '3' })).toMatchObject({ rateLimit: { limit: 3 } });
  });

  it('turns on the HTTP listener whenever a platform is configured, on PORT (default 8080)', () => {
    expect(parseConfig({}).http).toBeUndefined();
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: TG }).http).toEqual({ port: 8080 });
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: TG, PORT: '0' }).http).toEqual({ port: 0 });
    expect(failure({ PORT: '70000' })).toMatch(/^PORT /);
  });

  it('DISCORD_PUBLIC_KEY: 64 hexadecimal characters, with the bot token for REST sends', () => {
    const key = 'AB'.repeat(32);
    const withKey = { DISCORD_TOKEN: DC, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_PUBLIC_KEY: key };
    expect(parseConfig(withKey).discord?.publicKey).toBe(key.toLowerCase());
    expect(failure({ ...withKey, DISCORD_PUBLIC_KEY: 'abc123' })).toMatch(/^DISCORD_PUBLIC_KEY must be/);
    expect(failure({ ...withKey, DISCORD_PUBLIC_KEY: 'zz'.repeat(32) })).toMatch(/^DISCORD_PUBLIC_KEY /);
    expect(failure({ DISCORD_PUBLIC_KEY: key })).toMatch(/^DISCORD_TOKEN is required when DISCORD_PUBLIC_KEY is set/);
  });

  it('INSTANCE_ID names the instance; by default host name and process id', () => {
    expect(parseConfig({ INSTANCE_ID: 'eu-1' }).instanceId).toBe('eu-1');
    expect(parseConfig({}).instanceId).toMatch(new RegExp(`-${process.pid}$`));
    expect(failure({ INSTANCE_ID: 'has spaces and / slashes' })).toMatch(/^INSTANCE_ID /);
  });

  it('reports every problem at once, one plain sentence each, without the values', () => {
    const secret = 'hunter2-not-a-token';
    const message = failure({
      PORT: 'eighty',
      RATE_LIMIT_WINDOW_SECONDS: '2.5',
      TELEGRAM_BOT_TOKEN: secret,
      DISCORD_TOKEN: DC,
      LOG_LEVEL: 'loud',
    });
    expect(message.split('\n')).toEqual(
      [
        'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set',
        'TELEGRAM_BOT_TOKEN does not look like a Telegram bot token (digits, a colon, 30+ characters)',
        'PORT must be a whole number from 0 to 65535 (got a value that is not a number)',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        'RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1 to 3600 (got 2.5)',
      ].sort((a, b) => message.indexOf(a) - message.indexOf(b)),
    );
    expect(message).not.toContain(secret);
    expect(message).not.toContain(DC);
  });

  it('says a 10,000-character value is too long instead of testing it', () => {
    const huge = `${'9'.repeat(9_989)}:AAbbCCddEE`;
    const message = failure({ TELEGRAM_BOT_TOKEN: huge, PORT: '7'.repeat(10_000) });
    expect(message.split('\n')).toEqual([
      'TELEGRAM_BOT_TOKEN is 10,000 characters long, more than any setting needs (at most 4,096): check what was pasted into it',
      'PORT is 10,000 characters long, more than any setting needs (at most 4,096): check what was pasted into it',
    ]);
  });

  it('reads LOG_FORMAT', () => {
    expect(parseConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(parseConfig({}).logFormat).toBeUndefined();
    expect(failure({ LOG_FORMAT: 'fancy' })).toBe('LOG_FORMAT must be json or pretty');
  });

  it('reads operators per platform, home chats and the announcement quiet time', () => {
    const config = parseConfig({
      OPERATORS_TELEGRAM: ' 12345, 678 ',
      OPERATORS_DISCORD: '123456789012345678',
      HOME_CHAT_TELEGRAM: '-1001234',
      ANNOUNCE_QUIET_SECONDS: '5',
    });
    expect(config.operators).toEqual({
      users: { telegram: ['12345', '678'], discord: ['123456789012345678'] },
      homeChats: { telegram: '-1001234' },
    });
    expect(config.announceQuietSeconds).toBe(5);
    expect(parseConfig({}).operators).toEqual({ users: { telegram: [], discord: [] }, homeChats: {} });
    expect(parseConfig({}).announceQuietSeconds).toBe(30);
    expect(failure({ OPERATORS_TELEGRAM: '12,@bob' })).toBe(
      'OPERATORS_TELEGRAM must be a comma-separated list of numeric Telegram user ids',
    );
    expect(failure({ HOME_CHAT_DISCORD: 'general' })).toMatch(/^HOME_CHAT_DISCORD /);
    expect(failure({ ANNOUNCE_QUIET_SECONDS: '-1' })).toMatch(/^ANNOUNCE_QUIET_SECONDS /);
  });
});

describe('parseConfig: several instances', () => {
  it('selects PostgreSQL with DATABASE_URL and names the instance', () => {
    const url = 'postgres://bot:s3cret@db.example:5432/briefbot';
    expect(parseConfig({ DATABASE_URL: url, INSTANCE_ID: 'web-1' })).toMatchObject({
      databaseUrl: url,
      instanceId: 'web-1',
    });
    expect(parseConfig({}).databaseUrl).toBeUndefined();
    expect(parseConfig({}).instanceId).toBe(`${hostname()}-${process.pid}`);
  });

  it('refuses a malformed DATABASE_URL naming the variable, never its password', () => {
    for (const bad of ['mysql://bot:s3cret@db/x', 'postgres//bot:s3cret@db/x', 'bot:s3cret@db:5432', 'postgres://']) {
      const message = failure({ DATABASE_URL: bad });
      expect(message).toMatch(/^DATABASE_URL must be a postgres:\/\//);
      expect(message).not.toContain('s3cret');
    }
    expect(failure({ INSTANCE_ID: 'has spaces and / slashes' })).toMatch(/^INSTANCE_ID /);
  });
});

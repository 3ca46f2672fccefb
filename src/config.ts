import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(blankToUndefined, schema.default(value as never));

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a numeric Discord id (17 to 20 digits)');
const url = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL')
  .transform((s) => s.replace(/\/+$/, ''));
const int = (min: number, max: number) => z.coerce.number().int(`must be a whole number`).min(min).max(max);
/** `id,id,...` of platform user ids; blanks around commas are ignored. */
const idList = (id: RegExp, what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v : ''),
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      )
      .refine((ids) => ids.every((one) => id.test(one)), `must be a comma-separated list of ${what}`),
  );

const envSchema = z
  .object({
    DISCORD_TOKEN: optional(
      z
        .string()
        .regex(
          /^[\w-]{10,}\.[\w-]{4,}\.[\w-]{10,}$/,
          'does not look like a Discord bot token (three dot-separated parts)',
        ),
    ),
    DISCORD_APPLICATION_ID: optional(snowflake),
    DISCORD_GUILD_ID: optional(snowflake),
    DISCORD_API_ROOT: withDefault(url, 'https://discord.com/api'),
    DISCORD_PUBLIC_KEY: optional(
      z.string().regex(/^[0-9a-fA-F]{64}$/, "must be the application's public key: 64 hexadecimal characters"),
    ),
    TELEGRAM_BOT_TOKEN: optional(
      z
        .string()
        .regex(/^\d{1,20}:[\w-]{30,}$/, 'does not look like a Telegram bot token (digits, a colon, 30+ characters)'),
    ),
    TELEGRAM_API_ROOT: withDefault(url, 'https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optional(
      z.string().refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', 'must be an https URL'),
    ),
    TELEGRAM_WEBHOOK_SECRET: optional(
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 letters, digits, _ or -'),
    ),
    // 0 picks a free port (tests); the one chosen is logged.
    PORT: withDefault(int(0, 65535), 8080),
    INSTANCE_ID: optional(z.string().regex(/^[\w.:-]{1,64}$/, 'must be 1-64 letters, digits, _ . : or -')),
    CONTENT_DIR: withDefault(z.string(), './content'),
    DATABASE_PATH: withDefault(z.string(), './data/briefbot.db'),
    // The message never repeats the value: it carries the password.
    DATABASE_URL: optional(
      z
        .string()
        .refine(
          (s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol) && new URL(s).hostname !== '',
          'must be a postgres://user:password@host:port/database URL',
        ),
    ),
    LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
    RATE_LIMIT_COMMANDS: withDefault(int(1, 10_000), 5),
    RATE_LIMIT_WINDOW_SECONDS: withDefault(int(1, 3600), 10),
    OPERATORS_TELEGRAM: idList(/^\d{1,20}$/, 'numeric Telegram user ids'),
    OPERATORS_DISCORD: idList(/^\d{17,20}$/, 'numeric Discord user ids'),
    HOME_CHAT_TELEGRAM: optional(z.string().regex(/^-?\d{1,20}$/, 'must be a numeric Telegram chat id')),
    HOME_CHAT_DISCORD: optional(snowflake),
    ANNOUNCE_QUIET_SECONDS: withDefault(int(0, 86_400), 30),
  })
  .superRefine((env, ctx) => {
    const need = (when: unknown, path: string, message: string) => {
      if (when) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    need(
      env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID,
      'DISCORD_APPLICATION_ID',
      'is required when DISCORD_TOKEN is set',
    );
    need(
      env.DISCORD_APPLICATION_ID && !env.DISCORD_TOKEN,
      'DISCORD_TOKEN',
      'is required when DISCORD_APPLICATION_ID is set',
    );
    need(
      env.DISCORD_PUBLIC_KEY && !env.DISCORD_TOKEN,
      'DISCORD_TOKEN',
      'is required when DISCORD_PUBLIC_KEY is set (posts and deliveries go through the REST API)',
    );
    need(env.DISCORD_GUILD_ID && !env.DISCORD_TOKEN, 'DISCORD_TOKEN', 'is required when DISCORD_GUILD_ID is set');
    need(
      env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN,
      'TELEGRAM_BOT_TOKEN',
      'is required when TELEGRAM_WEBHOOK_URL is set',
    );
    need(
      env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET,
      'TELEGRAM_WEBHOOK_SECRET',
      'is required when TELEGRAM_WEBHOOK_URL is set',
    );
  });

type Env = z.output<typeof envSchema>;

export interface Config {
  discord?: {
    token: string;
    applicationId: string;
    guildId?: string;
    apiRoot: string;
    /** Set: Discord posts interactions to our HTTP listener and the bot opens no gateway connection. */
    publicKey?: string;
  };
  telegram?: { token: string; apiRoot: string; webhook?: { url: string; secret: string } };
  /** The one HTTP listener, on whenever a platform is configured. */
  http?: { port: number };
  contentDir: string;
  databasePath: string;
  /** PostgreSQL shared by several instances; SQLite at `databasePath` when absent. */
  databaseUrl?: string;
  /** This instance's name in logs, `/healthz` and `/status` (default `<host name>-<pid>`). */
  instanceId: string;
  logLevel: Env['LOG_LEVEL'];
  rateLimit: { limit: number; windowSeconds: number };
  /** Who may see operator-only information (content errors, file names, database state). */
  operators: OperatorConfig;
  /** Quiet time after a brief's last change before subscribers are told of it. */
  announceQuietSeconds: number;
}

export interface OperatorConfig {
  /** User ids per platform. */
  users: { telegram: string[]; discord: string[] };
  /** A chat per platform whose moderators count as operators there. */
  homeChats: { telegram?: string; discord?: string };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` when present; variables already set in the environment win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Parses the environment; throws a ConfigError naming the variable (never its value). */
export function parseConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const env = parsed.data;
  return {
    ...(env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID
      ? {
          discord: {
            token: env.DISCORD_TOKEN,
            applicationId: env.DISCORD_APPLICATION_ID,
            apiRoot: env.DISCORD_API_ROOT,
            ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
            ...(env.DISCORD_PUBLIC_KEY ? { publicKey: env.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
          },
        }
      : {}),
    ...(env.TELEGRAM_BOT_TOKEN
      ? {
          telegram: {
            token: env.TELEGRAM_BOT_TOKEN,
            apiRoot: env.TELEGRAM_API_ROOT,
            ...(env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
              ? { webhook: { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET } }
              : {}),
          },
        }
      : {}),
    ...(env.TELEGRAM_BOT_TOKEN || (env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID)
      ? { http: { port: env.PORT } }
      : {}),
    contentDir: env.CONTENT_DIR,
    databasePath: env.DATABASE_PATH,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    instanceId: env.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    logLevel: env.LOG_LEVEL,
    rateLimit: { limit: env.RATE_LIMIT_COMMANDS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    operators: {
      users: { telegram: env.OPERATORS_TELEGRAM, discord: env.OPERATORS_DISCORD },
      homeChats: {
        ...(env.HOME_CHAT_TELEGRAM ? { telegram: env.HOME_CHAT_TELEGRAM } : {}),
        ...(env.HOME_CHAT_DISCORD ? { discord: env.HOME_CHAT_DISCORD } : {}),
      },
    },
    announceQuietSeconds: env.ANNOUNCE_QUIET_SECONDS,
  };
}

import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { missingCompanions, oversizedValues, toProblem, tooLongSentence, withoutKeys } from './config-problems.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(blankToUndefined, schema.default(value as never));

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a numeric Discord id (17 to 20 digits)');
const url = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL')
  .transform((s) => s.replace(/\/+$/, ''));
const int = (min: number, max: number) => {
  const sentence = (got: unknown) =>
    `must be a whole number from ${min} to ${max} (got ${typeof got === 'number' && Number.isFinite(got) ? got : 'a value that is not a number'})`;
  const error = (issue: { input?: unknown }) => sentence(issue.input);
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
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
  // The message never repeats the value: it is a password.
  CONSOLE_PASSWORD: optional(
    z.string().min(12, 'must be at least 12 characters long').max(1024, 'must be at most 1,024 characters long'),
  ),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }), 'info'),
  LOG_FORMAT: optional(z.enum(['json', 'pretty'], { error: 'must be json or pretty' })),
  RATE_LIMIT_COMMANDS: withDefault(int(1, 10_000), 5),
  RATE_LIMIT_WINDOW_SECONDS: withDefault(int(1, 3600), 10),
  OPERATORS_TELEGRAM: idList(/^\d{1,20}$/, 'numeric Telegram user ids'),
  OPERATORS_DISCORD: idList(/^\d{17,20}$/, 'numeric Discord user ids'),
  HOME_CHAT_TELEGRAM: optional(z.string().regex(/^-?\d{1,20}$/, 'must be a numeric Telegram chat id')),
  HOME_CHAT_DISCORD: optional(snowflake),
  ANNOUNCE_QUIET_SECONDS: withDefault(int(0, 86_400), 30),
});

/**
 * `[a, b, why]`: b is required when a is set. Checked on the raw values, so that it is
 * reported together with every other problem, even when a value is malformed.
 */
const COMPANIONS: readonly (readonly [string, string, string?])[] = [
  ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'],
  ['DISCORD_APPLICATION_ID', 'DISCORD_TOKEN'],
  ['DISCORD_PUBLIC_KEY', 'DISCORD_TOKEN', 'posts and deliveries go through the REST API'],
  ['DISCORD_GUILD_ID', 'DISCORD_TOKEN'],
  ['TELEGRAM_WEBHOOK_URL', 'TELEGRAM_BOT_TOKEN'],
  ['TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET'],
];

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
  /** The newsroom console under /console/ (served with the HTTP listener). */
  console?: { password: string };
  logLevel: Env['LOG_LEVEL'];
  /** Unset: pretty when stderr is a terminal, JSON otherwise. */
  logFormat?: 'json' | 'pretty';
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

export interface ConfigProblem {
  variable: string;
  /** A sentence that follows the variable's name; never contains the value of a secret. */
  problem: string;
}

/** Every problem with the environment at once, one sentence each (`message` has one per line). */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(
    readonly variable: string,
    problem: string,
    more: ConfigProblem[] = [],
  ) {
    const problems = [{ variable, problem }, ...more];
    super(problems.map((p) => `${p.variable} ${p.problem}`).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads `.env` when present; variables already set in the environment win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Parses the environment; throws a ConfigError naming the variable (never its value). */
export function parseConfig(source: NodeJS.ProcessEnv): Config {
  const oversized = oversizedValues(source, Object.keys(envSchema.shape));
  const parsed = envSchema.safeParse(withoutKeys(source, oversized));
  const problems = [
    ...oversized.map((variable) => ({ variable, problem: tooLongSentence(source[variable]!) })),
    ...(parsed.success ? [] : parsed.error.issues.map(toProblem)),
    ...missingCompanions(source, COMPANIONS),
  ];
  const [first, ...more] = problems;
  if (first) throw new ConfigError(first.variable, first.problem, more);
  if (!parsed.success) throw new ConfigError('environment', 'could not be read');
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
    ...(env.CONSOLE_PASSWORD ? { console: { password: env.CONSOLE_PASSWORD } } : {}),
    instanceId: env.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    logLevel: env.LOG_LEVEL,
    ...(env.LOG_FORMAT ? { logFormat: env.LOG_FORMAT } : {}),
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

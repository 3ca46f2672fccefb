import { pino, type Logger } from 'pino';

export type { Logger };

/** Logs go to stderr so that stdout stays clean for replies in the terminal. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: null,
      redact: { paths: ['token', '*.token', 'config.*Token', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

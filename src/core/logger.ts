import { pino, type Logger } from 'pino';
import { scrubSecrets } from './redact.js';

export type { Logger };

/**
 * Logs go to stderr so that stdout stays clean for replies in the terminal. Every line is
 * scrubbed of tokens as it is written, whichever field (an error's message or stack, a
 * detail string) carries one.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: null,
      redact: { paths: ['token', '*.token', 'config.*Token', 'headers.authorization'], censor: '[redacted]' },
      hooks: { streamWrite: scrubSecrets },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

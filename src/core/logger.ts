import { writeSync } from 'node:fs';
import { pino } from 'pino';
import type { Logger } from '../shared/logger.js';
import { prettyLogLine, type LogFormat } from './log-format.js';
import { scrubSecrets } from './redact.js';

export type { Logger };

export interface LoggerOptions {
  format?: LogFormat;
  /** Where finished lines go; default stderr. The terminal mode prints them above its prompt. */
  write?: (line: string) => void;
}

/**
 * Logs go to stderr so that stdout stays clean for replies in the terminal. Every line is
 * scrubbed of tokens as it is written, whichever field (an error's message or stack, a
 * detail string) carries one.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => writeSync(2, line));
  const pretty = options.format === 'pretty';
  return pino(
    {
      level,
      base: null,
      redact: { paths: ['token', '*.token', 'config.*Token', 'headers.authorization'], censor: '[redacted]' },
      hooks: { streamWrite: scrubSecrets },
    },
    options.write || pretty
      ? { write: (line: string) => write(pretty ? prettyLogLine(line) : line) }
      : pino.destination({ fd: 2, sync: true }),
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

import pino from 'pino';
import type { Logger } from '../../src/core/logger.js';

/** One JSON line the logger wrote, with the fields the content tests read. */
export interface LogLine {
  msg: string;
  reason?: string;
  err?: { message: string };
}

/** A real pino logger at `level` whose lines are kept, whole and as their messages. */
export function recordingLogger(level: 'info' | 'warn' = 'warn'): {
  logger: Logger;
  lines: LogLine[];
  messages: string[];
} {
  const lines: LogLine[] = [];
  const messages: string[] = [];
  const logger = pino(
    { level },
    {
      write: (text: string) => {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        messages.push(line.msg);
      },
    },
  );
  return { logger, lines, messages };
}

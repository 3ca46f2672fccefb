/** The logger every layer writes to; src/core/logger.ts makes one (pino, tokens redacted). */
export type { Logger } from 'pino';

import { UserError } from '../../core/errors.js';

/** What a user sees when a command needs the database and it does not answer. */
export class DatabaseUnavailableError extends UserError {
  constructor(cause: unknown) {
    super('The database is not answering; try again in a moment.', 'database_unavailable');
    this.name = 'DatabaseUnavailableError';
    this.cause = cause;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
// 57P01-57P03: the server is shutting down or starting; 53300: too many connections.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection is closed/i;

/** True when the error says the database cannot be reached, not that the query was wrong. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')))
    return true;
  return MESSAGES.test(error.message);
}

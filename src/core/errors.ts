import { randomBytes } from 'node:crypto';
import { translator, type Translate } from './i18n/index.js';

/** An error whose message is safe and useful to show to the user as it is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code = 'user_error',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A short reference that links what the user saw to the log line an operator reads. */
export const errorRef = (): string => randomBytes(4).toString('hex');

/** What a user sees when something failed on our side: the one error line, with its reference. */
export const internalErrorText = (ref: string, t: Translate = translator('en')): string =>
  t('bot.internalError', { ref });

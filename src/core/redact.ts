/**
 * A Telegram bot token (`<digits>:<secret>`), with or without the `bot` of a Bot API URL
 * before it. Client libraries put whole request URLs into their error messages, so any
 * text bound for a log or a terminal goes through `scrubSecrets` first.
 */
const TELEGRAM_TOKEN = /(bot)?\d{1,20}:[A-Za-z0-9_-]{30,}/g;

export function scrubSecrets(text: string): string {
  return text.replace(TELEGRAM_TOKEN, (_match, bot: string | undefined) => `${bot ?? ''}<redacted>`);
}

/** The message of anything thrown, scrubbed. */
export function safeMessage(error: unknown): string {
  return scrubSecrets(error instanceof Error ? error.message : String(error));
}

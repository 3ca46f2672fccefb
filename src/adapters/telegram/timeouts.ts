import type { Telegram } from 'telegraf';

type CallApi = Telegram['callApi'];
type Signal = NonNullable<NonNullable<Parameters<CallApi>[2]>['signal']>;

/**
 * Gives every Bot API call without a signal of its own a deadline: telegraf's default is
 * 500 s, so a Bot API that accepts connections and never answers would hang the caller.
 */
export function limitCallTime(telegram: Pick<Telegram, 'callApi'>, timeoutMs: number): void {
  const callApi = telegram.callApi.bind(telegram) as CallApi;
  telegram.callApi = ((method, payload, extra = {}) =>
    callApi(method, payload, {
      ...extra,
      signal: extra.signal ?? (AbortSignal.timeout(timeoutMs) as unknown as Signal),
    })) as CallApi;
}

/** Why a call failed, for a person reading the log: an aborted call means no answer in time. */
export function failureCause(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

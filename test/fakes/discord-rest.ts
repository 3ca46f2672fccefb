import type { FakeDiscord } from './discord-api.js';

/** What the fake answered a raw REST call: status, headers and the parsed JSON body. */
export interface RestAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A raw Discord REST call against the fake (no client library), authorised with `token`. */
export function discordRest(fake: () => FakeDiscord, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<RestAnswer> => {
    const response = await fetch(`${fake().restUrl}/v10${path}`, {
      method,
      headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  };
}
